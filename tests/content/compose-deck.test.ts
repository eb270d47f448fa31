import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDeck, deckFields } from '../../content/compose/deck';
import { pickKeyStats } from '../../content/compose/deck-stats';
import { importPastedText, importReport } from '../../content/import';
import { emptyBriefing, type BriefingItem } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { Deck, Slide } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { agendaColumns, displayTitle } from '../../templates/scene/geometry';
import {
  ALL_LAYOUTS_SEQUENCE,
  allLayouts,
  briefingOf,
  item,
  longText,
  LONG_SENTENCE as LONG,
  makeReport,
  point,
  section,
  stat,
} from '../fixtures/deck/reports';
import { officialPunctuation as official } from '../../content/text/punctuation';
import { readDistrictReport, readReportBytes } from '../helpers/paths';
import { describeSharedReport } from '../helpers/shared-report';
import { bulletsOf, chartPointsOf, figuresOf, isContinued, quoteTextOf } from '../helpers/slides';

const theme = (id = 'gov-red') => builtinRegistry().get('deck', id);
const layouts = (deck: Deck) => deck.slides.map((s) => s.layout);

const NUMBERS = [
  '一、',
  '二、',
  '三、',
  '四、',
  '五、',
  '六、',
  '七、',
  '八、',
  '九、',
  '十、',
  '十一、',
  '十二、',
];

describe('the automatic draft of a newspaper report', () => {
  let report: Report;
  let deck: Deck;
  beforeAll(async () => {
    report = await importReport({ name: 'qinghe-midyear-2023.txt', bytes: readReportBytes() });
    deck = composeDeck(report, emptyBriefing(), theme());
  });

  it('opens with a cover of the report title and ends with the closing words', () => {
    expect(deck.slides[0]?.layout).toBe('cover');
    expect(deck.slides[0]?.title).toBe(report.title);
    expect(deck.slides.at(-1)).toMatchObject({ layout: 'closing', title: '汇报完毕，敬请批评指正' });
  });

  it('has a divider per numbered part, 一、二、… in order, the same parts and numbers as the agenda', () => {
    const dividers = deck.slides.filter((s) => s.layout === 'divider');
    // the 编者按 is the report's opening words, not a part: no divider, no number, no agenda entry
    const parts = report.sections.filter((s) => s.title !== '编者按');
    expect(parts.length).toBe(report.sections.length - 1);
    // slide text carries full-width punctuation (「发展为要，坚定信心…」) whatever the paste had
    expect(dividers.map((d) => d.title)).toEqual(parts.map((s) => official(s.title)));
    expect(dividers.map((d) => d.number)).toEqual(NUMBERS.slice(0, parts.length));
    const agenda = deck.slides.filter((s) => s.layout === 'agenda').flatMap((s) => s.agenda ?? []);
    expect(agenda).toEqual(
      parts.map((s) => official(s.title)).map((t) => expect.stringContaining(t.slice(0, 6))),
    );
  });

  it('leaves no divider empty', () => {
    deck.slides.forEach((s, i) => {
      if (s.layout === 'divider')
        expect(['divider', 'closing'], s.title).not.toContain(deck.slides[i + 1]?.layout);
    });
  });

  it('sets every point as a bullet with its lead-in, the body in the speaker notes', () => {
    const points = report.sections.flatMap(function all(s): { lead: string; text: string }[] {
      return [...s.blocks.filter((b) => b.kind === 'point'), ...s.sections.flatMap(all)] as {
        lead: string;
        text: string;
      }[];
    });
    expect(points.length).toBeGreaterThan(10);
    const bullets = deck.slides.filter((s) => s.layout === 'bullets');
    // a point is the headline of its own slide, or the start of a line on a slide it shares
    const shown = [
      ...bullets.map((s) => s.title),
      ...bullets.flatMap(bulletsOf).map((b) => b.split('：')[0]),
    ];
    const notes = bullets.map((s) => s.notes).join('\n');
    for (const p of points) {
      expect(shown).toContain(official(p.lead).replace(/[。；：，]+$/u, ''));
      expect(notes).toContain(official(p.text));
    }
  });

  it('never puts more bullets on a slide than the theme allows, continuing on （续） slides', () => {
    for (const s of deck.slides)
      if (s.layout === 'bullets') expect(bulletsOf(s).length).toBeLessThanOrEqual(theme().limits.maxBullets);
    deck.slides.forEach((s, i) => {
      if (!isContinued(s)) return;
      const before = deck.slides[i - 1];
      expect(before?.layout).toBe(s.layout);
      expect(before?.title).toBe(s.title);
      expect(displayTitle(s, theme())).toMatch(/（续）$/);
    });
  });

  it('gives a section with statistics a key-figures slide of up to six numbers, each traced to its sentence', () => {
    const figures = deck.slides.filter((s) => s.layout === 'figures');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.title.startsWith('数说｜')).toBe(true);
      expect(f.figures?.length ?? 0).toBeLessThanOrEqual(6);
      for (const s of f.figures ?? []) {
        expect(official(report.stats.find((r) => r.id === s.statId)?.sentence ?? '')).toBe(s.sentence);
        expect(f.notes).toContain(s.sentence);
      }
    }
  });

  it('fits every slide: sizes within the theme ranges', () => {
    const t = theme();
    for (const s of deck.slides) {
      expect(s.fit?.title, s.id).toBeDefined();
      if (s.layout === 'bullets') {
        expect(s.fit?.body).toBeGreaterThanOrEqual(t.type.bullets.size.min);
        expect(s.fit?.body).toBeLessThanOrEqual(t.type.bullets.size.max);
      }
    }
  });
});

