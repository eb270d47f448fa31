import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { danglingTitle } from '../../content/compose/deck-body';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { sentencesOf } from '../../content/text/safe-cut';
import type { Deck, Slide } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { slideScene } from '../../templates/scene/scene';
import { makeReport, para, point, section } from '../fixtures/deck/reports';
import { ROOT } from '../helpers/paths';

const theme = (id = 'gov-red') => builtinRegistry().get('deck', id);
type Bullets = Extract<Slide, { layout: 'bullets' }>;
const bulletSlides = (deck: Deck): Bullets[] =>
  deck.slides.filter((s): s is Bullets => s.layout === 'bullets');
const draft = (report: Report, themeId = 'gov-red'): Deck =>
  composeDeck(report, emptyBriefing(), theme(themeId));

/** Item ids in the order the deck first shows them on a bullet line. */
function shownOrder(deck: Deck, report: Report): string[] {
  const blocks = report.sections.flatMap(function all(s): { id: string; text: string }[] {
    return [
      ...s.blocks.map((b) => ({
        id: b.id,
        text: 'text' in b ? `${'lead' in b ? b.lead : ''}${b.text}` : '',
      })),
      ...s.sections.flatMap(all),
    ];
  });
  const order: string[] = [];
  for (const line of bulletSlides(deck).flatMap((s) => s.bullets)) {
    const body = line.includes('：') ? line.slice(line.indexOf('：') + 1) : line;
    const from = blocks.find((b) => b.text.includes(body.slice(0, 12)));
    if (from && !order.includes(from.id)) order.push(from.id);
  }
  return order;
}

const MIXED = [
  // one long sentence, a thin point
  point(
    'm1',
    '一是排查更加精准',
    '全年检查企业4213家次，整改隐患9420处，整改率达到98.6%，对未按期整改的61家企业依法实施处罚，关停不具备安全条件的小作坊14家，约谈企业负责人37人。',
  ),
  point(
    'm2',
    '二是力量持续壮大',
    '新组建街道救援队伍9支，队员总数达到386人。建成区级应急物资储备库2个，储备物资价值740万元。全年开展联合拉练12次，参训队员1100人次。',
  ),
  point(
    'm3',
    '三是预警覆盖全域',
    '新增雨量站32个、地质灾害监测点47个，全年发布预警信息1260条。预警信息到户率达到96%，较上年提高8个百分点。建成区级预警发布平台，接入广播终端430个。',
  ),
  point(
    'm4',
    '四是宣传深入人心',
    '开展应急演练213场次，参演群众2.4万人次，发放宣传资料18万份，组织“安全生产月”主题活动46场，覆盖全部街道和重点企业。',
  ),
  point(
    'm5',
    '五是网格全面建立',
    '全区126个村（社区）全部明确网格员，总人数达到812名，网格员培训覆盖率达到100%，网格事件办结率达到97.3%，平均办结时间缩短到1.6天。',
  ),
];

