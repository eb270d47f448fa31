import { describe, expect, it } from 'vitest';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { toggleSection } from '../../content/briefing/select';
import {
  MIGRATIONS,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectError,
  projectNameFromFile,
  restoreProject,
  serializeProject,
} from '../../content/project';
import { sampleReport } from '../../content/sample';
import type { Report } from '../../content/model/report';
import { readReportBytes } from '../helpers/paths';

const report = sampleReport();
const section = report.sections[2]!;
const briefing = {
  ...toggleSection(emptyBriefing(), report, section.id, true),
  output: 'brief' as const,
  fields: { ...emptyBriefing().fields, title: '上半年工作简报', unit: '区政府办公室', issueNo: '12' },
};

function errorOf(fn: () => unknown): ProjectError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProjectError) return e;
    throw e;
  }
  throw new Error('expected a ProjectError');
}

describe('the .briefing project file', () => {
  it('round-trips the report, the briefing, brief fields and the desk state', () => {
    const text = serializeProject(
      { name: '上半年汇报', report, briefing, desk: { selectedItemId: briefing.items[1]!.id, slide: 3 } },
      { savedAt: new Date('2022-08-15T02:00:00Z'), appVersion: '0.1.0' },
    );
    const { project, migrated } = restoreProject(text);
    expect(migrated).toEqual([]);
    expect(project.format).toBe(PROJECT_FORMAT);
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.name).toBe('上半年汇报');
    expect(project.savedAt).toBe('2022-08-15T02:00:00.000Z');
    expect(project.report).toEqual(report);
    expect(project.briefing).toEqual(briefing);
    expect(project.desk).toEqual({ selectedItemId: briefing.items[1]!.id, slide: 3 });
  });

  it('keeps images inside the file, in the report assets', () => {
    const withImage = {
      ...report,
      assets: { a1: { mime: 'image/png', data: 'iVBORw0KGgo=' } },
    };
    const { project } = restoreProject(
      serializeProject({ name: 'x', report: withImage, briefing }, { savedAt: new Date() }),
    );
    expect(project.report.assets.a1).toEqual({ mime: 'image/png', data: 'iVBORw0KGgo=' });
  });

  it('keeps staff decisions (repairs undone, blocks reclassified) with the report', () => {
    const decided = {
      ...report,
      decisions: { repairs: { 'r-1': false }, roles: { b3: 'heading' as const } },
    };
    const { project } = restoreProject(
      serializeProject({ name: 'x', report: decided, briefing }, { savedAt: new Date() }),
    );
    expect(project.report.decisions).toEqual({ repairs: { 'r-1': false }, roles: { b3: 'heading' } });
  });

  it('round-trips an imported newspaper report', async () => {
    const qinghe = await importReport({ name: 'q.txt', bytes: readReportBytes() });
    const b = toggleSection(emptyBriefing(), qinghe, qinghe.sections[3]!.id, true);
    const { project } = restoreProject(
      serializeProject({ name: 'q', report: qinghe, briefing: b }, { savedAt: new Date() }),
    );
    expect(project.report).toEqual(qinghe);
    expect(project.briefing.items.map((i) => i.id)).toEqual(b.items.map((i) => i.id));
  });

  it('migrates a version 1 file (report and briefing only) and names the migration', () => {
    const v1 = { format: PROJECT_FORMAT, version: 1, report, briefing };
    const { project, migrated } = restoreProject(JSON.stringify(v1));
    expect(migrated).toEqual([1, 2, 3, 4, 5, 6].map((v) => MIGRATIONS[v]!.name));
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.name).toBe(report.title);
    expect(project.desk).toEqual({ selectedItemId: null, slide: 0 });
    // its one list was left on the Word brief: it becomes the slide list, the brief a fresh draft (v6→v7)
    expect(project.briefing).toEqual({ ...briefing, items: [], otherItems: briefing.items });
  });

  it('applies migrations in version order', () => {
    const seen: string[] = [];
    const chain = {
      1: {
        name: 'one',
        up: (p: Record<string, unknown>) => {
          seen.push('one');
          return MIGRATIONS[1]!.up(p);
        },
      },
      2: {
        name: 'two',
        up: (p: Record<string, unknown>) => {
          seen.push('two');
          return MIGRATIONS[2]!.up(p);
        },
      },
      3: {
        name: 'three',
        up: (p: Record<string, unknown>) => {
          seen.push('three');
          return MIGRATIONS[3]!.up(p);
        },
      },
      4: {
        name: 'four',
        up: (p: Record<string, unknown>) => {
          seen.push('four');
          return MIGRATIONS[4]!.up(p);
        },
      },
      5: {
        name: 'five',
        up: (p: Record<string, unknown>) => {
          seen.push('five');
          return MIGRATIONS[5]!.up(p);
        },
      },
      6: {
        name: 'six',
        up: (p: Record<string, unknown>) => {
          seen.push('six');
          return MIGRATIONS[6]!.up(p);
        },
      },
    };
    restoreProject({ format: PROJECT_FORMAT, version: 1, report, briefing }, chain);
    expect(seen).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
  });

  it('refuses a file from a newer version with a clear message in both languages', () => {
    const newer = JSON.parse(serializeProject({ name: 'x', report, briefing }, { savedAt: new Date() }));
    newer.version = PROJECT_VERSION + 1;
    const err = errorOf(() => restoreProject(JSON.stringify(newer)));
    expect(err.code).toBe('newer-version');
    expect(err.messageZh).toContain(`第 ${PROJECT_VERSION + 1} 版`);
    expect(err.messageZh).toContain('升级');
    expect(err.messageEn).toMatch(/newer/);
  });

  it('refuses text that is not JSON, JSON that is not a project, and a damaged project', () => {
    expect(errorOf(() => restoreProject('PK\u0003\u0004 not json')).code).toBe('not-json');
    expect(errorOf(() => restoreProject('{"format":"something-else","version":1}')).code).toBe('not-project');
    expect(errorOf(() => restoreProject('[1,2]')).code).toBe('not-project');
    expect(errorOf(() => restoreProject(`{"format":"${PROJECT_FORMAT}","version":"two"}`)).code).toBe(
      'bad-version',
    );
    const damaged = JSON.parse(serializeProject({ name: 'x', report, briefing }, { savedAt: new Date() }));
    delete damaged.report.sections;
    const err = errorOf(() => restoreProject(JSON.stringify(damaged)));
    expect(err.code).toBe('invalid');
    expect(err.messageZh).toContain('report.sections');
  });

  it('reads a file saved with a byte-order mark', () => {
    const text = `\ufeff${serializeProject({ name: 'x', report, briefing }, { savedAt: new Date() })}`;
    expect(restoreProject(text).project.name).toBe('x');
  });

  it('names a project after its file', () => {
    expect(projectNameFromFile('/home/me/文档/上半年汇报.briefing')).toBe('上半年汇报');
    expect(projectNameFromFile('C:\\Users\\me\\简报.BRIEFING')).toBe('简报');
  });
});