/** A section with only paragraphs under it shows their opening sentences rather than an empty divider. */
function expectIntroShown(report: Report, deck: Deck): void {
  const intro = report.sections.find(
    (s) => s.blocks.length > 0 && s.blocks.every((b) => b.kind === 'paragraph') && s.sections.length === 0,
  );
  const first = intro?.blocks[0] as { text: string } | undefined;
  if (!intro || !first) throw new Error('the report has no section of paragraphs only');
  const slide = deck.slides.find((s) => s.layout === 'bullets' && s.title === official(intro.title));
  expect(slide?.notes).toContain(official(first.text));
  expect(official(first.text).startsWith((bulletsOf(slide)[0] ?? '').replace(/……$/, ''))).toBe(true);
}

describe('a report that opens with a section of paragraphs only', () => {
  it('shows their opening sentences on a bullets slide after its divider', () => {
    const report = importPastedText(
      [
        '临川县上半年工作情况',
        '前言',
        '今年以来，全县上下坚持稳中求进，经济社会发展总体平稳，主要指标好于预期，为完成全年任务打下了坚实基础。',
        '上半年，全县上下围绕年初确定的目标任务，一手抓项目建设，一手抓民生保障，各项工作有序推进。',
        '一、经济运行',
        '工业生产加快回升。规上工业增加值增长8.2%，新增规上工业企业27户。',
        '二、民生保障',
        '就业形势总体稳定。城镇新增就业3120人，发放稳岗返还资金860万元。',
      ].join('\n\n'),
    );
    expectIntroShown(report, composeDeck(report, emptyBriefing(), theme()));
  });
});

