import { describe, expect, it } from 'vitest';
import { analyze } from '../../../content/analyze/structure';
import { applyRepairs, findRepairs } from '../../../content/analyze/repair';
import { buildReport, reanalyze } from '../../../content/import';
import type { Block, Decisions, RawBlock, Report, Section } from '../../../content/model/report';

const none: Decisions = { repairs: {}, roles: {} };
const raw = (...texts: string[]): RawBlock[] =>
  texts.map((text, i) => ({ type: 'text', id: `b${i + 1}`, text }));
const texts = (blocks: ReturnType<typeof applyRepairs>['blocks']): string[] =>
  blocks.flatMap((b) => (b.type === 'text' ? [b.text] : []));
const allBlocks = (sections: readonly Section[]): Block[] =>
  sections.flatMap((s) => [...s.blocks, ...allBlocks(s.sections)]);

const LONG_HEAD = '生态环境持续优化。编制生态强区发展规划,深入打好污染防治攻坚战,严格落实河长制、林';
const CONT = '长制,加快同心湖公园建设,建成5处口袋公园。';

describe('repair (a): a paragraph broken by a page or column break', () => {
  it('joins an unfinished paragraph to the block that continues it', () => {
    const blocks = raw(LONG_HEAD, CONT, '美丽乡村加快建设。持续巩固拓展农村人居环境整治成果。');
    const repairs = findRepairs(blocks);
    expect(repairs).toEqual([expect.objectContaining({ kind: 'joined', blockIds: ['b1', 'b2'] })]);
    const out = applyRepairs(blocks, repairs, none);
    expect(texts(out.blocks)[0]).toBe(LONG_HEAD + CONT);
    expect(out.blocks[0]).toMatchObject({ id: 'b1', parts: ['b1', 'b2'] });
  });

  it('leaves a paragraph that only lacks its full stop apart from the ordinary paragraph after it', () => {
    const blocks = raw(
      '上半年，全区固定资产投资同比增长2%，增速位列五城区首位，主要经济指标明显改善',
      '上半年，全区上下统筹疫情防控和经济社会发展。',
    );
    expect(findRepairs(blocks)).toEqual([]);
  });

  it('leaves a finished paragraph and the next one apart', () => {
    const blocks = raw(
      '改革工作不断深化。系统谋划实施10个领域、20项重点改革任务。',
      '创新活力持续迸发。培育创新主体16户。',
    );
    expect(findRepairs(blocks)).toEqual([]);
  });

  it('does not join a cut paragraph to the heading that follows it', () => {
    const blocks = raw(
      '安全形势平稳可控。深入实施安全生产大走访大排查行动,排查整改安',
      '重行务实,全力助推振兴发展率先突破',
    );
    expect(findRepairs(blocks)).toEqual([]);
  });

  it('does not join onto a numbered heading or a lead-in point', () => {
    expect(findRepairs(raw(LONG_HEAD, '二、民生保障持续加强'))).toEqual([]);
    expect(findRepairs(raw(LONG_HEAD, '全力激活消费。加强对188户重点企业调度服务。'))).toEqual([]);
  });

  it('joins text that runs across a page break with Latin words spaced', () => {
    const blocks = raw(
      '推动实现数字化转型,建设城市大脑平台和智慧社区,依托云计算与 big',
      'data 平台开展分析研判。',
    );
    const out = applyRepairs(blocks, findRepairs(blocks), none);
    expect(texts(out.blocks)).toEqual([
      '推动实现数字化转型,建设城市大脑平台和智慧社区,依托云计算与 big data 平台开展分析研判。',
    ]);
  });
});

describe('repair (b): a fragment repeating the tail of the previous paragraph', () => {
  it('drops it', () => {
    const blocks = raw(
      '在振兴发展中展示了越是艰险越向前的无畏勇气。',
      '前的无畏勇气。',
      '回望奋斗征程,初心如磐。',
    );
    const repairs = findRepairs(blocks);
    expect(repairs).toEqual([expect.objectContaining({ kind: 'duplicate', blockIds: ['b1', 'b2'] })]);
    expect(texts(applyRepairs(blocks, repairs, none).blocks)).toEqual([
      '在振兴发展中展示了越是艰险越向前的无畏勇气。',
      '回望奋斗征程,初心如磐。',
    ]);
  });

  it('keeps a short paragraph that only resembles the one before', () => {
    expect(findRepairs(raw('征途漫漫,唯有奋斗。', '唯有实干。'))).toEqual([]);
  });
});

