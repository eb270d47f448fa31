import { beforeAll, describe, expect, it } from 'vitest';
import { importReport, reanalyze } from '../../../content/import';
import { ReportSchema, type Block, type Report, type Section } from '../../../content/model/report';
import {
  readDistrictReport,
  readReportBytes,
  readReportText,
  REPORTS,
  type ReportName,
} from '../../helpers/paths';
import { describeSharedReport } from '../../helpers/shared-report';

/**
 * Our own test reports (tests/fixtures/reports), end to end: the bytes of each file in, a Report
 * out. The 青禾区 newspaper page carries each kind of damage the shared district report has, in
 * sentences of its own; these tests hold the importer to repairing them.
 */

const allSections = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) => [s, ...allSections(s.sections)]);
const allBlocks = (r: Report): Block[] => allSections(r.sections).flatMap((s) => s.blocks);
const paragraphText = (b: Block): string =>
  b.kind === 'paragraph' ? b.text : b.kind === 'point' ? `${b.lead}。${b.text}` : '';
/** Letters and digits only: what a reader would miss, whatever became of the punctuation. */
const words = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '');

const importFixture = (name: ReportName): Promise<Report> =>
  importReport({ name: REPORTS[name], bytes: readReportBytes(name) });

describe.each(Object.keys(REPORTS) as ReportName[])('the test report %s', (name) => {
  let report: Report;
  beforeAll(async () => {
    report = await importFixture(name);
  });

  it('imports into a valid Report, as the IPC contract checks it', () => {
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.title).not.toBe('');
    expect(report.sections.length).toBeGreaterThan(0);
  });

  it('loses no line: the words of every line are in the report, or in a repair that says it was dropped', () => {
    const shown = words(
      [
        // page furniture and web leftovers are dropped, each listed as a repair staff can undo
        ...report.repairs.filter((r) => r.applied && r.after === '').map((r) => r.before),
        report.title,
        report.subtitle ?? '',
        ...report.dateline,
        ...allSections(report.sections).map((s) => `${s.number ?? ''}${s.title}`),
        ...allBlocks(report).map((b) =>
          b.kind === 'point' ? `${b.marker ?? ''}${b.lead}${b.text}` : paragraphText(b),
        ),
        ...report.figures.map((f) => f.caption),
      ].join('\n'),
    );
    const missing = readReportText(name)
      .split(/\r?\n/)
      .map(words)
      .filter((line) => line !== '' && !shown.includes(line));
    expect(missing).toEqual([]);
  });

  it('keeps every statistic traceable to its sentence, block and section', () => {
    expect(report.stats.length).toBeGreaterThan(10);
    const sections = new Map(allSections(report.sections).map((s) => [s.id, s]));
    for (const s of report.stats) {
      expect(s.sentence).toContain(s.text);
      expect(sections.get(s.sectionId)?.blocks.some((b) => b.id === s.blockId)).toBe(true);
    }
  });
});

