import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDeck, condensedItemIds, deckDraftItems } from '../../content/compose/deck';
import { COMFORT } from '../../content/compose/deck-fit';
import { chineseNumeral } from '../../content/compose/numbering';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { resolveItems } from '../../content/briefing/resolve';
import { officialItem } from '../../content/compose/official-text';
import { sentencesOf } from '../../content/text/safe-cut';
import type { Deck, Slide } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { bulletsItem, slideScene, textHeight } from '../../templates/scene/scene';
import { briefingOf, item, makeReport, para, point, section } from '../fixtures/deck/reports';
import { readDistrictReport, reportPath, ROOT, type ReportName } from '../helpers/paths';
import { describeSharedReport } from '../helpers/shared-report';

const THEMES = ['gov-red', 'gov-blue', 'plain'] as const;

/** A point's text too long to share a slide whole with two others: each point gets its own slide. */
const partText = (i: number): string =>
  `完成任务${i + 3}项，同比增长${i + 1}.5%，其中重点任务${i + 2}项全部按期完成。建成项目${i + 2}个，投资${i + 4}亿元，带动新增就业${i + 1}200人。新建道路${i + 5}公里，改造管网${i + 6}公里，惠及群众${i + 2}.3万人。新增市场主体${i + 7}百户，实现税收${i + 1}.8亿元，同比增长${i + 2}.4%。`;
const theme = (id: string = 'gov-red') => builtinRegistry().get('deck', id);
const t = theme;

/** Layouts that stand with one line or none: a picture, a number, a title. */
const ONE_LINE_OK = new Set<Slide['layout']>(['cover', 'divider', 'figures', 'chart', 'image', 'closing']);

/** What a slide shows as text, line by line. */
function linesOf(s: Slide): string[] {
  switch (s.layout) {
    case 'bullets':
      return s.bullets;
    case 'agenda':
      return s.agenda;
    case 'quote':
      return [s.quote.text];
    case 'table':
      return s.table.rows.flat();
    case 'figures':
      return s.figures.map((f) => f.label);
    case 'chart':
      return s.chart.points.map((p) => p.label);
    case 'image':
      return [s.image.caption];
    case 'cover':
      return s.subtitle ? [s.subtitle] : [];
    case 'divider':
    case 'closing':
      return [];
  }
}

/** Every text a slide shows, its title included. */
const textsOf = (s: Slide): string[] => [s.title, ...linesOf(s)];

/**
 * Whether a cut at `at` in `source` tears something apart, judged independently of the product's
 * own rule: a digit run with its decimal point and the unit characters after it, or an open
 * quotation mark or title mark before the cut with its closing one after it.
 */
function tearsAt(source: string, at: number): string | null {
  const numberish = /[0-9０-９.．%％]/u;
  const unit = /[万亿元个件家户人次名项亩吨米公里平方所座台辆天倍位余多%％]/u;
  const before = source[at - 1] ?? '';
  const after = source[at] ?? '';
  if (numberish.test(before) && (numberish.test(after) || unit.test(after))) return 'number';
  const head = source.slice(0, at);
  for (const [open, close] of [
    ['“', '”'],
    ['《', '》'],
    ['（', '）'],
    ['「', '」'],
  ] as const) {
    const depth = head.split(open).length - head.split(close).length;
    if (depth > 0) return `${open}${close}`;
  }
  return null;
}

/** Every shortened text in a deck (ending 「…」), with the source it was cut from. */
function cutsIn(deck: Deck, sources: readonly string[]): { shown: string; source: string; at: number }[] {
  const out: { shown: string; source: string; at: number }[] = [];
  for (const s of deck.slides)
    for (const t of textsOf(s)) {
      if (!t.endsWith('…')) continue;
      const kept = t.replace(/…+$/u, '');
      const source = sources.find((src) => src.startsWith(kept) && src !== kept.trimEnd());
      if (source !== undefined) out.push({ shown: t, source, at: kept.length });
    }
  return out;
}

