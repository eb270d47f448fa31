import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyBriefing } from '../../content/model/briefing';
import { toggleSection } from '../../content/briefing/select';
import { PROJECT_VERSION } from '../../content/project';
import { sampleReport } from '../../content/sample';
import type { SaveResult } from '../../main/contract';
import { decodeWireBytes } from '../../content/util/wire';
import { writeFileAtomic } from '../../main/files';
import { createHandlers, dispatch, type Handlers } from '../../main/handlers';
import { MAX_RECENT, addRecent, listRecent } from '../../main/recent';
import { readRecovery, recoveryFile } from '../../main/recovery';
import { builtinRegistry } from '../../templates/registry';
import { defaultDataDir } from '../../main/browser';

const report = sampleReport();
const briefing = toggleSection(emptyBriefing(), report, report.sections[1]!.id, true);
const content = { name: '上半年汇报', report, briefing, desk: { selectedItemId: null, slide: 2 } };

/** Handlers over a temp data dir, with a host that writes projects where told (as Electron's does after its dialog). */
function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-data-'));
  const docs = mkdtempSync(join(tmpdir(), 'desk-docs-'));
  const host = { nextDialogPath: null as string | null, dialogAsked: 0 };
  const handlers: Handlers = createHandlers({
    host: 'electron',
    version: '9.9.9',
    registry: builtinRegistry,
    deliver: async () => ({ status: 'canceled' }),
    showInFolder: async () => undefined,
    dataDir,
    saveProject: async ({ fileName, bytes }, path) => {
      const target = path ?? host.nextDialogPath;
      if (!target) return { result: { status: 'canceled' }, path: null };
      await writeFileAtomic(target, bytes);
      const result: SaveResult = { status: 'saved', path: target, fileName };
      return { result, path: target };
    },
    chooseProjectFile: async () => {
      host.dialogAsked++;
      return host.nextDialogPath;
    },
  });
  const call = async (channel: string, req: unknown) => {
    const env = await dispatch(handlers, channel, req);
    if (!env.ok) throw Object.assign(new Error(env.error.message), env.error);
    return ('encoded' in env ? decodeWireBytes(env.encoded) : env.value) as Record<string, unknown>;
  };
  return { dataDir, docs, host, call };
}

let t: ReturnType<typeof setup>;
beforeEach(() => {
  t = setup();
});

