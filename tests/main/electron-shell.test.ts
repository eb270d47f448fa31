import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBriefing } from '../../content/model/briefing';
import { serializeProject } from '../../content/project';
import { sampleReport } from '../../content/sample';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accelerator, COMMAND_IDS, COMMANDS, menuKey } from '../../content/commands';
import { CHANNELS, MENU_COMMANDS } from '../../main/contract';
import { menuTemplate } from '../../main/menu';
import { createElectronStandIn } from '../helpers/electron-stand-in';

const standIn = createElectronStandIn();
vi.mock('electron', () => ({ ...standIn.electron, default: standIn.electron }));

const { record } = standIn;

// two project files, as the file manager passes them when staff double-click a .briefing
const projectsDir = mkdtempSync(join(tmpdir(), 'launch-'));
const writeProject = (name: string): string => {
  const path = join(projectsDir, `${name}.briefing`);
  const content = { name, report: sampleReport(), briefing: emptyBriefing() };
  writeFileSync(path, serializeProject(content, { savedAt: new Date() }));
  return path;
};
const launchedAtStart = writeProject('开机双击');
const launchedLater = writeProject('后来双击');

describe('the Electron main process (with a stand-in electron module)', () => {
  beforeAll(async () => {
    const { runElectronApp } = await import('../../main/app');
    const argv = process.argv;
    process.argv = [argv[0]!, '--no-sandbox', launchedAtStart];
    try {
      runElectronApp();
    } finally {
      process.argv = argv;
    }
    // let whenReady() resolve and the window be created
    await new Promise((r) => setTimeout(r, 20));
  });

  it('asks for a single instance and enables the sandbox for every renderer', () => {
    expect(record.singleInstanceRequested).toBe(true);
    expect(record.sandboxEnabled).toBe(true);
    expect(record.appListeners.has('second-instance')).toBe(true);
  });

  it('opens one window with isolation, sandbox, no Node and web security', () => {
    expect(record.windows).toHaveLength(1);
    const prefs = record.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('loads the built renderer from disk, never a remote URL', () => {
    const loaded = record.windows[0]!.win.loaded;
    expect(loaded).toMatch(/renderer[\\/]index\.html$/);
    expect(loaded).not.toMatch(/^https?:/);
  });

  it('denies every permission request and check', () => {
    const decisions: boolean[] = [];
    record.permissionRequestHandler?.({}, 'media', (ok: boolean) => decisions.push(ok));
    record.permissionRequestHandler?.({}, 'notifications', (ok: boolean) => decisions.push(ok));
    expect(decisions).toEqual([false, false]);
    expect(record.permissionCheckHandler?.({}, 'geolocation')).toBe(false);
  });

  it('cancels any request that would leave the machine', () => {
    const verdict = (url: string): boolean => {
      let cancel: boolean | undefined;
      record.beforeRequest?.({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel === true;
    };
    expect(verdict('https://example.com/x.js')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict('ws://example.com/')).toBe(true);
    expect(verdict('file:///app/out/renderer/index.html')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
  });

  it('denies navigation away from the app and every new window', async () => {
    const { FakeWebContents } = await import('../helpers/electron-stand-in');
    const contents = new FakeWebContents();
    for (const fn of record.appListeners.get('web-contents-created') ?? []) fn({}, contents);
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('registers a handler for every contract channel', () => {
    expect([...record.handles.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses a request from a window that is not ours', async () => {
    const handler = record.handles.get('app:info')!;
    const { FakeWebContents } = await import('../helpers/electron-stand-in');
    const reply = (await handler(
      { sender: new FakeWebContents(), senderFrame: { url: 'https://evil.example/' } },
      {},
    )) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('untrusted-sender');
  });

  it('refuses an invalid request with a message naming the field', async () => {
    const win = record.windows[0]!.win;
    const event = { sender: win.webContents, senderFrame: { url: appFrameUrl() } };
    const reply = (await record.handles.get('report:import')!(event, { name: 42 })) as {
      ok: boolean;
      error?: { code: string; message: string; messageEn: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid-request');
    expect(reply.error?.message).toContain('name');
    expect(reply.error?.message).toMatch(/无效/);
  });

  it('answers a valid request from our own window', async () => {
    const win = record.windows[0]!.win;
    const event = { sender: win.webContents, senderFrame: { url: appFrameUrl() } };
    const reply = (await record.handles.get('app:info')!(event, {})) as {
      ok: boolean;
      value?: { host: string };
    };
    expect(reply).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  it('asks before closing with unsaved changes, and closes only when the user chooses to discard', () => {
    const contents = record.windows[0]!.win.webContents;
    const answers: number[] = [];
    const dialog = standIn.electron.dialog as Record<string, unknown>;
    dialog.showMessageBoxSync = (_win: unknown, options: { buttons: string[] }) => {
      expect(options.buttons).toEqual(['不保存，直接关闭', '取消']);
      return answers.shift() ?? 1;
    };
    answers.push(1);
    expect(contents.emit('will-prevent-unload')).toBe(false);
    answers.push(0);
    expect(contents.emit('will-prevent-unload')).toBe(true);
  });

  it('opens the project it was started with, then one a second instance hands over, and nothing else', async () => {
    const win = record.windows[0]!.win;
    const event = { sender: win.webContents, senderFrame: { url: appFrameUrl() } };
    type Opened = { ok: boolean; value?: { status: string; path?: string; project?: { name: string } } };
    const open = async (): Promise<Opened> =>
      (await record.handles.get('project:open')!(event, { source: { kind: 'launch' } })) as Opened;

    expect(await open()).toMatchObject({ ok: true, value: { status: 'opened', path: launchedAtStart } });
    expect(await open()).toMatchObject({ ok: true, value: { status: 'canceled' } });

    // a second launch passes its command line here; this window is told to open what it named
    win.webContents.sent.length = 0;
    for (const fn of record.appListeners.get('second-instance') ?? [])
      fn({}, ['/opt/briefing-studio/briefing-studio', '后来双击.briefing'], projectsDir);
    expect(win.webContents.sent).toEqual([['menu:command', 'open-launch']]);
    expect(await open()).toMatchObject({
      ok: true,
      value: { status: 'opened', path: launchedLater, project: { name: '后来双击' } },
    });
    // the files opened this way may be saved back to: they are known paths now
    const reopen = (await record.handles.get('project:open')!(event, {
      source: { kind: 'recent', path: launchedLater },
    })) as Opened;
    expect(reopen.ok).toBe(true);

    // a plain second start (no file) only brings the window forward
    for (const fn of record.appListeners.get('second-instance') ?? [])
      fn({}, ['/opt/briefing-studio/briefing-studio'], projectsDir);
    expect(win.webContents.sent).toHaveLength(1);
    expect(win.focused).toBe(2);
  });

  it('sets a Chinese menu with 文件 / 编辑 / 视图 / 帮助 and the standard shortcuts', () => {
    const menu = record.menu as Array<{
      label: string;
      submenu: Array<{ label?: string; accelerator?: string }>;
    }>;
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const accel = menu
      .flatMap((m) => m.submenu)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(accel).toEqual(
      expect.arrayContaining(['CmdOrCtrl+O', 'CmdOrCtrl+S', 'CmdOrCtrl+Z', 'CmdOrCtrl+E']),
    );
  });
});

describe('the desktop menu, derived from the command table', () => {
  type Item = { label?: string; accelerator?: string; type?: string; role?: string; click?: () => void };
  const menuOf = (): Array<{ label: string; submenu: Item[] }> =>
    record.menu as Array<{ label: string; submenu: Item[] }>;

  it('carries every command the table puts in a menu, with its label and shortcut, and sends its id', () => {
    const menus = { file: 0, edit: 1, view: 2, help: 3 } as const;
    const contents = record.windows[0]!.win.webContents;
    for (const command of COMMAND_IDS) {
      const entry = COMMANDS[command].menu;
      if (!entry) continue;
      const item = menuOf()[menus[entry.menu]]!.submenu.find((i) => i.label === entry.label);
      expect(item, command).toBeDefined();
      const key = menuKey(command, false);
      expect(item!.accelerator, command).toBe(key ? accelerator(key) : undefined);
      contents.sent.length = 0;
      item!.click!();
      expect(contents.sent, command).toEqual([['menu:command', command]]);
    }
    // and nothing else of ours: the rest are Electron's roles and separators
    const ours = menuOf()
      .flatMap((m) => m.submenu)
      .filter((i) => i.click);
    expect(ours).toHaveLength(COMMAND_IDS.filter((c) => COMMANDS[c].menu).length);
  });

  it('parts the groups of a menu with separators and keeps Electron’s own roles', () => {
    const file = menuOf()[0]!.submenu.map((i) => i.label ?? i.type);
    expect(file).toEqual([
      '新建项目',
      '打开…',
      'separator',
      '保存',
      '另存为…',
      'separator',
      '导出…',
      '打印…',
      'separator',
      '打开模板文件夹',
      '重新读取模板文件夹',
      'separator',
      '退出',
    ]);
    expect(
      menuOf()[1]!
        .submenu.filter((i) => i.role)
        .map((i) => i.role),
    ).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows a Mac its own redo shortcut', () => {
    const mac = menuTemplate(() => undefined, true);
    const redo = (mac[1]!.submenu as Item[]).find((i) => i.label === '重做');
    expect(redo?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(menuOf()[1]!.submenu.find((i) => i.label === '重做')?.accelerator).toBe('CmdOrCtrl+Y');
  });
});

describe('the templates folder in the desktop app', () => {
  it('has menu items that ask the page to open it and to read it again', () => {
    const menu = record.menu as Array<{
      label: string;
      submenu: Array<{ label?: string; click?: () => void }>;
    }>;
    const contents = record.windows[0]!.win.webContents;
    for (const [label, command] of [
      ['打开模板文件夹', 'templates-folder'],
      ['重新读取模板文件夹', 'templates-reload'],
    ]) {
      const item = menu[0]!.submenu.find((i) => i.label === label);
      expect(item, label).toBeDefined();
      contents.sent.length = 0;
      item!.click!();
      expect(contents.sent).toEqual([['menu:command', command]]);
    }
  });

  it('opens <userData>/templates in the file manager, creating it first', async () => {
    const win = record.windows[0]!.win;
    const event = { sender: win.webContents, senderFrame: { url: appFrameUrl() } };
    const reply = (await record.handles.get('templates:open-folder')!(event, {})) as {
      ok: boolean;
      value?: { opened: boolean; path: string };
    };
    const dir = join(standIn.userData, 'templates');
    expect(reply).toEqual({ ok: true, value: { opened: true, path: dir } });
    expect(record.openedPaths).toEqual([dir]);
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});

describe('the preload bridge', () => {
  it('exposes exactly the contract channels as named methods, never ipcRenderer', async () => {
    await import('../../main/preload');
    const api = record.exposed.get('briefing') as Record<string, unknown>;
    expect(api).toBeDefined();
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onMenuCommand', 'onShowState'].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('sends each method to its own channel', async () => {
    const api = record.exposed.get('briefing') as Record<string, (req: unknown) => Promise<unknown>>;
    record.invoked.length = 0;
    for (const channel of CHANNELS) await api[channel]!({});
    expect(record.invoked.map(([c]) => c)).toEqual([...CHANNELS]);
  });

  it('passes menu commands to the page and can stop listening', async () => {
    const api = record.exposed.get('briefing') as { onMenuCommand: (fn: (c: string) => void) => () => void };
    const got: string[] = [];
    const stop = api.onMenuCommand((c) => got.push(c));
    for (const fn of record.rendererListeners.get('menu:command') ?? []) fn({}, MENU_COMMANDS[2]);
    stop();
    for (const fn of record.rendererListeners.get('menu:command') ?? []) fn({}, 'open');
    expect(got).toEqual(['save']);
  });

  it('passes the show from the other window to the page and can stop listening', async () => {
    const api = record.exposed.get('briefing') as { onShowState: (fn: (s: unknown) => void) => () => void };
    const got: unknown[] = [];
    const stop = api.onShowState((s) => got.push(s));
    const state = { from: 'presenter', show: { at: 2, black: false, startedAt: 1 } };
    for (const fn of record.rendererListeners.get('show:state') ?? []) fn({}, state);
    stop();
    for (const fn of record.rendererListeners.get('show:state') ?? []) fn({}, { from: 'desk', show: null });
    expect(got).toEqual([state]);
  });
});

function appFrameUrl(): string {
  const loaded = record.windows[0]!.win.loaded ?? '';
  return new URL(`file://${loaded.startsWith('/') ? '' : '/'}${loaded.replace(/\\/g, '/')}`).href;
}
