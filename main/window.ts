import { BrowserWindow, type Rectangle, type Session, type WebContents } from 'electron';
import { ALLOWED_REQUEST_SCHEMES, isAppUrl } from './security';
import type { WindowState } from './window-state';

/**
 * Lock a session down: every permission request (camera, notifications, geolocation…) is
 * denied, and any request that would leave the machine is cancelled.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      scheme = '';
    }
    callback({ cancel: !ALLOWED_REQUEST_SCHEMES.has(scheme) });
  });
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, appRoot: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appRoot)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface MainWindowOptions {
  preload: string;
  state: WindowState;
}

/** The main window, secure by default: isolated, sandboxed, no Node in the page. */
export function createMainWindow({ preload, state }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '简报工坊',
    backgroundColor: '#ffffff',
    // written out here, not built elsewhere, so the security scan (electronegativity) reads them
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // middle-click must not open links in new windows
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  return win;
}

/**
 * The presenter view's window, on the second display's bounds: the same built page (its
 * presenter route) with the same locked-down settings as the main window, written out here for
 * the security scan.
 */
export function createPresenterWindow({
  preload,
  bounds,
}: {
  preload: string;
  bounds: Rectangle;
}): BrowserWindow {
  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    show: false,
    title: '简报工坊 · 演讲者视图',
    backgroundColor: '#111827',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  return win;
}