describeSharedReport('the automatic draft of the shared district report', () => {
  let report: Report;
  let deck: Deck;
  beforeAll(async () => {
    report = await importReport({
      name: 'district-midyear-2022.txt',
      bytes: new TextEncoder().encode(readDistrictReport()),
    });
    deck = composeDeck(report, emptyBriefing(), theme());
  });

  it('takes 写在前面 as the opening: no divider or agenda entry, so the parts number from 一', () => {
    const dividers = deck.slides.filter((s) => s.layout === 'divider');
    expect(dividers.map((d) => d.title)).not.toContain('写在前面');
    expect(dividers.slice(0, 3).map((d) => d.number)).toEqual(['一、', '二、', '三、']);
    const agenda = deck.slides.find((s) => s.layout === 'agenda');
    expect(agenda?.layout === 'agenda' && agenda.agenda[0]).toBe(dividers[0]?.title);
    expect(deck.slides[2]).toMatchObject({ layout: 'bullets', title: '写在前面' });
  });

  it('shows the opening sentences of its introduction of paragraphs', () => {
    expectIntroShown(report, deck);
  });
});

describe('a briefing that uses every layout', () => {
  const { report, briefing } = allLayouts();
  const deck = composeDeck(report, briefing, theme());

  it('makes the slides in the order of the briefing, one layout each', () => {
    expect(layouts(deck)).toEqual(ALL_LAYOUTS_SEQUENCE);
    expect(new Set(layouts(deck)).size).toBe(10);
    expect(deck.slides.map((s) => s.id)).toEqual(deck.slides.map((_, i) => `slide-${i + 1}`));
  });

  it('builds the cover from the report title and the brief fields, the unit and date from the dateline', () => {
    expect(deck.fields).toMatchObject({
      title: '绿园区2022年上半年工作总结',
      subtitle: '稳住经济大盘　守牢安全底线',
      unit: '绿园区人民政府办公室',
      date: '2022年7月15日',
      presenter: '张明',
    });
    const own = composeDeck(
      report,
      { ...briefing, fields: { ...briefing.fields, title: '半年汇报', unit: '区政府' } },
      theme(),
    );
    expect(own.slides[0]?.title).toBe('半年汇报');
    expect(own.fields.unit).toBe('区政府');
  });

  it('splits seven points over two slides, four and three, the second marked continued', () => {
    const [a, b] = deck.slides.filter((s) => s.title === '加快复工复产');
    expect(bulletsOf(a)).toHaveLength(4);
    expect(bulletsOf(b)).toHaveLength(3);
    expect(isContinued(a)).toBe(false);
    expect(isContinued(b)).toBe(true);
    expect(b?.notes).toContain('促消费政策持续发力：促消费政策持续发力的具体做法和成效');
    expect(b?.itemIds).toEqual(['i-block-p5', 'i-block-p6', 'i-block-p7']);
  });

  it('picks the section’s headline numbers for its key-figures slide, in report order', () => {
    const figures = deck.slides.find((s) => s.layout === 'figures');
    expect(figures?.title).toBe('数说｜稳住经济运行基本盘');
    // 21.59亿元 引进内资 and 1.2亿元 带动消费 are on the chart staff asked for: never on two slides
    expect(figures?.figures?.map((f) => `${f.value}${f.unit}`)).toEqual(['107户', '2%', '50个', '6.1万户次']);
  });

  it('charts chosen statistics of one unit: months as a line, amounts as bars, with their sentences in the notes', () => {
    const charts = deck.slides.filter((s) => s.layout === 'chart');
    expect(charts.map((c) => c.chart?.type)).toEqual(['line', 'bar']);
    expect(charts[0]?.chart?.unit).toBe('%');
    expect(charts[0]?.chart?.points.map((p) => p.value)).toEqual([
      '-12.5',
      '-8.1',
      '-3.2',
      '0.8',
      '1.6',
      '2',
    ]);
    expect(charts[1]?.chart?.points.map((p) => p.label)).toEqual([
      '引进内资',
      '减免缓缴税费',
      '带动消费',
      '区级奖励资金',
    ]);
    for (const c of charts) for (const p of c.chart?.points ?? []) expect(c.notes).toContain(p.sentence);
    // the section whose statistics staff picked gets no automatic key figures
    const s2 = deck.slides.findIndex((s) => s.title === '主要指标完成情况');
    expect(deck.slides[s2 + 1]?.layout).toBe('bullets');
  });

  it('gives image and table figures their own slides', () => {
    const image = deck.slides.find((s) => s.layout === 'image');
    expect(image?.image?.caption).toBe('新投用的冲压生产线正在调试');
    expect(image?.image?.mime).toBe('image/png');
    const table = deck.slides.find((s) => s.layout === 'table');
    expect(table?.title).toBe('重点项目进展情况');
    expect(table?.table?.rows[0]).toEqual(['项目', '总投资（亿元）', '进度']);
  });

  it('sets an item staff marked as a quote on a quote slide', () => {
    const quote = deck.slides.find((s) => s.layout === 'quote');
    expect(quote?.quote?.text).toMatch(/^发展是第一要务/);
    expect(quote?.itemIds).toEqual(['i-block-r3']);
  });

  it('closes with 谢谢 in the plain theme', () => {
    expect(composeDeck(report, briefing, theme('plain')).slides.at(-1)?.title).toBe('谢谢');
  });
});