describe('repair (c): an orphan fragment far from the paragraph it finishes', () => {
  // the seam 「安」+「全」 is a pair this text uses elsewhere (安全生产, 安全度汛); 「标」+「全」 is not
  const blocks = raw(
    '安全形势平稳可控。深入实施安全生产百日攻坚行动,排查整改安',
    '守牢底线抓好安全发展',
    '坚守安全底线,持续开展安全生产大检查。',
    '加强基层党组织建设,全面筑牢战斗堡垒。认真落实基层建设年要求,加强新时代党支部标',
    '全隐患1868项,全力做好防汛抗旱工作,有力确保城乡安全度汛。',
  );

  it('reads the fragment into the paragraph whose cut-off word it finishes, not into its neighbour', () => {
    const repairs = findRepairs(blocks);
    expect(repairs).toEqual([expect.objectContaining({ kind: 'orphan', blockIds: ['b1', 'b5'] })]);
    const out = texts(applyRepairs(blocks, repairs, none).blocks);
    expect(out[0]).toBe(
      '安全形势平稳可控。深入实施安全生产百日攻坚行动,排查整改安全隐患1868项,全力做好防汛抗旱工作,有力确保城乡安全度汛。',
    );
    expect(out[3]).toBe('加强基层党组织建设,全面筑牢战斗堡垒。认真落实基层建设年要求,加强新时代党支部标');
    expect(out).toHaveLength(4);
  });

  it('leaves an unfinished paragraph alone when nothing in the document finishes it', () => {
    const lone = raw(
      '加强基层党组织建设,全面筑牢战斗堡垒。认真落实基层建设年要求,加强新时代党支部标',
      '立足依法治区加强民主法治建设',
      '全力支持人大及其常委会依法履职,加强代表之家规范化建设。',
    );
    expect(findRepairs(lone)).toEqual([]);
  });
});

describe('repairs are decisions', () => {
  const blocks = raw(
    '标题一行',
    LONG_HEAD,
    CONT,
    '在振兴发展中展示了越是艰险越向前的无畏勇气。',
    '前的无畏勇气。',
  );

  it('are applied by default and recorded in the report', () => {
    const report = buildReport({ format: 'paste', blocks }, 't');
    expect(report.repairs.map((r) => [r.kind, r.applied])).toEqual([
      ['joined', true],
      ['duplicate', true],
    ]);
  });

  it('can be undone and redone by flipping the decision, with the same result and ids as before', () => {
    const report = buildReport({ format: 'paste', blocks }, 't');
    const join = report.repairs[0]!;
    const undone = reanalyze(report, { ...report.decisions, repairs: { [join.id]: false } });
    expect(allBlocks(undone.sections).map((b) => b.id)).toEqual(['b2', 'b3', 'b4']);
    expect(undone.repairs.map((r) => r.id)).toEqual(report.repairs.map((r) => r.id));
    const redone = reanalyze(undone, { ...undone.decisions, repairs: {} });
    expect(redone).toEqual(report);
  });

  it('give the same suggestions with the same ids on every analysis (pure)', () => {
    expect(analyze(blocks, none)).toEqual(analyze(blocks, none));
  });
});

describe('staff reclassification of a block', () => {
  const blocks = raw(
    '年中工作总结',
    '一、经济运行',
    '全力复工复产。出台复工方案,仅用5天实现107户企业复工。',
    '园区一角',
    '会场全景照片说明文字。',
  );
  const report: Report = buildReport({ format: 'paste', blocks }, 't');

  it('can make a heading a paragraph, a point a paragraph, a paragraph a caption, and a line a heading', () => {
    expect(report.sections[0]?.sections.map((s) => s.title)).toEqual(['园区一角']);
    const changed = reanalyze(report, {
      ...report.decisions,
      roles: { b3: 'paragraph', b4: 'paragraph', b5: 'caption' },
    });
    const kinds = allBlocks(changed.sections).map((b) => `${b.id}:${b.kind}`);
    expect(kinds).toEqual(['b3:paragraph', 'b4:paragraph', 'b5:figure']);
    expect(changed.figures).toEqual([
      expect.objectContaining({ id: 'f-b5', caption: '会场全景照片说明文字。' }),
    ]);
    // statistics follow the block's new role but keep their ids
    expect(changed.stats.map((s) => s.id)).toEqual(report.stats.map((s) => s.id));

    const heading = reanalyze(report, { ...report.decisions, roles: { b5: 'heading' } });
    expect(heading.sections[0]?.sections.map((s) => s.title)).toEqual(['园区一角', '会场全景照片说明文字']);
    const point = reanalyze(report, { ...report.decisions, roles: { b4: 'point' } });
    expect(allBlocks(point.sections).find((b) => b.id === 'b4')).toMatchObject({
      kind: 'point',
      lead: '园区一角',
    });
  });
});