describe('slides and their lines follow the report', () => {
  it('never moves a thin point past a rich one: 一是…五是 appear in their order, in every theme', () => {
    const report = makeReport({ title: '青禾区工作', sections: [section('S', '主要工作', MIXED)] });
    for (const id of ['gov-red', 'gov-blue', 'plain']) {
      const deck = draft(report, id);
      expect(shownOrder(deck, report), id).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    }
  });

  it('shows the sentences chosen from a text in the order the text has them', () => {
    const report = makeReport({
      title: '青禾区工作',
      sections: [
        section('S', '城市建设', [
          point(
            'c1',
            '城市更新扎实推进',
            '老旧小区改造全面铺开。全年改造老旧小区46个，惠及居民1.2万户。口袋公园建设有序推进。新建口袋公园18个，新增绿地面积6.4万平方米。群众满意度持续提升。',
          ),
        ]),
      ],
    });
    const source = (report.sections[0]?.blocks[0] as { text: string }).text;
    for (const s of bulletSlides(draft(report))) {
      const at = s.bullets.map((b) => source.indexOf(b.slice(b.indexOf('：') + 1, b.indexOf('：') + 13)));
      expect(at.every((a) => a >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('treats a run of 一是…五是 alike: none of them becomes a headline while the others are lines', () => {
    const report = makeReport({
      title: '青禾区工作',
      sections: [
        section('P', '存在的主要问题', [
          point('q1', '一是增长基础还不稳固', '部分企业订单不足，亏损企业占比达到15.2%。'),
          point('q2', '二是消费回暖偏弱', '社会消费品零售总额增长4.9%，低于年度目标0.6个百分点。'),
          point('q3', '三是财政收支矛盾突出', '民生支出占一般公共预算支出的比重达到80.6%。'),
          point('q4', '四是项目推进滞后', '有4个项目投资完成率低于30%。'),
          point(
            'q5',
            '五是干部作风还有差距',
            '少数干部存在“怕担责”的思想。对这些问题，我们将高度重视，采取有力措施认真加以解决。',
          ),
        ]),
      ],
    });
    const deck = draft(report);
    const titles = deck.slides.map((s) => s.title);
    for (const lead of ['一是增长基础还不稳固', '五是干部作风还有差距']) expect(titles).not.toContain(lead);
    const lines = bulletSlides(deck).flatMap((s) => s.bullets);
    expect(lines.map((l) => l.split('：')[0])).toEqual([
      '一是增长基础还不稳固',
      '二是消费回暖偏弱',
      '三是财政收支矛盾突出',
      '四是项目推进滞后',
      '五是干部作风还有差距',
    ]);
    // the formula is no line; it stays in the notes and the point is marked 已精简
    expect(lines.join()).not.toContain('对这些问题');
    const s = bulletSlides(deck).find((x) => x.bullets.some((b) => b.startsWith('五是')));
    expect(s?.notes).toContain('对这些问题，我们将高度重视');
    expect(s?.condensed).toContain('i-block-q5');
  });
});

describe('the draft of a speech we wrote (qinghe-safety-speech-2025)', () => {
  let report: Report;
  let deck: Deck;
  beforeAll(async () => {
    const path = join(ROOT, 'tests/fixtures/deck/qinghe-safety-speech-2025.txt');
    report = await importReport({
      name: 'qinghe-safety-speech-2025.txt',
      bytes: new Uint8Array(readFileSync(path)),
    });
    deck = draft(report);
  });

  it('shows the results paragraph before the points and the problems after them', () => {
    const lines = bulletSlides(deck).flatMap((s) => s.bullets);
    expect(lines).toContain('全区共发生一般生产安全事故7起、死亡5人，同比分别下降30%和28.6%');
    expect(lines.some((l) => l.includes('街道应急办平均专职人员不足2人'))).toBe(true);
  });

  it('loses no sentence: each is on a slide or in the notes, and an item with a sentence off its slides is marked', () => {
    const shown = deck.slides.map((s) => `${JSON.stringify(s)}`).join('\n');
    const condensed = new Set(deck.slides.flatMap((s) => s.condensed ?? []));
    const walk = (blocks: Report['sections'][number]['blocks']): void => {
      for (const b of blocks) {
        if (b.kind !== 'paragraph' && b.kind !== 'point') continue;
        for (const sentence of sentencesOf(b.text)) {
          const bare = sentence.replace(/[。！]$/u, '');
          expect(shown, sentence).toContain(JSON.stringify(bare).slice(1, -1));
          const onSlide = bulletSlides(deck).some((s) => s.bullets.some((l) => l.includes(bare)));
          if (!onSlide)
            expect(
              [...condensed].some((id) => id.endsWith(b.id)),
              sentence,
            ).toBe(true);
        }
      }
    };
    for (const s of report.sections) {
      walk(s.blocks);
      s.sections.forEach((x) => walk(x.blocks));
    }
  });

  it('makes no line of a formula and no headline that dangles on 「是」', () => {
    const lines = bulletSlides(deck).flatMap((s) => s.bullets);
    for (const l of lines) {
      expect(l).not.toMatch(/我都同意|下面，我再讲|重点抓好以下|以下几个方面/u);
    }
    for (const s of deck.slides) expect(s.title, s.title).not.toMatch(/[是：]$/u);
  });

  it('names the speaker without 「汇报人：」 and closes a speech with 「谢谢」', () => {
    const cover = deck.slides[0];
    const closing = deck.slides[deck.slides.length - 1];
    expect(closing?.title).toBe('谢谢');
    const scene = slideScene(cover as Slide, {
      theme: theme(),
      fields: deck.fields,
      index: 1,
      total: deck.slides.length,
    });
    const text = scene.items.flatMap((i) =>
      i.kind === 'text' ? i.paragraphs.map((p) => p.map((r) => r.text).join('')) : [],
    );
    expect(text).toContain('青禾区应急管理局局长  许文澜');
    expect(text.join()).not.toContain('汇报人');
  });

  it('keeps 「汇报人：」 and 「汇报完毕」 for a report with no speaker, and for a presenter staff typed', () => {
    const plain = makeReport({
      title: '青禾区上半年工作总结',
      sections: [section('S', '主要工作', MIXED.slice(0, 2))],
    });
    const own = composeDeck(
      plain,
      { ...emptyBriefing(), fields: { ...emptyBriefing().fields, presenter: '王小禾' } },
      theme(),
    );
    expect(own.slides[own.slides.length - 1]?.title).toBe(theme().texts.closing);
    const scene = slideScene(own.slides[0] as Slide, {
      theme: theme(),
      fields: own.fields,
      index: 1,
      total: 3,
    });
    const text = scene.items.flatMap((i) =>
      i.kind === 'text' ? i.paragraphs.map((p) => p.map((r) => r.text).join('')) : [],
    );
    expect(text).toContain('汇报人：王小禾');
  });
});

describe('sub-sections and density', () => {
  const sub = (id: string, title: string, number: string, blocks: ReturnType<typeof point>[]) => ({
    ...section(id, title, blocks, [], 2),
    number,
  });
  const report = makeReport({
    title: '云溪县工作总结',
    sections: [
      section(
        'A',
        '重点工作推进情况',
        [],
        [
          sub('A1', '坚持项目为王，产业动能持续增强', '（一）', [
            point(
              'a1',
              '1. 重大项目建设提速',
              '全县省市重点项目38个，完成投资31.2亿元，占年度计划的56.4%。新开工亿元以上项目15个，其中10亿元以上项目2个。投资9.6亿元的新材料项目一期建成投产，预计满产后年产值可达22亿元左右。',
            ),
            point(
              'a2',
              '2. 工业经济稳中有进',
              '规模以上工业企业达到164家，较年初净增9家。规上工业增加值增长8.7%，两大主导产业产值分别增长12.1%和7.9%。新认定省级专精特新中小企业11家，高新技术企业总数达到66家。',
            ),
          ]),
          sub('A2', '坚持城乡融合，乡村振兴扎实推进', '（二）', [
            point('b1', '1. 粮食生产稳定', '完成早稻种植面积28.4万亩。新建高标准农田3.1万亩。'),
            point('b2', '2. 特色产业壮大', '三大特色产业综合产值达到39.5亿元。新增龙头企业5家。'),
            point('b3', '3. 乡村建设有序开展', '完成农村户厕改造2140户，新建农村公路71.3公里。'),
          ]),
        ],
      ),
    ],
  });

  it('shows a level-2 heading on its slides, as kicker or headline', () => {
    const deck = draft(report);
    const a1 = bulletSlides(deck).filter((s) => s.itemIds.some((i) => /block-a[12]$/.test(i)));
    expect(a1.length).toBeGreaterThan(0);
    for (const s of a1) expect(`${s.kicker ?? ''}｜${s.title}`).toContain('坚持项目为王，产业动能持续增强');
  });

  it('puts a sub-section’s short items on one slide, whole', () => {
    const deck = draft(report);
    const b = bulletSlides(deck).filter((s) => s.itemIds.some((i) => /block-b\d$/.test(i)));
    expect(b).toHaveLength(1);
    expect(b[0]?.bullets).toHaveLength(3);
    expect(b[0]?.condensed).toBeUndefined();
  });

  it('sets a long paragraph of 「；」 clauses as several lines, not one wall', () => {
    const long = makeReport({
      title: '云溪市工作回顾',
      sections: [
        section('R', '工作回顾', [
          para(
            'r1',
            '全市地区生产总值达到1863.7亿元，增长5.6%；一般公共预算收入完成121.5亿元，增长6.1%，其中税收收入占比达到71.4%；规模以上工业增加值增长7.2%，固定资产投资增长6.6%；城镇和农村居民人均可支配收入分别达到45637元和22158元，分别增长4.6%和6.4%；城镇调查失业率平均为5.0%。',
          ),
        ]),
      ],
    });
    const lines = bulletSlides(draft(long)).flatMap((s) => s.bullets);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('；')).toBe((long.sections[0]?.blocks[0] as { text: string }).text.replace(/。$/u, ''));
  });
});

describe('a headline that leads into its line', () => {
  it('is no headline when it ends on 「是」 or a colon, but 「实事求是」 is', () => {
    expect(danglingTitle('今年全县应急管理工作的总体目标是')).toBe(true);
    expect(danglingTitle('主要做法如下：')).toBe(true);
    expect(danglingTitle('坚持实事求是')).toBe(false);
    expect(danglingTitle('干部担当作为')).toBe(false);
  });
});

describe('the closing of a report delivered to a congress', () => {
  it('thanks 各位代表 rather than asking them to criticise a 汇报', () => {
    const report = makeReport({
      title: '云溪市2025年政府工作报告',
      salutation: '各位代表：',
      speaker: '云溪市人民政府市长  周明远',
      sections: [section('S', '工作回顾', MIXED.slice(0, 2))],
    });
    const deck = draft(report);
    expect(deck.slides[deck.slides.length - 1]?.title).toBe('谢谢');
    expect(deck.slides[0]).toHaveProperty('presenterLabel', '');
  });
});
