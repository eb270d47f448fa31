import { beforeAll, expect, it } from 'vitest';
import { importReport, reanalyze } from '../../../content/import';
import { ReportSchema, type Block, type Report, type Section } from '../../../content/model/report';
import { readDistrictReport } from '../../helpers/paths';
import { describeSharedReport } from '../../helpers/shared-report';

/**
 * The shared newspaper-mangled district report, end to end: bytes of a .txt file in, a Report out.
 * An acceptance suite on a real file nobody here wrote: it runs where ../shared/fixtures is beside
 * the checkout (CI) and is listed as skipped elsewhere. tests/content/import/report-fixtures.test.ts
 * holds our own reports to the same kinds of repair.
 */
let report: Report;

const allSections = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) => [s, ...allSections(s.sections)]);
const allBlocks = (r: Report): Block[] => allSections(r.sections).flatMap((s) => s.blocks);
const paragraphText = (b: Block): string =>
  b.kind === 'paragraph' ? b.text : b.kind === 'point' ? `${b.lead}。${b.text}` : '';

describeSharedReport('the shared district report, imported from its .txt bytes', () => {
  beforeAll(async () => {
    report = await importReport({
      name: 'district-midyear-2022.txt',
      bytes: new TextEncoder().encode(readDistrictReport()),
    });
  });

  it('is a valid Report, as the IPC contract checks it', () => {
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it('finds the title and the —— subtitle', () => {
    expect(report.title).toBe('凝心聚力向前行 克难奋进谋新篇');
    expect(report.subtitle).toBe('建设现代化新绿园迈出坚实步伐');
  });

  it('splits into 写在前面 and the twelve titled sections, in order, and nothing else', () => {
    expect(report.sections.map((s) => s.title)).toEqual([
      '写在前面',
      '坚定不移推动党中央决策部署落地生根',
      '全力以赴稳定经济运行',
      '发展为要,坚定信心全力以赴抓落实',
      '推进改革创新激扬发展活力',
      '改善人居环境扮靓城乡颜值',
      '增进民生福祉提升幸福指数',
      '聚焦和谐稳定坚守安全发展底线',
      '重行务实,全力助推振兴发展率先突破',
      '从严治党,为发展提供坚强保障',
      '立足依法治区加强民主法治建设',
      '牢牢把握宣传思想文化工作主动权',
      '深入推进全面从严治党',
    ]);
    expect(report.sections.every((s) => s.level === 1 && s.sections.length === 0)).toBe(true);
  });

  it('reads lead-in paragraphs as points with a lead and a body', () => {
    const points = allBlocks(report).filter((b) => b.kind === 'point');
    const leads = points.map((p) => p.lead);
    expect(leads).toEqual(
      expect.arrayContaining([
        '全力复工复产',
        '全力扩大投资',
        '全力激活消费',
        '全力助企纾困',
        '改革工作不断深化',
        '营商环境日益优化',
        '全力保障基本民生',
        '安全形势平稳可控',
        '千方百计推动经济企稳回升',
        '加强基层党组织建设,全面筑牢战斗堡垒',
        '持之以恒保障改善民生',
        '多措并举提高基层治理能力水平',
      ]),
    );
    const recovery = points.find((p) => p.lead === '全力复工复产');
    expect(recovery?.text.startsWith('出台“封厂管理”')).toBe(true);
    expect(points.find((p) => p.lead === '持之以恒保障改善民生')?.marker).toBe('——');
    // ordinary sentences that open with a date or a time stay paragraphs
    expect(leads.some((l) => l.startsWith('8月12日'))).toBe(false);
    expect(leads.some((l) => l.startsWith('上半年'))).toBe(false);
  });

  it('turns the four photo captions standing alone between pictures into image figures without a picture', () => {
    const images = report.figures.filter((f) => f.kind === 'image');
    expect(images.map((f) => f.caption.slice(0, 12))).toEqual([
      '西新镇裴家村坚持抓党建促',
      '绿园街道花园社区组织医生',
      '长春万华汽车实业有限公司',
      '长春研奥电气有限公司建设',
    ]);
    expect(images.every((f) => f.assetId === undefined)).toBe(true);
    // the lead photo above 写在前面 belongs to that first section; the others to 稳定经济运行
    const byId = new Map(allSections(report.sections).map((s) => [s.id, s.title]));
    expect(images.map((f) => byId.get(f.sectionId))).toEqual([
      '写在前面',
      '全力以赴稳定经济运行',
      '全力以赴稳定经济运行',
      '全力以赴稳定经济运行',
    ]);
    const paragraphs = allBlocks(report).map(paragraphText).join('\n');
    expect(paragraphs).not.toContain('长春研奥电气有限公司建设项目遍地开花');
  });

  it('joins the paragraphs broken by a column break', () => {
    const joined = report.repairs.filter((r) => r.kind === 'joined' && r.applied);
    const seams = joined.map((r) => r.after);
    expect(seams.some((s) => s.includes('镇街管理体制改革'))).toBe(true);
    expect(seams.some((s) => s.includes('河(湖)长制、林长制'))).toBe(true);
    const paragraphs = allBlocks(report).map(paragraphText);
    expect(paragraphs.some((p) => p.includes('深入实施镇街管理体制改革,推进党建引领'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('严格落实河(湖)长制、林长制,加快同心湖公园建设'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('体制改革'))).toBe(false);
  });

  it('drops the fragment that repeats the tail of the paragraph before it', () => {
    const dup = report.repairs.find((r) => r.kind === 'duplicate');
    expect(dup?.before).toContain('前的无畏勇气。');
    expect(dup?.applied).toBe(true);
    expect(allBlocks(report).map(paragraphText)).not.toContain('前的无畏勇气。');
  });

  it('finds the two orphan fragments and reads each into the paragraph it finishes', () => {
    const orphans = report.repairs.filter((r) => r.kind === 'orphan');
    expect(orphans.map((r) => r.after)).toEqual([
      expect.stringContaining('排查整改安全隐患1868项'),
      expect.stringContaining('加强平安建设,常态化'),
    ]);
    const paragraphs = allBlocks(report).map(paragraphText);
    expect(paragraphs.some((p) => p.includes('排查整改安全隐患1868项,全力做好防汛抗旱工作'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('加强平安建设,常态化开展扫黑除恶专项斗争'))).toBe(true);
  });

  it('does not glue 「党支部标」 to the unrelated 「全隐患1868项」 that follows it', () => {
    const paragraphs = allBlocks(report).map(paragraphText);
    expect(paragraphs.some((p) => p.includes('党支部标全隐患'))).toBe(false);
    const seams = report.repairs.map((r) => r.after).join('\n');
    expect(seams).not.toContain('标全');
    // the cut-off paragraph stays as it is, unfinished
    expect(paragraphs.some((p) => p.endsWith('加强新时代吉林党支部标'))).toBe(true);
  });

  it('extracts at least 30 statistics with the value and unit as written', () => {
    const shown = report.stats.map((s) => `${s.value}${s.unit}`);
    const expected = [
      '6个',
      '557项',
      '100件',
      '2%',
      '5天',
      '107户',
      '25户',
      '50个',
      '37个',
      '60个',
      '13个',
      '40户',
      '21.59亿元',
      '188户',
      '400万元',
      '1.2亿元',
      '1730万元',
      '1738万元',
      '5亿元',
      '10个',
      '20项',
      '700个',
      '426个',
      '16户',
      '3名',
      '2项',
      '6.1万户次',
      '229个',
      '6条',
      '35个',
      '5处',
      '6070个',
      '660个',
      '100名',
      '1868项',
      '56项',
    ];
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(expected.length).toBeGreaterThanOrEqual(30);
    const stat = (text: string) => report.stats.find((s) => s.text === text);
    expect(stat('21.59亿元')).toMatchObject({
      value: 21.59,
      unit: '亿元',
      label: '引进内资',
      kind: 'amount',
    });
    expect(stat('107户')).toMatchObject({ value: 107, unit: '户', label: '规模以上工业企业复工复产' });
    expect(stat('5天')?.label).toMatch(/复工复产用时$/);
    expect(stat('6.1万户次')).toMatchObject({
      value: 6.1,
      unit: '万户次',
      label: '服务企业',
      kind: 'count',
      qualifier: '达',
    });
    expect(stat('1868项')).toMatchObject({ value: 1868, unit: '项', label: '排查整改安全隐患' });
    expect(stat('2%')).toMatchObject({ label: '固投', kind: 'growth', basis: '同比', change: '增长' });
    expect(stat('5亿元')).toMatchObject({ label: '减免缓缴各类税费', kind: 'amount', qualifier: '超' });
    expect(stat('百名')).toMatchObject({ value: 100, unit: '名' });
  });

  it('keeps every statistic traceable to its sentence, block and section', () => {
    const sections = new Map(allSections(report.sections).map((s) => [s.id, s]));
    for (const s of report.stats) {
      expect(s.sentence).toContain(s.text);
      const section = sections.get(s.sectionId);
      expect(section?.blocks.some((b) => b.id === s.blockId)).toBe(true);
    }
    expect(report.stats.find((s) => s.text === '1868项')?.sentence).toContain('排查整改安全隐患1868项');
    expect(sections.get(report.stats.find((s) => s.text === '1868项')?.sectionId ?? '')?.title).toBe(
      '聚焦和谐稳定坚守安全发展底线',
    );
  });

  it('counts no years, dates, session numbers, ordinals or slogan numbers', () => {
    const texts = report.stats.map((s) => s.text);
    for (const bad of ['2022年', '12日', '三次', '六届', '一议题', '四个', '两个', '三张', '二次']) {
      expect(texts.some((t) => t.includes(bad))).toBe(false);
    }
  });

  it('undoes a repair through a decision, and redoes it, with ids unchanged', () => {
    const orphan = report.repairs.find((r) => r.kind === 'orphan');
    if (!orphan) throw new Error('no orphan repair');
    const undone = reanalyze(report, { ...report.decisions, repairs: { [orphan.id]: false } });
    expect(undone.repairs.find((r) => r.id === orphan.id)?.applied).toBe(false);
    const undoneText = allBlocks(undone).map(paragraphText);
    expect(undoneText.some((p) => p.startsWith('全隐患1868项'))).toBe(true);
    expect(undoneText.some((p) => p.includes('安全隐患1868项'))).toBe(false);
    const redone = reanalyze(undone, { ...undone.decisions, repairs: { [orphan.id]: true } });
    expect(redone.sections).toEqual(report.sections);
    expect(redone.stats).toEqual(report.stats);
    // ids of blocks untouched by the repair are the same either way
    const ids = (r: Report) => new Set(allBlocks(r).map((b) => b.id));
    const before = ids(report);
    for (const id of ids(undone)) if (id !== orphan.blockIds[1]) expect(before.has(id)).toBe(true);
  });
});