describe('project files saved before statistics had meanings (format 3)', () => {
  /** A format 3 file as the old app wrote it: kinds value / change / threshold, no scope, old labels. */
  async function formatThree(): Promise<{ file: string; report: Report }> {
    const text = [
      '青禾区上半年工作总结',
      '一、经济运行',
      '上半年全区实现地区生产总值235亿元，同比增长4.9%。固定资产投资完成全年目标的71.2%。',
      '云溪机械有限公司车间内工人正在调试设备，企业新增产值3亿元。',
    ].join('\n\n');
    const current = await importReport({ name: 'q.txt', bytes: new TextEncoder().encode(text) });
    const oldKind: Record<string, string> = { growth: 'change', amount: 'value', share: 'value' };
    const stats = current.stats.map((s) => ({
      id: s.id,
      value: s.value,
      unit: s.unit,
      label: s.text === '71.2%' ? '目标的' : s.label,
      text: s.text,
      sentence: s.sentence,
      sectionId: s.sectionId,
      blockId: s.blockId,
      kind: s.qualifier ? 'threshold' : (oldKind[s.kind] ?? 'value'),
    }));
    const b = toggleSection(emptyBriefing(), current, current.sections[0]!.id, true);
    const withStat = {
      ...b,
      items: [...b.items, { id: 'i-stat', ref: { type: 'stat' as const, id: stats[0]!.id } }],
    };
    const file = JSON.stringify({
      format: PROJECT_FORMAT,
      version: 3,
      name: '旧项目',
      savedAt: '2022-08-15T02:00:00.000Z',
      appVersion: '0.1.0',
      report: { ...current, stats, decisions: { repairs: {}, roles: {} } },
      briefing: withStat,
      desk: { selectedItemId: null, slide: 0 },
    });
    return { file, report: current };
  }

  it('opens, with every statistic read again for its meaning and its id kept', async () => {
    const { file, report: current } = await formatThree();
    const { project, migrated } = restoreProject(file);
    expect(migrated).toEqual([3, 4, 5, 6].map((v) => MIGRATIONS[v]!.name));
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.report.stats.map((s) => s.id)).toEqual(current.stats.map((s) => s.id));
    const byText = (t: string) => project.report.stats.find((s) => s.text === t);
    expect(byText('4.9%')).toMatchObject({ kind: 'growth', label: '地区生产总值', basis: '同比' });
    // the old label 「目标的」 is gone: the statistic says what it measures
    expect(byText('71.2%')).toMatchObject({ kind: 'share', label: '固定资产投资全年目标完成率' });
    expect(byText('3亿元')?.scope.kind).toBe('caption');
    // the briefing's statistic item still finds its statistic
    expect(project.report.stats.some((s) => s.id === project.briefing.items.at(-1)?.ref.id)).toBe(true);
  });

  it('keeps a statistic its sentence no longer yields, with a kind by its unit', async () => {
    const { file } = await formatThree();
    const data = JSON.parse(file);
    data.report.stats[0].sentence = '（原句已改动）';
    const { project } = restoreProject(data);
    expect(project.report.stats[0]).toMatchObject({ kind: 'amount', scope: { kind: 'area' } });
  });

  it('keeps staff’s statistic edits through a save and an open', () => {
    const edited = {
      ...report,
      decisions: {
        repairs: {},
        roles: {},
        stats: { [report.stats[0]!.id]: { label: '全区GDP', unfit: true } },
      },
    };
    const { project } = restoreProject(
      serializeProject({ name: 'x', report: edited, briefing }, { savedAt: new Date() }),
    );
    expect(project.report.decisions.stats).toEqual({
      [report.stats[0]!.id]: { label: '全区GDP', unfit: true },
    });
  });
});
