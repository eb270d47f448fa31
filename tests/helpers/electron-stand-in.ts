import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module: records what the main process asks of Electron so tests
 * can check the window's security settings, the IPC registrations and the session hardening
 * without the Electron binary (which cannot be downloaded on our build machines).
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: Array<[string, unknown]> = [];
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  /** fire an event the way Electron would, returning whether a listener prevented it */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const fn of this.listeners.get(event) ?? []) fn(e, ...args);
    return prevented;
  }
}

export function createElectronStandIn() {
  const record = {
    windows: [] as Array<{ options: Record<string, unknown>; win: FakeBrowserWindow }>,
    handles: new Map<string, Listener>(),
    appListeners: new Map<string, Listener[]>(),
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    menu: undefined as unknown,
    sandboxEnabled: false,
    singleInstanceRequested: false,
    exposed: new Map<string, unknown>(),
    invoked: [] as Array<[string, unknown]>,
    rendererListeners: new Map<string, Listener[]>(),
    openedPaths: [] as string[],
    /** the displays screen.getAllDisplays() answers with; the first is the primary */
    displays: [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      },
    ],
  };
  // a real, empty folder: the app reads its templates folder there at start
  const userData = mkdtempSync(join(tmpdir(), 'stand-in-user-data-'));

  class FakeBrowserWindow {
    readonly webContents = new FakeWebContents();
    loaded: string | undefined;
    loadedQuery: Record<string, string> | undefined;
    focused = 0;
    bounds: { x: number; y: number; width: number; height: number } | undefined;
    fullScreen = false;
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      record.windows.push({ options, win: this });
    }
    static fromWebContents(wc: unknown): FakeBrowserWindow | null {
      return record.windows.find((w) => w.win.webContents === wc)?.win ?? null;
    }
    loadFile(path: string, options?: { query?: Record<string, string> }): Promise<void> {
      this.loaded = path;
      this.loadedQuery = options?.query;
      return Promise.resolve();
    }
    setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
      this.bounds = bounds;
    }
    setFullScreen(on: boolean): void {
      this.fullScreen = on;
    }
    isFullScreen(): boolean {
      return this.fullScreen;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      this.destroyed = true;
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    maximize(): void {}
    show(): void {}
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      this.focused++;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1366, height: 768 };
    }
    isMaximized(): boolean {
      return false;
    }
  }

  const electron = {
    app: {
      requestSingleInstanceLock: () => {
        record.singleInstanceRequested = true;
        return true;
      },
      enableSandbox: () => {
        record.sandboxEnabled = true;
      },
      on: (event: string, fn: Listener) => {
        record.appListeners.set(event, [...(record.appListeners.get(event) ?? []), fn]);
      },
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getVersion: () => '0.0.0-test',
      quit: () => undefined,
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Listener) => {
        record.handles.set(channel, fn);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => {
          record.permissionRequestHandler = fn;
        },
        setPermissionCheckHandler: (fn: Listener) => {
          record.permissionCheckHandler = fn;
        },
        webRequest: {
          onBeforeRequest: (fn: Listener) => {
            record.beforeRequest = fn;
          },
        },
      },
    },
    screen: {
      getAllDisplays: () => record.displays,
      getPrimaryDisplay: () => record.displays[0]!,
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        record.menu = menu;
      },
    },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }), showErrorBox: () => undefined },
    shell: {
      showItemInFolder: () => undefined,
      openPath: (path: string) => {
        record.openedPaths.push(path);
        return Promise.resolve('');
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        record.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) => {
        record.invoked.push([channel, payload]);
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, fn: Listener) => {
        record.rendererListeners.set(channel, [...(record.rendererListeners.get(channel) ?? []), fn]);
      },
      removeListener: (channel: string, fn: Listener) => {
        record.rendererListeners.set(
          channel,
          (record.rendererListeners.get(channel) ?? []).filter((f) => f !== fn),
        );
      },
    },
  };
  return { electron, record, FakeBrowserWindow, userData };
}
