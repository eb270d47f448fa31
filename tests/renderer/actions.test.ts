import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importReport } from '../../content/import';
import { sampleReport } from '../../content/sample';
import {
  answerReplace,
  answerUnsaved,
  autosaver,
  exportAs,
  newProject,
  openLaunched,
  openRecent,
  recover,
  saveProject,
  setBlockRole,
  setRepairApplied,
  startup,
} from '../../renderer/actions/document';
import { isDirty } from '../../renderer/store/project-slice';
import { undo, useStore } from '../../renderer/store/store';
import { saveInProjectsFolder } from '../../main/browser';
import { recoveryFile } from '../../main/recovery';
import { readReportBytes } from '../helpers/paths';
import { resetStore, useRealHandlers } from './helpers';

const s = useStore.getState;
let env: ReturnType<typeof useRealHandlers>;

beforeEach(async () => {
  resetStore();
  env = useRealHandlers();
  await startup();
  autosaver.stop();
});

const waitFor = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('start-up', () => {
  it('opens on the sample report with nothing to save', () => {
    expect(s().report?.title).toBe(sampleReport().title);
    expect(isDirty(s())).toBe(false);
    expect(s().templates.some((t) => t.kind === 'deck')).toBe(true);
  });

  it('offers the work left in the recovery file, and recovers it as unsaved work', async () => {
    s().toggleSection(s().report!.sections[2]!.id, true);
    await autosaver.flush();
    expect(existsSync(recoveryFile(env.dataDir))).toBe(true);
    const picked = s().briefing.items.map((i) => i.id);

    resetStore();
    await startup();
    autosaver.stop();
    expect(s().dialog).toBe('recovery');
    expect(s().briefing.items).toHaveLength(0);
    recover();
    expect(s().briefing.items.map((i) => i.id)).toEqual(picked);
    expect(isDirty(s())).toBe(true);
    expect(s().dialog).toBeNull();
  });
});

describe('projects the system asks the app to open (a double-clicked .briefing)', () => {
  it('starts on that project instead of the sample, and opens one handed over later after asking about unsaved work', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    const first = join(env.docs, '双击打开.briefing');
    env.host.nextSavePath = first;
    expect(await saveProject(true)).toBe(true);
    const firstItems = s().briefing.items.length;
    s().toggleSection(s().report!.sections[2]!.id, true);
    const secondItems = s().briefing.items.length;
    expect(secondItems).toBeGreaterThan(firstItems);
    const second = join(env.docs, '第二个.briefing');
    env.host.nextSavePath = second;
    expect(await saveProject(true)).toBe(true);

    const waiting = [first];
    resetStore();
    env = useRealHandlers({ takeLaunchFile: () => waiting.shift() ?? null });
    await startup();
    autosaver.stop();
    expect(s().projectPath).toBe(first);
    expect(s().projectName).toBe('双击打开');
    expect(s().briefing.items).toHaveLength(firstItems);
    expect(isDirty(s())).toBe(false);

    // staff have typed something when the second file is double-clicked
    s().setField('unit', '区政府办公室');
    waiting.push(second);
    const opening = openLaunched();
    await waitFor(() => s().dialog === 'unsaved');
    answerUnsaved('cancel');
    await opening;
    expect(s().projectPath).toBe(first);
    expect(s().briefing.fields.unit).toBe('区政府办公室');

    waiting.push(second);
    const again = openLaunched();
    await waitFor(() => s().dialog === 'unsaved');
    answerUnsaved('discard');
    await again;
    expect(s().projectPath).toBe(second);
    expect(s().briefing.items).toHaveLength(secondItems);
    expect(waiting).toEqual([]);
  });
});

