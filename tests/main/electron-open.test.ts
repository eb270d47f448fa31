import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyBriefing } from '../../content/model/briefing';
import { serializeProject } from '../../content/project';
import { sampleReport } from '../../content/sample';
import { decodeWireBytes } from '../../content/util/wire';
import { createElectronStandIn } from '../helpers/electron-stand-in';
import { REPORT_PATH } from '../helpers/paths';
import type * as RunnerModule from '../../main/tasks/runner';
import type { TaskRunner } from '../../main/tasks/runner';

/**
 * Ctrl+O in the desktop app: main shows the system's open dialog at once (no File menu first),
 * for reports and projects, and reads the chosen file itself. The Electron runtime cannot run
 * here: a stand-in `electron` module records the dialog's options and answers for the user.
 */

const standIn = createElectronStandIn();
vi.mock('electron', () => ({ ...standIn.electron, default: standIn.electron }));
const { record } = standIn;
// the worker thread's script is built into out/ only: the jobs run in this process instead
vi.mock('../../main/tasks/runner', async (importOriginal) => {
  const real = await importOriginal<typeof RunnerModule>();
  class InProcessPool {
    run: TaskRunner['run'] = (job, options) => real.inProcessRunner.run(job, options);
    close = async (): Promise<void> => undefined;
  }
  return { ...real, WorkerPool: InProcessPool };
});

type Reply<T> = { ok: boolean; value?: T; encoded?: Uint8Array; error?: { code: string; message: string } };
type OpenOptions = { filters: Array<{ name: string; extensions: string[] }>; properties: string[] };

const dialogCalls: OpenOptions[] = [];
let answer: string | null = null;

const projectPath = join(mkdtempSync(join(tmpdir(), 'open-')), '上半年汇报.briefing');
writeFileSync(
  projectPath,
  serializeProject(
    { name: '上半年汇报', report: sampleReport(), briefing: emptyBriefing() },
    { savedAt: new Date() },
  ),
);

async function call<T>(channel: string, payload: unknown): Promise<Reply<T>> {
  const win = record.windows[0]!.win;
  const loaded = win.loaded ?? '';
  const url = new URL(`file://${loaded.startsWith('/') ? '' : '/'}${loaded.replace(/\\/g, '/')}`).href;
  return (await record.handles.get(channel)!(
    { sender: win.webContents, senderFrame: { url } },
    payload,
  )) as Reply<T>;
}

describe('Ctrl+O in the desktop app (stand-in electron)', () => {
  beforeAll(async () => {
    const dialog = standIn.electron.dialog as Record<string, unknown>;
    dialog.showOpenDialog = async (...args: unknown[]) => {
      // with a parent window, the options come second
      dialogCalls.push(args[args.length - 1] as OpenOptions);
      return answer ? { canceled: false, filePaths: [answer] } : { canceled: true, filePaths: [] };
    };
    const { runElectronApp } = await import('../../main/app');
    runElectronApp();
    await new Promise((r) => setTimeout(r, 20));
  });

  it('opens the system dialog for reports and projects alike, and says when it was canceled', async () => {
    answer = null;
    const reply = await call<{ status: string }>('file:choose', {});
    expect(reply).toEqual({ ok: true, value: { status: 'canceled' } });
    expect(dialogCalls).toHaveLength(1);
    const { filters, properties } = dialogCalls[0]!;
    expect(properties).toEqual(['openFile']);
    // the first filter, the one shown, takes every kind the app opens
    expect(filters[0]!.extensions).toEqual(expect.arrayContaining(['docx', 'pdf', 'txt', 'md', 'briefing']));
    expect(filters.some((f) => f.extensions.length === 1 && f.extensions[0] === 'briefing')).toBe(true);
  });

  it('imports the report the user chose, read by main', async () => {
    answer = REPORT_PATH;
    const chosen = await call<{ status: string; kind: string; path: string }>('file:choose', {});
    expect(chosen.value).toMatchObject({ status: 'chosen', kind: 'report', path: REPORT_PATH });
    const imported = await call<unknown>('report:import-file', { path: REPORT_PATH });
    expect(imported.ok, imported.error?.message).toBe(true);
    const report = (imported.encoded ? decodeWireBytes(imported.encoded) : imported.value) as {
      title: string;
      source: { name: string };
      sections: unknown[];
    };
    expect(report.title).toBe('稳中求进开新局 实干笃行谱新篇');
    expect(report.source.name).toBe('qinghe-midyear-2023.txt');
    expect(report.sections.length).toBeGreaterThan(3);
  });

  it('hands a chosen project to project:open, which may now read it', async () => {
    answer = projectPath;
    const chosen = await call<{ kind: string; path: string }>('file:choose', {});
    expect(chosen.value).toMatchObject({ kind: 'project', path: projectPath, name: '上半年汇报.briefing' });
    const opened = await call<{ status: string; path: string }>('project:open', {
      source: { kind: 'recent', path: projectPath },
    });
    expect(opened.value).toMatchObject({ status: 'opened', path: projectPath });
  });

  it('reads no file the user did not choose', async () => {
    const reply = await call<unknown>('report:import-file', { path: '/etc/passwd' });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('unknown-path');
  });
});
