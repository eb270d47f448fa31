import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from './errors';
import { writeFileAtomic } from './files';
import { createHandlers, sampleReportOnce } from './handlers';
import { electronPdfPrinter } from './export/pdf-electron';
import { clearRecovery } from './recovery';
import { registerIpcHandlers } from './ipc';
import { templateLibrary } from './templates-host';
import { menuTemplate } from './menu';
import { defaultWorkerLimits, WorkerPool } from './tasks/runner';
import { LaunchQueue, projectFilesIn } from './launch';
import { isAppUrl } from './security';
import { PresenterScreens } from './presenter';
import { createMainWindow, createPresenterWindow, hardenSession, hardenWebContents } from './window';
import { loadWindowState, saveWindowState } from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Paths of the built app, next to this file in out/. */
export const appPaths = {
  preload: join(here, '../preload/preload.cjs'),
  rendererIndex: join(here, '../renderer/index.html'),
};

/**
 * Ctrl+O's dialog: every file the app opens first (a report in any format it reads, or a
 * project), then each kind on its own, as WPS and Word list them.
 */
export const OPEN_FILTERS = [
  { name: '报告或项目', extensions: ['docx', 'pdf', 'txt', 'text', 'md', 'markdown', 'briefing'] },
  {
    name: '工作报告（Word、PDF、文本、Markdown）',
    extensions: ['docx', 'pdf', 'txt', 'text', 'md', 'markdown'],
  },
  { name: '简报工坊项目', extensions: ['briefing'] },
];

/**
 * The Electron main process: one instance, one secure window on the built renderer, the shared
 * handlers on ipcMain, the Chinese menu, the window's size and place remembered.
 */
export function runElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  let win: BrowserWindow | null = null;
  const appRoot = pathToFileURL(join(here, '../renderer/')).href;
  const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');

  // a .briefing double-clicked in the file manager arrives on the command line: of this
  // instance at start, or of a second one that hands it over here and quits
  const launchFiles = new LaunchQueue();
  launchFiles.add(projectFilesIn(process.argv.slice(1), process.cwd()));
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
    if (launchFiles.add(projectFilesIn(argv.slice(1), workingDirectory)))
      win.webContents.send('menu:command', 'open-launch');
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appRoot));
  app.on('window-all-closed', () => app.quit());

  const dataDir = (): string => app.getPath('userData');
  // the user's templates load beside the window's start; a broken file is a problem listed, not a stop
  const templates = templateLibrary(dataDir());
  // imports and export writing run here, off the main process's thread
  const tasks = new WorkerPool({ script: join(here, 'task-worker.js'), ...defaultWorkerLimits() });
  app.on('will-quit', () => void tasks.close());
  const presenter = new PresenterScreens({
    displays: () => screen.getAllDisplays(),
    primaryId: () => screen.getPrimaryDisplay().id,
    audience: () => win,
    openPresenter: (bounds) => {
      const view = createPresenterWindow({ preload: appPaths.preload, bounds });
      void view.loadFile(appPaths.rendererIndex, { query: { view: 'presenter' } });
      return view;
    },
  });
  const handlers = createHandlers({
    host: 'electron',
    presenter,
    version: app.getVersion(),
    registry: templates.registry,
    templates,
    openFolder: async (path) => {
      const failed = await shell.openPath(path);
      if (failed)
        throw new AppError(
          'open-folder-failed',
          `无法打开文件夹「${path}」（${failed}）。请在文件管理器中手动打开它。`,
          `Could not open the folder "${path}" (${failed}). Open it in the file manager yourself.`,
        );
    },
    deliver: async ({ fileName, bytes }) => {
      const ext = fileName.split('.').pop() ?? '';
      const options = {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'canceled' };
      await writeFileAtomic(choice.filePath, bytes);
      return {
        status: 'saved',
        path: choice.filePath,
        fileName: choice.filePath.split(/[\\/]/).pop() ?? fileName,
      };
    },
    showInFolder: async (path) => {
      shell.showItemInFolder(path);
    },
    printPdf: electronPdfPrinter({ BrowserWindow, fromPartition: (p) => session.fromPartition(p) }),
    tasks,
    takeLaunchFile: () => launchFiles.take(),
    get dataDir() {
      return dataDir();
    },
    saveProject: async ({ fileName, bytes }, path) => {
      let target = path;
      if (!target) {
        const options = {
          defaultPath: join(app.getPath('documents'), fileName),
          filters: [{ name: '简报工坊项目', extensions: ['briefing'] }],
        };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { result: { status: 'canceled' }, path: null };
        target = choice.filePath;
      }
      await writeFileAtomic(target, bytes);
      const name = target.split(/[\\/]/).pop() ?? fileName;
      return { result: { status: 'saved', path: target, fileName: name }, path: target };
    },
    chooseOpenFile: async () => {
      const options = {
        defaultPath: app.getPath('documents'),
        filters: OPEN_FILTERS,
        properties: ['openFile' as const],
      };
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    chooseProjectFile: async () => {
      const options = {
        defaultPath: app.getPath('documents'),
        filters: [{ name: '简报工坊项目', extensions: ['briefing'] }],
        properties: ['openFile' as const],
      };
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  });

  registerIpcHandlers(ipcMain, handlers, (sender, frameUrl) => {
    const owner = BrowserWindow.fromWebContents(sender);
    // the presenter window shows the same page: its calls are the desk's own
    const ours = owner !== null && (owner === win || owner === presenter.window);
    return ours && frameUrl !== undefined && isAppUrl(frameUrl, appRoot);
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const areas = screen.getAllDisplays().map((d) => d.workArea);
    win = createMainWindow({ preload: appPaths.preload, state: loadWindowState(stateFile(), areas) });
    // the window opens on the sample: build it while the window loads its script
    sampleReportOnce().catch(() => undefined);
    const send = (command: Parameters<Parameters<typeof menuTemplate>[0]>[0]): void =>
      win?.webContents.send('menu:command', command);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send)));
    win.on('close', () => {
      if (!win) return;
      const b = win.getNormalBounds();
      void saveWindowState(stateFile(), {
        x: b.x,
        y: b.y,
        width: b.width,
        height: b.height,
        maximized: win.isMaximized(),
      }).catch(() => undefined);
    });
    // the page refuses to unload while it has unsaved changes (beforeunload); ask the user here,
    // in Chinese, instead of closing silently or never
    win.webContents.on('will-prevent-unload', (event) => {
      if (!win) return;
      const choice = dialog.showMessageBoxSync(win, {
        type: 'question',
        title: '简报工坊',
        message: '有尚未保存的修改。',
        detail: '关闭后，这些修改将会丢失。要保存，请选择「取消」，然后按 Ctrl+S。',
        buttons: ['不保存，直接关闭', '取消'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (choice === 0) {
        // the user chose to discard: nothing to offer for recovery next time
        void clearRecovery(dataDir()).catch(() => undefined);
        event.preventDefault();
      }
    });
    win.on('closed', () => {
      win = null;
    });
    await win.loadFile(appPaths.rendererIndex).catch((err: unknown) => {
      dialog.showErrorBox(
        '简报工坊',
        new AppError('load-failed', `界面加载失败：${String(err)}`, 'The window failed to load.').messageZh,
      );
    });
  });
}