describe('repairs and reclassification', () => {
  it('undoing a repair flips its decision and re-derives the report in main; undo brings the old report back', async () => {
    const base = s().report!;
    // a report carrying one suggested repair, as the importer records them
    const withRepair = {
      ...base,
      repairs: [
        {
          id: 'r1',
          kind: 'joined' as const,
          blockIds: ['b1', 'b2'],
          before: '甲',
          after: '乙',
          applied: true,
        },
      ],
    };
    s().setReport(withRepair);
    await setRepairApplied('r1', false);
    expect(env.calls).toContain('report:reanalyze');
    expect(s().report!.decisions.repairs).toEqual({ r1: false });
    undo();
    expect(s().report).toBe(withRepair);
  });

  it('reclassifies a paragraph as a heading, and back to automatic', async () => {
    const report = s().report!;
    const para = report.raw.find((b) => b.type === 'text' && b.text.startsWith('上半年全区固定资产投资'))!;
    expect(report.sections.some((sec) => sec.id === `s-${para.id}`)).toBe(false);
    await setBlockRole(para.id, 'heading');
    const flat = (list: typeof report.sections): string[] => list.flatMap((x) => [x.id, ...flat(x.sections)]);
    expect(flat(s().report!.sections)).toContain(`s-${para.id}`);
    expect(s().report!.decisions.roles[para.id]).toBe('heading');
    await setBlockRole(para.id, null);
    expect(s().report!.decisions.roles[para.id]).toBeUndefined();
    expect(flat(s().report!.sections)).not.toContain(`s-${para.id}`);
  });
});

describe('saving and opening', () => {
  it('saves as, then saves back to the same file, and reopens from the recent list as it was', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    const id = s().briefing.items[0]!.id;
    s().setItemTitle(id, '改过的标题');
    s().selectItem(id);
    env.host.nextSavePath = join(env.docs, '上半年.briefing');
    expect(await saveProject(true)).toBe(true);
    expect(s().projectPath).toBe(join(env.docs, '上半年.briefing'));
    expect(s().projectName).toBe('上半年');
    expect(isDirty(s())).toBe(false);

    s().setField('unit', '区政府办公室');
    env.host.nextSavePath = null;
    expect(await saveProject(false)).toBe(true);
    expect(JSON.parse(readFileSync(join(env.docs, '上半年.briefing'), 'utf8')).briefing.fields.unit).toBe(
      '区政府办公室',
    );

    await newProject();
    expect(s().report).toBeNull();
    await openRecent(join(env.docs, '上半年.briefing'));
    expect(s().briefing.items[0]!.title).toBe('改过的标题');
    expect(s().briefing.fields.unit).toBe('区政府办公室');
    expect(s().selectedItemId).toBe(id);
    expect(isDirty(s())).toBe(false);
  });

  it('asks before replacing unsaved work; cancel keeps it, discard lets it go', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    const first = newProject();
    await waitFor(() => s().dialog === 'unsaved');
    answerUnsaved('cancel');
    await first;
    expect(s().report).not.toBeNull();
    const second = newProject();
    await waitFor(() => s().dialog === 'unsaved');
    answerUnsaved('discard');
    await second;
    expect(s().report).toBeNull();
  });

  it('a failed save says why and keeps everything typed', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    env.host.nextSavePath = '/nonexistent-dir/x.briefing';
    const before = s().briefing;
    expect(await saveProject(true)).toBe(false);
    expect(s().notice?.kind).toBe('error');
    expect(s().notice?.zh).toMatch(/找不到|无法|出错/);
    expect(s().briefing).toBe(before);
    expect(isDirty(s())).toBe(true);
  });
});

describe('export', () => {
  it('autosaves to the recovery file first, then exports', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    await exportAs('docx');
    expect(env.calls.indexOf('recovery:write')).toBeGreaterThan(-1);
    expect(env.calls.indexOf('recovery:write')).toBeLessThan(env.calls.indexOf('export:save'));
    expect(s().notice?.kind).toBe('success');
    expect(s().notice?.path).toMatch(/\.docx$/);
  });

  it('keeps the work when an export fails, with a Chinese message saying what to do', async () => {
    env = useRealHandlers({
      deliver: async () => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      },
    });
    s().toggleSection(s().report!.sections[1]!.id, true);
    const before = s().briefing;
    await exportAs('docx');
    expect(s().notice?.kind).toBe('error');
    expect(s().notice?.zh).not.toMatch(/at .*\.ts|Error:/);
    expect(s().briefing).toBe(before);
  });
});