describe('saving and opening projects through the handlers', () => {
  it('saves where the user chose, adds the file to the recent list and reopens it as it was', async () => {
    const target = join(t.docs, '上半年汇报.briefing');
    t.host.nextDialogPath = target;
    const saved = await t.call('project:save', { content });
    expect(saved).toMatchObject({ status: 'saved', path: target });
    const onDisk = JSON.parse(readFileSync(target, 'utf8'));
    expect(onDisk).toMatchObject({
      format: 'briefing-studio/project',
      version: PROJECT_VERSION,
      appVersion: '9.9.9',
    });

    const recent = (await t.call('recent:list', {})) as unknown as Array<{ path: string; name: string }>;
    expect(recent.map((r) => r.path)).toEqual([target]);
    expect(recent[0]!.name).toBe('上半年汇报');

    const opened = await t.call('project:open', { source: { kind: 'recent', path: target } });
    expect(opened.status).toBe('opened');
    expect(opened.path).toBe(target);
    const project = opened.project as { briefing: unknown; report: unknown; desk: unknown };
    expect(project.briefing).toEqual(briefing);
    expect(project.report).toEqual(report);
    expect(project.desk).toEqual({ selectedItemId: null, slide: 2 });
  });

  it('saves back to a file it knows without asking, and refuses a path the page made up', async () => {
    const target = join(t.docs, 'a.briefing');
    t.host.nextDialogPath = target;
    await t.call('project:save', { content });
    t.host.nextDialogPath = null;
    const again = await t.call('project:save', { content: { ...content, name: '改名' }, path: target });
    expect(again).toMatchObject({ status: 'saved', path: target });
    expect(JSON.parse(readFileSync(target, 'utf8')).name).toBe('改名');

    const elsewhere = join(t.docs, 'sneaky.briefing');
    await expect(t.call('project:save', { content, path: elsewhere })).rejects.toMatchObject({
      code: 'unknown-path',
    });
    await expect(
      t.call('project:open', { source: { kind: 'recent', path: '/etc/passwd' } }),
    ).rejects.toMatchObject({
      code: 'unknown-path',
    });
    expect(readdirSync(t.docs)).toEqual(['a.briefing']);
  });

  it('opens a project from bytes the page read, and from the open dialog', async () => {
    const target = join(t.docs, 'b.briefing');
    t.host.nextDialogPath = target;
    await t.call('project:save', { content });
    const bytes = new Uint8Array(readFileSync(target));
    const fromBytes = await t.call('project:open', { source: { kind: 'bytes', name: 'b.briefing', bytes } });
    expect(fromBytes).toMatchObject({ status: 'opened', path: null });
    const fromDialog = await t.call('project:open', { source: { kind: 'dialog' } });
    expect(fromDialog).toMatchObject({ status: 'opened', path: target });
    t.host.nextDialogPath = null;
    expect(await t.call('project:open', { source: { kind: 'dialog' } })).toEqual({ status: 'canceled' });
  });

  it('refuses a project from a newer version with the file name and what to do', async () => {
    const target = join(t.docs, 'new.briefing');
    t.host.nextDialogPath = target;
    await t.call('project:save', { content });
    const data = JSON.parse(readFileSync(target, 'utf8'));
    data.version = PROJECT_VERSION + 5;
    writeFileSync(target, JSON.stringify(data));
    const err = await t.call('project:open', { source: { kind: 'dialog' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'project-newer-version' });
    expect((err as Error).message).toContain('new.briefing');
    expect((err as Error).message).toContain('升级');
  });

  it('refuses a report opened as a project, pointing to 打开报告', async () => {
    const bytes = new TextEncoder().encode('一、稳住经济\n\n全力复工复产。出台方案。');
    const err = await t
      .call('project:open', { source: { kind: 'bytes', name: '报告.txt', bytes } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'project-not-json' });
  });

  it('validates what the page sends before touching disk', async () => {
    const env = await dispatch(
      createHandlers({
        host: 'browser',
        version: '1',
        registry: builtinRegistry,
        deliver: async () => ({ status: 'canceled' }),
        showInFolder: async () => undefined,
        dataDir: t.dataDir,
        saveProject: async () => {
          throw new Error('must not be reached');
        },
        chooseProjectFile: async () => null,
      }),
      'project:save',
      { content: { ...content, report: { title: 'not a report' } } },
    );
    expect(env.ok).toBe(false);
    expect(!env.ok && env.error.code).toBe('invalid-request');
  });
});

describe('the recovery file', () => {
  it('is written by autosave, offered back with the document and the project path, and cleared', async () => {
    expect(await t.call('recovery:read', {})).toEqual({ found: false });
    await t.call('recovery:write', { content, path: '/home/me/a.briefing' });
    const found = await t.call('recovery:read', {});
    expect(found).toMatchObject({ found: true, path: '/home/me/a.briefing' });
    expect((found.project as { briefing: unknown }).briefing).toEqual(briefing);
    await t.call('recovery:clear', {});
    expect(await t.call('recovery:read', {})).toEqual({ found: false });
  });

  it('is removed by a save: the work is safe on disk', async () => {
    await t.call('recovery:write', { content, path: null });
    t.host.nextDialogPath = join(t.docs, 'c.briefing');
    await t.call('project:save', { content });
    expect(await readRecovery(t.dataDir)).toEqual({ found: false });
  });

  it('survives a canceled save', async () => {
    await t.call('recovery:write', { content, path: null });
    t.host.nextDialogPath = null;
    expect(await t.call('project:save', { content })).toEqual({ status: 'canceled' });
    expect((await readRecovery(t.dataDir)).found).toBe(true);
  });

  it('offers nothing when the file is damaged', async () => {
    await t.call('recovery:write', { content, path: null });
    writeFileSync(recoveryFile(t.dataDir), '{"format":"briefing-studio/recovery","savedAt":"x"');
    expect(await readRecovery(t.dataDir)).toEqual({ found: false });
  });
});

describe('the recent list', () => {
  it('keeps each file once, newest first, at most ten, and leaves out files that are gone', async () => {
    const paths: string[] = [];
    for (let i = 0; i < MAX_RECENT + 2; i++) {
      const p = join(t.docs, `p${i}.briefing`);
      writeFileSync(p, '{}');
      paths.push(p);
      await addRecent(t.dataDir, { path: p, name: `p${i}`, savedAt: new Date().toISOString() });
    }
    await addRecent(t.dataDir, { path: paths[5]!, name: 'p5', savedAt: new Date().toISOString() });
    let list = await listRecent(t.dataDir);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.path).toBe(paths[5]);
    expect(new Set(list.map((e) => e.path)).size).toBe(MAX_RECENT);
    await rm(paths[5]!);
    list = await listRecent(t.dataDir);
    expect(list.map((e) => e.path)).not.toContain(paths[5]);
  });
});

describe('the browser-mode data directory', () => {
  it('is $BRIEFING_DATA_DIR when set, so tests and users can choose it', () => {
    expect(defaultDataDir({ BRIEFING_DATA_DIR: '/tmp/mine' })).toBe('/tmp/mine');
  });

  it('is briefing-studio in the per-user config folder otherwise', () => {
    const dir = defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.cfg' });
    expect(dir).toMatch(/briefing-studio$/);
    if (process.platform !== 'win32') expect(dir).toBe(join('/home/u/.cfg', 'briefing-studio'));
  });
});