async function draftOf(name: string, themeId = 'gov-red'): Promise<{ report: Report; deck: Deck }> {
  const path = name.includes('/') ? join(ROOT, name) : reportPath(name as ReportName);
  const report = await importReport({
    name: path.split('/').pop() ?? 'report.txt',
    bytes: new Uint8Array(readFileSync(path)),
  });
  return { report, deck: composeDeck(report, emptyBriefing(), theme(themeId)) };
}

const OWN_REPORTS = [
  'qinghe',
  'linchuan',
  'linchuanPdfCopy',
  'yunxi',
  'tests/fixtures/deck/songxi-town-2024-summary.txt',
] as const;

/** The checks every automatic draft must pass, whatever the report. */
function expectSoundDraft(report: Report, deck: Deck, themeId: string): void {
  // no content slide with fewer than two lines
  for (const s of deck.slides)
    if (!ONE_LINE_OK.has(s.layout))
      expect(linesOf(s).length, `${s.layout} 「${s.title}」`).toBeGreaterThanOrEqual(2);

  // the agenda lists the parts numbered as their dividers are: entry k is part k
  const agenda = deck.slides.flatMap((s) =>
    s.layout === 'agenda' ? s.agenda.map((a, i) => ({ a, n: s.start + i })) : [],
  );
  const dividers = deck.slides.filter(
    (s): s is Extract<Slide, { layout: 'divider' }> => s.layout === 'divider',
  );
  for (const d of dividers) {
    const n = agenda.find((e) => d.title.startsWith(e.a.replace(/…$/u, '')))?.n;
    expect(d.number, d.title).toBe(`${chineseNumeral(n ?? 0)}、`);
  }
  // numbers run 一、二、… with none skipped
  expect(dividers.map((d) => d.number)).toEqual(dividers.map((_, i) => `${chineseNumeral(i + 1)}、`));

  // no chapter the report does not have
  const headings = new Set<string>();
  const walk = (s: Report['sections'][number]): void => {
    if (s.id !== 's-intro') headings.add(s.title);
    s.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  for (const s of deck.slides) if (s.title === '导语') expect(headings).toContain('导语');

  // no statistic on two slides
  const shownIds = deck.slides.flatMap((s) =>
    s.layout === 'figures'
      ? s.figures.map((f) => f.statId)
      : s.layout === 'chart'
        ? s.chart.points.map((p) => p.statId)
        : [],
  );
  expect(new Set(shownIds).size).toBe(shownIds.length);

  // every sentence of every picked point and paragraph is on a slide or in its notes
  const items = deckDraftItems(report, theme(themeId));
  const resolved = resolveItems(report, items).map(officialItem);
  for (const r of resolved) {
    if (r.kind !== 'point' && r.kind !== 'paragraph') continue;
    const slides = deck.slides.filter((s) => s.itemIds.includes(r.item.id));
    expect(slides.length, r.text.slice(0, 20)).toBeGreaterThan(0);
    const seen = slides.map((s) => [...textsOf(s), s.notes].join('\n')).join('\n');
    for (const sentence of sentencesOf(r.text))
      expect(seen, sentence).toContain(sentence.replace(/[。]$/u, ''));
    // an item shown with sentences left out is marked condensed, its full text in the notes
    // a long sentence may be set as clause lines: compare without the clause marks
    const bare = (t: string): string => t.replace(/[，；。\n]/gu, '');
    const shown = bare(slides.flatMap(linesOf).join(''));
    const whole = sentencesOf(r.text).every((x) => shown.includes(bare(x)));
    if (!whole) {
      expect(
        slides.some((s) => s.condensed?.includes(r.item.id)),
        r.text.slice(0, 20),
      ).toBe(true);
      expect(slides.map((s) => s.notes).join('\n')).toContain(r.text);
    }
  }

  // nothing cut inside a number, a quotation or a name
  const sources = [
    report.title,
    ...resolved.flatMap((r) =>
      r.kind === 'heading'
        ? [r.title]
        : r.kind === 'point'
          ? [r.lead, r.text]
          : r.kind === 'paragraph'
            ? [r.text]
            : [],
    ),
  ];
  for (const c of cutsIn(deck, sources)) expect(tearsAt(c.source, c.at), c.shown).toBeNull();
}

describe('the automatic draft of our own test reports, in every theme', () => {
  for (const name of OWN_REPORTS)
    for (const themeId of THEMES)
      it(`${name} in ${themeId}: two lines a slide, numbers agree, no invented chapter, nothing lost or torn`, async () => {
        const { report, deck } = await draftOf(name, themeId);
        expectSoundDraft(report, deck, themeId);
      });
});

describe('the substance of a point', () => {
  let deck: Deck;
  beforeAll(async () => {
    deck = (await draftOf('tests/fixtures/deck/songxi-town-2024-summary.txt')).deck;
  });

  it('sets a section’s short points whole on one slide, in report order, rhetoric left to the notes', () => {
    const s = deck.slides.find((x) => x.layout === 'bullets' && x.bullets[0]?.startsWith('特色农业提质增效'));
    expect(s?.layout).toBe('bullets');
    const lines = s?.layout === 'bullets' ? s.bullets : [];
    expect(lines.map((l) => l.split('：')[0])).toEqual([
      '特色农业提质增效',
      '工业经济平稳运行',
      '文旅融合加快推进',
    ]);
    expect(lines[0]).toBe(
      '特色农业提质增效：新建高标准农田1.2万亩，茶叶种植面积达到3.6万亩，“松溪白茶”获评省级区域公用品牌。春茶产值4.87亿元，同比增长11.5%',
    );
    // the rhetorical sentence is left for the notes, and the item says it was shortened
    expect(s?.notes).toContain('我们始终坚持把农业作为立镇之本');
    expect(condensedItemIds(deck)).toContain(s?.itemIds[0]);
    // a point shown whole is not marked
    const whole = deck.slides.find((x) => x.layout === 'bullets' && x.title === '基层治理持续加强');
    for (const id of whole?.itemIds.filter((i) => i.includes('point')) ?? [])
      expect(condensedItemIds(deck)).not.toContain(id);
  });

  it('keeps the colon on a lead-in set as its own line, so 「目标是」 does not dangle', () => {
    const report = makeReport({
      title: '一项工作',
      sections: [
        section('A', '安全生产', [
          para(
            'a1',
            '今年全县安全生产工作的目标是：生产安全事故起数和死亡人数实现“双下降”，坚决遏制较大以上事故发生。',
          ),
        ]),
      ],
    });
    const s = composeDeck(report, emptyBriefing(), theme()).slides.find((x) => x.layout === 'bullets');
    expect(s?.layout === 'bullets' && s.bullets).toEqual([
      '今年全县安全生产工作的目标是：',
      '生产安全事故起数和死亡人数实现“双下降”，坚决遏制较大以上事故发生',
    ]);
  });

  it('lets thin neighbouring points of one section share a slide, each with its fact', () => {
    const s = deck.slides.find((x) => x.layout === 'bullets' && x.title === '基层治理持续加强');
    expect(s?.layout === 'bullets' && s.bullets).toEqual([
      '平安建设：化解矛盾纠纷312件，调解成功率98.7%，刑事案件发案数同比下降21.3%',
      '作风建设：开展“作风建设提升年”活动，整改问题46个',
    ]);
  });

  it('titles text before the first heading as the opening, not an invented 导语, and numbers the parts from 一', () => {
    expect(deck.slides.map((s) => s.title)).toContain('开篇');
    expect(deck.slides.map((s) => s.title)).not.toContain('导语');
    const agenda = deck.slides.find((s) => s.layout === 'agenda');
    expect(agenda?.layout === 'agenda' && agenda.agenda).toEqual([
      '产业发展稳中有进',
      '民生保障更加有力',
      '基层治理持续加强',
    ]);
  });

  it('leaves out dividers in a deck of three short parts: the agenda and titles carry them', () => {
    expect(deck.slides.filter((s) => s.layout === 'divider')).toEqual([]);
  });

  it('takes the cover’s unit and date from the report’s front matter, and lets the desk override them', async () => {
    const { report } = await draftOf('tests/fixtures/deck/songxi-town-2024-summary.txt');
    expect(deck.fields).toMatchObject({ unit: '松溪镇人民政府', date: '2024年7月8日' });
    const fields = { ...emptyBriefing().fields, unit: '松溪镇党政办', date: '2024年7月10日' };
    const own = composeDeck(report, { ...emptyBriefing(), fields }, theme());
    expect(own.fields).toMatchObject({ unit: '松溪镇党政办', date: '2024年7月10日' });
  });
});

describe('dividers where they help', () => {
  const part = (k: number, points: number) =>
    section(
      `P${k}`,
      `第${k}部分`,
      Array.from({ length: points }, (_, i) => point(`p${k}-${i}`, `要点${k}-${i}`, partText(i))),
    );

  it('gives a deck of more than five parts its dividers, numbered as the agenda', () => {
    const report = makeReport({
      title: '七项工作',
      sections: Array.from({ length: 7 }, (_, k) => part(k + 1, 1)),
    });
    const deck = composeDeck(report, emptyBriefing(), theme());
    expect(
      deck.slides.filter((s) => s.layout === 'divider').map((s) => s.layout === 'divider' && s.number),
    ).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
  });

  it('gives parts of several slides their dividers, and drops them for parts of one slide', () => {
    const long = makeReport({ title: '三项工作', sections: [part(1, 3), part(2, 3), part(3, 3)] });
    expect(
      composeDeck(long, emptyBriefing(), theme()).slides.filter((s) => s.layout === 'divider'),
    ).toHaveLength(3);
    const short = makeReport({ title: '三项工作', sections: [part(1, 1), part(2, 1), part(3, 1)] });
    expect(
      composeDeck(short, emptyBriefing(), theme()).slides.filter((s) => s.layout === 'divider'),
    ).toHaveLength(0);
  });
});

describe('the part as the kicker of its slides when it has no divider', () => {
  const part = (k: number, points: number) =>
    section(
      `P${k}`,
      `第${k}部分工作`,
      Array.from({ length: points }, (_, i) => point(`p${k}-${i}`, `要点${k}-${i}`, partText(i))),
    );
  const contentSlides = (deck: Deck) =>
    deck.slides.filter((s) => !['cover', 'agenda', 'divider', 'closing'].includes(s.layout));

  it('puts 「一、第1部分工作」 above every content slide of a part whose divider was left out', () => {
    const report = makeReport({ title: '三项工作', sections: [part(1, 1), part(2, 2), part(3, 1)] });
    for (const themeId of THEMES) {
      const deck = composeDeck(report, emptyBriefing(), theme(themeId));
      expect(deck.slides.filter((s) => s.layout === 'divider')).toEqual([]);
      const kicked = contentSlides(deck);
      expect(kicked.length).toBeGreaterThan(0);
      for (const s of kicked) {
        const k = Number(/^要点(\d)/.exec(s.title)?.[1] ?? /[Pp](\d)/.exec(s.itemIds.join())?.[1]);
        // a slide headed by the part's own title needs no kicker repeating it
        if (s.title === `第${k}部分工作`) expect(s, s.title).not.toHaveProperty('kicker');
        else expect(s, s.title).toHaveProperty('kicker', `${chineseNumeral(k)}、第${k}部分工作`);
      }
      // the agenda and cover carry none
      for (const s of deck.slides.filter((x) => x.layout === 'agenda' || x.layout === 'cover'))
        expect(s).not.toHaveProperty('kicker');
    }
  });

  it('sets no kicker on the slides that follow a divider', () => {
    const report = makeReport({ title: '三项工作', sections: [part(1, 3), part(2, 3), part(3, 3)] });
    const deck = composeDeck(report, emptyBriefing(), theme());
    expect(deck.slides.filter((s) => s.layout === 'divider')).toHaveLength(3);
    for (const s of deck.slides) expect(s, s.title).not.toHaveProperty('kicker');
  });

  it('draws the kicker once in the scene, above the headline and inside the header, in every theme', () => {
    const report = makeReport({ title: '三项工作', sections: [part(1, 1), part(2, 2), part(3, 1)] });
    for (const themeId of THEMES) {
      const t = theme(themeId);
      const deck = composeDeck(report, emptyBriefing(), t);
      deck.slides.forEach((s, i) => {
        const scene = slideScene(s, {
          theme: t,
          fields: deck.fields,
          index: i + 1,
          total: deck.slides.length,
        });
        const kickers = scene.items.filter((x) => x.kind === 'text' && x.role === 'kicker');
        const kicker = 'kicker' in s ? s.kicker : undefined;
        expect(kickers, `${themeId} ${s.title}`).toHaveLength(kicker ? 1 : 0);
        const [k] = kickers;
        if (!k || k.kind !== 'text') return;
        expect(k.paragraphs.map((p) => p.map((r) => r.text).join('')).join('')).toBe(kicker);
        const title = scene.items.find((x) => x.kind === 'text' && x.role === 'title');
        expect(title && k.box.y + k.box.h).toBeLessThanOrEqual(title?.box.y ?? 0);
        // the headline still gets its two lines at a size the theme allows, roughly
        if (title?.kind === 'text')
          expect(title.size).toBeGreaterThanOrEqual(t.frames.content.title.size.min - 2);
      });
    }
  });
});

describe('splits only where the text does not fit, and balanced', () => {
  const thinPoints = (n: number, text: (i: number) => string) =>
    makeReport({
      title: '一项工作',
      sections: [
        section(
          'A',
          '重点工作',
          Array.from({ length: n }, (_, i) => point(`a${i}`, `要点${i + 1}`, text(i))),
        ),
      ],
    });
  const bulletSlides = (deck: Deck) =>
    deck.slides.filter((s): s is Extract<Slide, { layout: 'bullets' }> => s.layout === 'bullets');

  it('keeps six short lines that fit on one slide together, in every theme', () => {
    const report = thinPoints(6, (i) => `完成任务${i + 3}项。`);
    for (const themeId of THEMES) {
      const slides = bulletSlides(composeDeck(report, emptyBriefing(), theme(themeId)));
      expect(
        slides.map((s) => s.bullets.length),
        themeId,
      ).toEqual([6]);
      expect(slides[0]?.continued).toBeFalsy();
    }
  });

  it('splits lines too long for one slide into even runs, never a full slide and a lone line', () => {
    const long = (i: number) =>
      `围绕第${i + 1}项重点任务，建立专班推进、清单管理、定期调度的工作机制，累计协调解决企业反映的用地、用工、融资等问题${i + 20}个，推动项目按期开工投产。`;
    for (const themeId of THEMES) {
      for (const n of [6, 7, 9]) {
        const slides = bulletSlides(composeDeck(thinPoints(n, long), emptyBriefing(), theme(themeId)));
        const counts = slides.map((s) => s.bullets.length);
        expect(
          counts.reduce((a, b) => a + b, 0),
          `${themeId} ${n}`,
        ).toBe(n);
        expect(
          Math.max(...counts) - Math.min(...counts),
          `${themeId} ${n}: ${counts.join('+')}`,
        ).toBeLessThanOrEqual(1);
        // a split happens because the text does not fit: the runs joined would not fit one slide
        if (slides.length > 1) {
          const all = slides.flatMap((s) => s.bullets);
          const th = t(themeId);
          // several lines share a slide while they read at the comfortable size
          const { min, max } = th.type.bullets.size;
          const comfortable = Math.round(min + (max - min) * COMFORT);
          const overflows = textHeight(bulletsItem(all, th, comfortable)) > th.frames.content.body.h;
          expect(overflows || all.length > th.limits.maxBullets, `${themeId} ${n}`).toBe(true);
        }
      }
    }
  });
});

describe('no cut inside a number, a quotation or a name', () => {
  // sentences of the kinds reports write: numbers with units, quotations, names in title marks
  const numberText = fc
    .tuple(
      fc.integer({ min: 1, max: 99999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom('亿元', '万元', '个', '%', '万人次', '项', '公里'),
    )
    .map(([a, b, u]) => `达${a}.${b}${u}`);
  const words = fc.constantFrom(
    '全区',
    '重点项目',
    '社会消费品零售总额',
    '完成',
    '同比增长',
    '累计',
    '新建',
    '推进',
    '改造',
    '惠及群众',
  );
  const quoted = fc.constantFrom(
    '“放管服”',
    '“一件事一次办”',
    '《云溪市乡村振兴促进条例》',
    '“三个一批”',
    '（含续建）',
  );
  const clause = fc
    .array(fc.oneof(words, numberText, quoted), { minLength: 3, maxLength: 9 })
    .map((p) => p.join(''));
  const sentence = fc.array(clause, { minLength: 2, maxLength: 6 }).map((c) => `${c.join('，')}。`);

  it('shortens titles and agenda entries and splits long points only at safe places', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 4 }),
        fc.array(sentence, { minLength: 1, maxLength: 3 }),
        (bodies, heads) => {
          const sections = heads.map((h, k) =>
            section(
              `S${k}`,
              h.replace(/。$/u, ''),
              bodies.map((b, i) => point(`p${k}-${i}`, i === 0 ? b.repeat(6) : `要点${i}`, b.repeat(i + 1))),
            ),
          );
          const report = makeReport({ title: heads.join(''), sections });
          const items = sections.flatMap((s) => [
            item('section', s.id),
            ...s.blocks.map((b) => item('block', b.id)),
          ]);
          const deck = composeDeck(report, briefingOf(items), theme());
          const sources = [
            report.title,
            ...sections.flatMap((s) => [
              s.title,
              ...s.blocks.flatMap((b) => (b.kind === 'point' ? [b.lead, b.text] : [])),
            ]),
          ];
          for (const c of cutsIn(deck, sources)) expect(tearsAt(c.source, c.at), c.shown).toBeNull();
          // a line that is a piece of a longer text (a point split over （续） slides) starts and ends at safe places
          for (const line of deck.slides.flatMap((s) => (s.layout === 'bullets' ? s.bullets : [])))
            for (const src of sources) {
              const at = src.indexOf(line);
              if (at < 0 || line.length < 4) continue;
              expect(tearsAt(src, at), line.slice(0, 30)).toBeNull();
              expect(tearsAt(src, at + line.length), line.slice(-30)).toBeNull();
            }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describeSharedReport('the automatic draft of the shared district report', () => {
  it('has two lines a slide, agenda and divider numbers agree, nothing lost or torn, in every theme', async () => {
    const report = await importReport({
      name: 'district-midyear-2022.txt',
      bytes: new TextEncoder().encode(readDistrictReport()),
    });
    for (const themeId of THEMES)
      expectSoundDraft(report, composeDeck(report, emptyBriefing(), theme(themeId)), themeId);
  });

  it('shows a number-bearing sentence of every point that has one, not only its rhetoric', async () => {
    const report = await importReport({
      name: 'district-midyear-2022.txt',
      bytes: new TextEncoder().encode(readDistrictReport()),
    });
    const deck = composeDeck(report, emptyBriefing(), theme());
    const resolved = resolveItems(report, deckDraftItems(report, theme())).map(officialItem);
    let checked = 0;
    for (const r of resolved) {
      if (r.kind !== 'point' || !/\d/u.test(r.text)) continue;
      const shown = deck.slides
        .filter((s) => s.itemIds.includes(r.item.id))
        .flatMap((s) => (s.layout === 'bullets' ? s.bullets : []));
      expect(
        shown.some((l) => /\d/u.test(l)),
        r.lead,
      ).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