describe('imports', () => {
  it('an imported report is a new unsaved project, and undo brings the previous report back', async () => {
    const previous = s().report;
    const qinghe = await importReport({ name: 'q.txt', bytes: readReportBytes() });
    const { adoptReport } = await import('../../renderer/actions/document');
    adoptReport(qinghe);
    expect(s().report).toBe(qinghe);
    expect(s().projectPath).toBeNull();
    expect(isDirty(s())).toBe(true);
    expect(s().notice?.zh).toContain('已导入');
    undo();
    expect(s().report).toBe(previous);
  });
});

describe('Save As into browser mode’s projects folder', () => {
  it('asks before replacing a project of the same name; cancel keeps the old one, replace writes the new', async () => {
    resetStore();
    const { dataDir } = useRealHandlers({
      // browser mode's own rule for where projects go
      saveProject: async (file, path, options) => {
        const target = await saveInProjectsFolder(dataDir, file, path, options);
        return { result: { status: 'saved', path: target, fileName: basename(target) }, path: target };
      },
    });
    await startup();
    autosaver.stop();
    s().setProject({ name: '上半年汇报', path: null });
    expect(await saveProject(true)).toBe(true);
    const file = join(dataDir, 'projects', '上半年汇报.briefing');
    const first = readFileSync(file, 'utf8');

    // another piece of work under the same name: the page asks, and cancel leaves the file alone
    s().toggleSection(s().report!.sections[1]!.id, true);
    const canceled = saveProject(true);
    await waitFor(() => s().dialog === 'replace');
    expect(s().question?.zh).toContain('上半年汇报.briefing');
    answerReplace(false);
    expect(await canceled).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(isDirty(s())).toBe(true);

    const replaced = saveProject(true);
    await waitFor(() => s().dialog === 'replace');
    answerReplace(true);
    expect(await replaced).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toBe(first);
    expect(isDirty(s())).toBe(false);
    expect(s().dialog).toBeNull();
  });
});

describe('the document actions themselves', () => {
  it('subscribe nothing to the store when their module loads', async () => {
    vi.resetModules();
    const { useStore: fresh } = await import('../../renderer/store/store');
    const subscribe = vi.spyOn(fresh, 'subscribe');
    await import('../../renderer/actions/document');
    expect(subscribe).not.toHaveBeenCalled();
    subscribe.mockRestore();
  });

  it('autosave writes a changed document once, and again after undo changes it back', async () => {
    const section = s().report!.sections[1]!.id;
    s().toggleSection(section, true);
    const recovery = recoveryFile(env.dataDir);
    await autosaver.flush();
    expect(existsSync(recovery)).toBe(true);
    rmSync(recovery);
    await autosaver.flush();
    // the same document: nothing new to write
    expect(existsSync(recovery)).toBe(false);
    s().setField('unit', '临川县人民政府办公室');
    await autosaver.flush();
    expect(readFileSync(recovery, 'utf8')).toContain('临川县人民政府办公室');
    undo();
    await autosaver.flush();
    expect(readFileSync(recovery, 'utf8')).not.toContain('临川县人民政府办公室');
  });

  it('asks one unsaved-changes question at a time: a second cancels the first', async () => {
    const first = s().askUnsaved();
    expect(s().dialog).toBe('unsaved');
    const second = s().askUnsaved();
    expect(await first).toBe('cancel');
    answerUnsaved('discard');
    expect(await second).toBe('discard');
    expect(s().dialog).toBeNull();
    expect(s().unsavedQuestion).toBeNull();
  });
});