describe('the 青禾区 newspaper page, imported from its .txt bytes', () => {
  let report: Report;
  beforeAll(async () => {
    report = await importFixture('qinghe');
  });

  it('finds the title and the —— subtitle', () => {
    expect(report.title).toBe('稳中求进开新局 实干笃行谱新篇');
    expect(report.subtitle).toBe('青禾区上半年经济社会发展综述');
  });

  it('reads the unnumbered headings as top-level sections, in order', () => {
    expect(report.sections.map((s) => s.title)).toEqual([
      '编者按',
      '坚持项目为王夯实发展根基',
      '聚力攻坚,全力以赴稳住经济大盘',
      '加快转型升级培育发展新动能',
      '深化改革开放激发市场活力',
      '建设宜居城区提升城市品质',
      '办好民生实事增进群众福祉',
      '繁荣文化事业丰富群众生活',
      '守牢安全底线维护社会稳定',
      '蓄势发力,奋力冲刺全年目标任务',
      '全面从严治党 为发展提供坚强保障',
      '持续改进工作作风',
    ]);
    expect(report.sections.every((s) => s.level === 1 && s.sections.length === 0 && !s.number)).toBe(true);
  });

  it('reads lead-in paragraphs as points with a lead and a body, and —— lines as marked points', () => {
    const points = allBlocks(report).filter((b) => b.kind === 'point');
    expect(points.map((p) => p.lead)).toEqual(
      expect.arrayContaining([
        '全力抓投资扩增量',
        '全力稳工业保运行',
        '全力促消费活市场',
        '全力助企纾困',
        '重点改革扎实推进',
        '城市更新步伐加快',
        '千方百计扩大有效投资',
        '加强基层党组织建设,全面提升组织力',
        '坚持以人民为中心',
        '坚持实干为先',
      ]),
    );
    expect(points.find((p) => p.lead === '全力助企纾困')?.text.startsWith('落实减税降费')).toBe(true);
    expect(points.find((p) => p.lead === '坚持实干为先')?.marker).toBe('——');
  });

  it('turns photo captions standing alone after a wide gap into image figures without a picture', () => {
    const images = report.figures.filter((f) => f.kind === 'image');
    expect(images.map((f) => f.caption.slice(0, 10))).toEqual(
      expect.arrayContaining([
        '青禾区长宁街道桃源社',
        '青禾经济开发区智能装',
        '云帆新材料有限公司生',
        '金穗农业科技示范园。',
        '滨江历史文化街区夜景',
      ]),
    );
    expect(images.every((f) => f.assetId === undefined)).toBe(true);
    const byId = new Map(allSections(report.sections).map((s) => [s.id, s.title]));
    const sectionOf = (start: string) => byId.get(images.find((f) => f.caption.startsWith(start))!.sectionId);
    expect(sectionOf('云帆新材料')).toBe('坚持项目为王夯实发展根基');
    expect(sectionOf('滨江历史文化街区')).toBe('繁荣文化事业丰富群众生活');
    expect(allBlocks(report).map(paragraphText).join('\n')).not.toContain('金穗农业科技示范园');
  });

  it('joins the paragraphs cut by a column break, even inside a word', () => {
    const seams = report.repairs.filter((r) => r.kind === 'joined' && r.applied).map((r) => r.after);
    expect(seams.some((s) => s.includes('综合执法队伍,实现'))).toBe(true);
    const paragraphs = allBlocks(report).map(paragraphText);
    expect(paragraphs.some((p) => p.includes('组建综合执法队伍,实现“一支队伍管执法”'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('新建口袋公园9处、绿道12.5公里,城区绿化覆盖率'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('伍,') || p.startsWith('道12.5公里'))).toBe(false);
  });

  it('drops the fragment that repeats the tail of the paragraph before it, and says so', () => {
    const dup = report.repairs.find((r) => r.kind === 'duplicate');
    expect(dup?.before).toContain('沉甸甸的半年答卷。');
    expect(dup?.applied).toBe(true);
    expect(allBlocks(report).map(paragraphText)).not.toContain('沉甸甸的半年答卷。');
  });

  it('reads the orphan fragment far down the page into the paragraph it finishes', () => {
    const orphan = report.repairs.find((r) => r.kind === 'orphan' && r.after.includes('电信网络诈骗犯罪'));
    expect(orphan?.applied).toBe(true);
    const paragraphs = allBlocks(report).map(paragraphText);
    expect(paragraphs.some((p) => p.includes('严厉打击电信网络诈骗犯罪,电信网络诈骗案件发案数'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('骗犯罪'))).toBe(false);
  });

  it('undoes the orphan repair through a decision, and redoes it', () => {
    const orphan = report.repairs.find((r) => r.kind === 'orphan' && r.after.includes('电信网络诈骗犯罪'));
    if (!orphan) throw new Error('no orphan repair');
    const undone = reanalyze(report, { ...report.decisions, repairs: { [orphan.id]: false } });
    expect(
      allBlocks(undone)
        .map(paragraphText)
        .some((p) => p.startsWith('骗犯罪')),
    ).toBe(true);
    const redone = reanalyze(undone, { ...undone.decisions, repairs: { [orphan.id]: true } });
    expect(redone.sections).toEqual(report.sections);
    expect(redone.stats).toEqual(report.stats);
  });

  it('extracts the figures with the value and unit as written', () => {
    const shown = report.stats.map((s) => `${s.value}${s.unit}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        '186.4亿元',
        '5.8%',
        '0.6个百分点',
        '126个',
        '98.7亿元',
        '216亿元',
        '3.6亿元',
        '98.6%',
        '1.1万户',
        '12.5公里',
        '8.6万亩',
        '5280个',
        '9.7万人',
        '46.8万人次',
        '1874件',
        '200亿元',
        '27.5%',
      ]),
    );
    const stat = (text: string) => report.stats.find((s) => s.text === text);
    expect(stat('186.4亿元')?.sentence).toContain('全区地区生产总值完成186.4亿元');
    // the orphan's figure is counted once, in the sentence the repair rebuilt
    expect(report.stats.filter((s) => s.text === '27.5%')).toHaveLength(1);
    expect(stat('27.5%')?.sentence).toContain('电信网络诈骗案件发案数同比下降27.5%');
  });

  it('counts no dates, session numbers or ordinals', () => {
    const texts = report.stats.map((s) => s.text);
    for (const bad of ['20日', '7月', '四届', '七次', '二十大', '一号', '一议题', '三个'])
      expect(
        texts.some((t) => t.includes(bad)),
        bad,
      ).toBe(false);
  });
});

describeSharedReport('our test reports beside the shared district report', () => {
  it('copy no sentence of it', () => {
    const sentences = readDistrictReport()
      .split(/[。！？\n]/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12);
    for (const name of Object.keys(REPORTS) as ReportName[]) {
      const ours = readReportText(name);
      expect(
        sentences.filter((s) => ours.includes(s)),
        name,
      ).toEqual([]);
    }
  });
});
