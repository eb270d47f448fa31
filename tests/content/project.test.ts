import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
import { DISTRICT_REPORT_PATH } from '../helpers/paths';

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

  it('round-trips the imported district report', async () => {
    const district = await importReport({ name: 'd.txt', bytes: readFileSync(DISTRICT_REPORT_PATH) });
    const b = toggleSection(emptyBriefing(), district, district.sections[3]!.id, true);
    const { project } = restoreProject(
      serializeProject({ name: 'd', report: district, briefing: b }, { savedAt: new Date() }),
    );
    expect(project.report).toEqual(district);
    expect(project.briefing.items.map((i) => i.id)).toEqual(b.items.map((i) => i.id));
  });

  it('migrates a version 1 file (report and briefing only) and names the migration', () => {
    const v1 = { format: PROJECT_FORMAT, version: 1, report, briefing };
    const { project, migrated } = restoreProject(JSON.stringify(v1));
    expect(migrated).toEqual([MIGRATIONS[1]!.name, MIGRATIONS[2]!.name, MIGRATIONS[3]!.name]);
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.name).toBe(report.title);
    expect(project.desk).toEqual({ selectedItemId: null, slide: 0 });
    expect(project.briefing).toEqual(briefing);
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
    };
    restoreProject({ format: PROJECT_FORMAT, version: 1, report, briefing }, chain);
    expect(seen).toEqual(['one', 'two', 'three']);
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
