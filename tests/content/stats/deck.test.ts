import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftBriefing } from '../../../content/briefing/edit';
import { composeDeck } from '../../../content/compose/deck';
import { shownStat } from '../../../content/compose/shown';
import { importReport } from '../../../content/import';
import { emptyBriefing } from '../../../content/model/briefing';
import type { Report, Stat } from '../../../content/model/report';
import { labelFault } from '../../../content/stats/label';
import { statKey } from '../../../content/stats/series';
import { officialPunctuation } from '../../../content/text/punctuation';
import { shownStatText, type Deck, type ShownStat } from '../../../templates/model';
import { builtinRegistry } from '../../../templates/registry';
import { reportDocx } from '../../fixtures/stats/build';
import { QINGHE_TEXT, YUNXI_TEXT } from '../../fixtures/stats/reports';
import { DISTRICT_REPORT_PATH } from '../../helpers/paths';
import { figuresOf } from '../../helpers/slides';

const theme = builtinRegistry().get('deck', 'gov-red');

/** The automatic deck (nothing picked) and the one 一键生成初稿 drafts. */
function decks(report: Report): Array<[string, Deck]> {
  return [
    ['automatic', composeDeck(report, emptyBriefing(), theme)],
    ['一键生成初稿', composeDeck(report, draftBriefing(report, emptyBriefing(), 'deck'), theme)],
  ];
}

/** What every deck must hold of its statistics, whatever report it comes from. */
function checkDeck(report: Report, deck: Deck): void {
  const byId = new Map(report.stats.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const once = (s: Stat): void => {
    expect(seen.has(statKey(s)), `${s.text} ${s.label} shown twice`).toBe(false);
    seen.add(statKey(s));
  };
  for (const slide of deck.slides) {
    for (const card of figuresOf(slide)) {
      const stat = byId.get(card.statId) as Stat;
      // every card's label is a real label: fit, the area's own, a noun phrase that stands alone
      expect(stat.unfit, `${card.value} ${card.label}`).toBeUndefined();
      expect(stat.scope.kind).toBe('area');
      expect(labelFault(stat.label), stat.label).toBeNull();
      expect(card.label).toBe(officialPunctuation(stat.label));
      // a target is marked as one, a result never
      expect(card.tag === '目标').toBe(stat.kind === 'target');
      once(stat);
    }
    if (slide.layout === 'chart') {
      const points = slide.chart.points.map((p) => byId.get(p.statId) as Stat);
      expect(slide.chart.title?.length).toBeGreaterThan(0);
      expect(slide.chart.axis).toContain(slide.chart.unit);
      // one kind, one unit: never growth beside amounts, never % beside 个百分点
      expect(new Set(points.map((p) => `${p.kind}|${p.unit}`)).size).toBe(1);
      for (const p of points) {
        expect(p.unfit).toBeUndefined();
        once(p);
      }
    }
  }
}

describe.skipIf(!existsSync(DISTRICT_REPORT_PATH))(
  'decks from the shared district report (needs ../shared)',
  () => {
    it('show on 数说 cards only real labels, the area’s own figures, each once', async () => {
      const report = await importReport({ name: 'district.txt', bytes: readFileSync(DISTRICT_REPORT_PATH) });
      for (const [, deck] of decks(report)) {
        checkDeck(report, deck);
        expect(deck.slides.some((s) => s.layout === 'figures')).toBe(true);
        // the figures of the photo caption about one company never stand as the district's
        const cards = deck.slides.flatMap(figuresOf);
        expect(cards.some((c) => c.value === '3' && c.unit === '亿元')).toBe(false);
      }
    });
  },
);

describe.each([
  ['青禾区上半年汇报', QINGHE_TEXT, '上半年主要指标同比增速'],
  ['云溪市政府工作报告', YUNXI_TEXT, '2023年主要指标增速'],
])('decks from %s', (name, text, chartTitle) => {
  it('show real labels on every card, each statistic once, and chart the comparable series', async () => {
    const report = await importReport({ name: `${name}.docx`, bytes: await reportDocx(text) });
    for (const [mode, deck] of decks(report)) {
      checkDeck(report, deck);
      const charts = deck.slides.filter((s) => s.layout === 'chart');
      expect(charts.length, mode).toBeGreaterThanOrEqual(1);
      const chart = charts.find((c) => c.chart?.title === chartTitle)?.chart;
      expect(chart, `${mode}: ${charts.map((c) => c.chart?.title).join(', ')}`).toBeDefined();
      expect(chart?.type).toBe('bar');
      expect(chart?.unit).toBe('%');
      expect(chart?.points.length).toBeGreaterThanOrEqual(5);
      // targets come after the results: the year ahead's cards are targets, marked so
      const targets = deck.slides.flatMap(figuresOf).filter((f) => f.tag === '目标');
      expect(targets.length, mode).toBeGreaterThan(0);
      for (const t of targets) expect(shownStatText(t).startsWith('目标')).toBe(true);
    }
  });
});

describe('a statistic as a card shows what it means', () => {
  const base: Stat = {
    id: 's',
    value: 2,
    unit: '%',
    label: '固定资产投资',
    text: '2%',
    sentence: '固定资产投资增长2%。',
    sectionId: 'x',
    blockId: 'b',
    kind: 'growth',
    change: '增长',
    scope: { kind: 'area' },
  };
  it.each<[Stat, Partial<ShownStat>, string]>([
    [base, { prefix: '增长', value: '2', unit: '%' }, '增长2%'],
    [
      {
        ...base,
        kind: 'amount',
        change: undefined,
        value: 1000,
        unit: '万元',
        text: '千万元',
        qualifier: '超',
      },
      { prefix: '超', value: '1000', unit: '万元' },
      '超1000万元',
    ],
    [
      { ...base, kind: 'target', measure: 'growth', value: 6.5, text: '6.5%', qualifier: '左右' },
      { prefix: '增长', value: '6.5', suffix: '左右', tag: '目标' },
      '目标 增长6.5%左右',
    ],
    [
      { ...base, kind: 'rank', change: undefined, value: 2, unit: '', text: '第2位' },
      { prefix: '第', value: '2', unit: '' },
      '第2',
    ],
    [
      {
        ...base,
        kind: 'amount',
        change: undefined,
        value: 15,
        unit: '万元',
        text: '15-40万元',
        upper: { value: 40, text: '40万元' },
      },
      { value: '15～40', unit: '万元' },
      '15～40万元',
    ],
    [
      {
        ...base,
        kind: 'count',
        change: undefined,
        value: 300,
        unit: '家',
        text: '300余家',
        qualifier: '余',
      },
      { value: '300', unit: '余家' },
      '300余家',
    ],
    [
      {
        ...base,
        kind: 'amount',
        change: undefined,
        value: 12.3456,
        unit: '亿元',
        text: '12.3456亿元',
      },
      { value: '12.3456' },
      '12.3456亿元',
    ],
  ])('%#: %o', (stat, shown, text) => {
    expect(shownStat(stat)).toMatchObject(shown);
    expect(shownStatText(shownStat(stat))).toBe(text);
  });

  it('names the enterprise a scoped figure belongs to, so it is never read as the area’s', () => {
    const scoped = {
      ...base,
      kind: 'amount',
      label: '产值',
      scope: { kind: 'entity', name: '云溪机械有限公司' },
    } as Stat;
    expect(shownStat(scoped).label).toBe('云溪机械有限公司产值');
  });
});