describe('layout overrides', () => {
  const { report } = allLayouts();

  it('runs a section on without a divider when staff set it to bullets, and leaves it out of the agenda', () => {
    const items: BriefingItem[] = [
      item('section', 's1', { layout: 'bullets' }),
      item('block', 'p1'),
      item('section', 's3'),
      item('block', 'r1'),
      item('section', 's2'),
      item('block', 'q1'),
    ];
    const deck = composeDeck(report, briefingOf(items), theme());
    // two parts of one slide each: their dividers would not help, their titles carry them
    expect(deck.slides.filter((s) => s.layout === 'divider')).toEqual([]);
    const asked = items.map((i) =>
      i.ref.type === 'section' && i.ref.id !== 's1' ? { ...i, layout: 'divider' as const } : i,
    );
    const dividers = composeDeck(report, briefingOf(asked), theme()).slides.filter(
      (s) => s.layout === 'divider',
    );
    expect(dividers.map((d) => d.title)).toEqual(['下半年工作安排', '主要指标完成情况']);
    expect(dividers.map((d) => d.number)).toEqual(['一、', '二、']);
    expect(deck.slides.find((s) => s.layout === 'agenda')?.agenda).toEqual([
      '下半年工作安排',
      '主要指标完成情况',
    ]);
  });

  it('makes a divider of a subsection when staff ask for one', () => {
    const deck = composeDeck(
      report,
      briefingOf([item('section', 's1a', { layout: 'divider' }), item('block', 'p1')]),
      theme(),
    );
    expect(layouts(deck)).toEqual(['cover', 'divider', 'bullets', 'closing']);
  });

  it('sets a point as a quote, a statistic as a bullet, and keeps a photo caption with no picture as a point', () => {
    const noPicture = {
      ...report,
      figures: report.figures.map((f) => (f.id === 'f1' ? { ...f, assetId: undefined } : f)),
    } as Report;
    const deck = composeDeck(
      noPicture,
      briefingOf([
        item('section', 's1b'),
        item('block', 'p8', { layout: 'quote' }),
        item('stat', 'k4', { layout: 'bullets' }),
        item('block', 'fig1'),
      ]),
      theme(),
    );
    expect(deck.slides.find((s) => s.layout === 'quote')?.quote?.text).toBe(
      '项目建设全面提速。落实项目包保和专班服务机制，重点项目全部复工。',
    );
    const bullets = deck.slides.find((s) => s.layout === 'bullets');
    expect(bullets?.bullets).toEqual(['重点项目复工：50个', '新投用的冲压生产线正在调试']);
    expect(bullets?.notes).toContain('重点项目复工50个。');
  });

  it('charts a section’s statistics when staff choose a chart for the section', () => {
    const deck = composeDeck(report, briefingOf([item('section', 's2', { layout: 'chart' })]), theme());
    const chart = deck.slides.find((s) => s.layout === 'chart');
    expect(chart?.chart?.points.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chart?.chart?.points.map((p) => p.unit)).size).toBe(1);
  });
});

describe('text never overflows: long titles and long points', () => {
  const { report, briefing } = longText();
  const t = theme();
  const deck = composeDeck(report, briefing, t);

  it('shortens a cover title that cannot fit, keeping it whole in the notes', () => {
    const cover = deck.slides[0] as Slide;
    expect(cover.title.endsWith('…')).toBe(true);
    expect(cover.fit?.title).toBe(t.frames.cover.title.size.min);
    expect(cover.notes).toContain(report.title);
  });

  it('shrinks a long section title to two lines in the title bar instead of running over', () => {
    const long = report.sections[0]?.title ?? '';
    const bullets = deck.slides.find((s) => s.layout === 'bullets' && s.title === long) as Slide;
    expect(bullets.fit?.title).toBeLessThan(t.frames.content.title.size.max);
    expect(bullets.fit?.title).toBeGreaterThanOrEqual(t.frames.content.title.size.min);
    expect(bullets.notes).not.toContain('标题：');
  });

  it('cuts a point too long for a whole slide between sentences, onto （续） slides, losing nothing', () => {
    const longPoint = (report.sections[0]?.blocks[3] as { lead: string }).lead;
    // its one sentence of body follows the lead on the same line
    const line = `${longPoint.replace(/。$/u, '')}：${LONG.replace(/。$/u, '')}`;
    const pieces = deck.slides
      .filter((s) => s.layout === 'bullets')
      .flatMap((s) => s.bullets ?? [])
      .filter((b) => b.includes('条：') && line.includes(b));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(line);
  });

  it('splits a 20-row table with its header on every slide and every row once', () => {
    const tables = deck.slides.filter((s) => s.layout === 'table');
    expect(tables.length).toBeGreaterThan(1);
    for (const tb of tables) expect(tb.table?.rows[0]).toEqual(['序号', '项目名称', '建设内容', '进展']);
    expect(tables.flatMap((tb) => (tb.table?.rows ?? []).slice(1).map((r) => r[0]))).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1)),
    );
    expect(tables.slice(1).every((tb) => tb.continued)).toBe(true);
    for (const tb of tables) expect(tb.table?.rows.length ?? 0).toBeLessThanOrEqual(t.limits.maxTableRows);
  });

  it('splits eight key figures over two slides, and sets a nine-entry agenda in two columns on one', () => {
    const figures = deck.slides.filter((s) => s.layout === 'figures');
    expect(figures.map((f) => f.figures?.length)).toEqual([4, 4]);
    expect(figures[1]?.continued).toBe(true);
    const agenda = deck.slides.filter((s) => s.layout === 'agenda');
    expect(agenda.map((a) => a.agenda?.length)).toEqual([9]);
    expect(agendaColumns(t, 9)).toBe(2);
  });

  it('continues an agenda longer than two columns on a （续） slide, numbering on', () => {
    const sections = Array.from({ length: 20 }, (_, k) =>
      section(`A${k}`, `第${k + 1}项工作`, [point(`ap${k}`, '要点', '')]),
    );
    const many = makeReport({ title: '二十项工作', sections });
    const agenda = composeDeck(many, emptyBriefing(), t).slides.filter((s) => s.layout === 'agenda');
    expect(agenda.map((a) => a.agenda?.length)).toEqual([10, 10]);
    expect(agenda.map((a) => a.start)).toEqual([1, 11]);
    expect(agenda[1]?.continued).toBe(true);
  });

  it('splits a quote too long for one slide into continued quotes that join back to it', () => {
    const quotes = deck.slides.filter((s) => s.layout === 'quote');
    expect(quotes.length).toBeGreaterThan(1);
    const lead = (report.sections[0]?.blocks[1] as { lead: string }).lead;
    expect(quotes.map((q) => q.quote?.text).join('')).toBe(
      lead + (briefing.items.find((i) => i.layout === 'quote')?.text ?? ''),
    );
  });

  it('keeps a long unit name in the footer to one line', () => {
    expect(deck.fields.unit.length).toBeGreaterThan(30);
  });
});

describe('key figures of a section', () => {
  it('prefer amounts and rates from picked blocks, dropping repeats, shown in report order', () => {
    const s = section('a', '经济', [point('b1', '甲', ''), point('b2', '乙', '')]);
    const report = makeReport({
      title: 't',
      sections: [s],
      stats: [
        stat('x1', 3, '次', '开会', 'a', 'b1'),
        stat('x2', 5, '亿元', '投资', 'a', 'b2'),
        stat('x3', 5, '亿元', '投资', 'a', 'b1'),
        stat('x4', 12, '%', '增速', 'a', 'b1'),
        stat('x5', 7, '个', '项目', 'a', 'b2'),
      ],
    });
    const picks = pickKeyStats(report, s, new Set(['b2']), 2);
    expect(picks.map((p) => p.id)).toEqual(['x2', 'x4']);
    expect(pickKeyStats(report, s, new Set(), 6).map((p) => p.id)).toEqual(['x1', 'x2', 'x4', 'x5']);
  });

  it('fill the deck fields from the dateline only where staff left them empty', () => {
    const report = makeReport({ title: 't', sections: [], dateline: ['某某区人民政府', '2022年7月15日'] });
    expect(deckFields(report, emptyBriefing().fields)).toMatchObject({
      unit: '某某区人民政府',
      date: '2022年7月15日',
    });
    expect(deckFields(report, { ...emptyBriefing().fields, date: '七月' }).date).toBe('七月');
  });
});

describe('any briefing of the report', () => {
  it('makes a well-formed deck: cover first, closing last, limits kept, every pick shown, every number traced', () => {
    const { report } = allLayouts();
    const all = allLayouts().briefing.items;
    const layoutsArb = fc.constantFrom(
      undefined,
      'bullets',
      'quote',
      'figures',
      'chart',
      'divider',
      'table',
      'image',
    );
    fc.assert(
      fc.property(
        fc.subarray(all, { minLength: 1 }),
        fc.array(layoutsArb, { minLength: all.length, maxLength: all.length }),
        fc.constantFrom('gov-red', 'gov-blue', 'plain'),
        (picked, overrides, themeId) => {
          const items = picked.map((it, i) => ({ ...it, layout: overrides[i] ?? it.layout }));
          const t = theme(themeId);
          const deck = composeDeck(report, briefingOf(items, themeId), t);
          expect(deck.slides[0]?.layout).toBe('cover');
          expect(deck.slides.at(-1)?.layout).toBe('closing');
          expect(new Set(deck.slides.map((s) => s.id)).size).toBe(deck.slides.length);
          for (const s of deck.slides) {
            if (s.layout === 'bullets') expect(bulletsOf(s).length).toBeLessThanOrEqual(t.limits.maxBullets);
            if (s.layout === 'figures') expect(figuresOf(s).length).toBeLessThanOrEqual(t.limits.maxFigures);
            for (const f of [...figuresOf(s), ...chartPointsOf(s)]) expect(s.notes).toContain(f.sentence);
          }
          // every picked point appears, as a bullet or inside a quote
          const text = deck.slides.map((s) => [...bulletsOf(s), quoteTextOf(s)].join('\n')).join('\n');
          for (const it of items)
            if (
              it.ref.type === 'block' &&
              /^p\d$/.test(it.ref.id) &&
              it.layout !== 'figures' &&
              it.layout !== 'chart'
            ) {
              const lead = report.sections
                .flatMap((s) => [...s.blocks, ...s.sections.flatMap((c) => c.blocks)])
                .find((b) => b.id === it.ref.id) as { lead: string };
              expect(text).toContain(lead.lead);
            }
        },
      ),
      { numRuns: 150 },
    );
  });
});
