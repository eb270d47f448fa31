import { spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';
import { AppError } from './errors';
import { writeFileAtomic } from './files';
import type { Handlers } from './handlers';
import { BrowserPdfPrinter } from './export/pdf';
import { startHttpHost, type HttpHost } from './host/http-host';
import { defaultWorkerLimits, WorkerPool } from './tasks/runner';
import { APP_VERSION } from './version';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface BrowserModeOptions {
  port?: number;
  rendererDir?: string;
  /** where recovery files, the recent list and saved project copies live */
  dataDir?: string;
  /** the built worker script (tests running from the sources name out/main/task-worker.js) */
  workerScript?: string | URL;
}

/**
 * Browser mode's data directory: $BRIEFING_DATA_DIR (tests set it to isolate themselves), else
 * the platform's per-user config folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BRIEFING_DATA_DIR) return env.BRIEFING_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'briefing-studio');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'briefing-studio');
}

const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** The page asks the user and, if they agree, saves again with `replace`. */
function projectExists(fileName: string): AppError {
  return new AppError(
    'project-exists',
    `项目文件夹中已有同名的项目「${fileName}」。要用当前的工作替换它吗？`,
    `The projects folder already has a project named "${fileName}". Replace it with the current work?`,
  );
}

/**
 * Where browser mode keeps a saved project: the path it came from (保存), else the data dir's
 * projects folder (另存为), where another project of the same name is not replaced unless the page
 * says the user agreed (`replace`). Returns the file written.
 */
export async function saveInProjectsFolder(
  dataDir: string,
  { fileName, bytes }: { fileName: string; bytes: Uint8Array },
  path: string | undefined,
  options: { replace?: boolean } = {},
): Promise<string> {
  const target = path ?? join(dataDir, 'projects', fileName);
  await mkdir(dirname(target), { recursive: true });
  if (path === undefined && !options.replace && (await isFile(target))) throw projectExists(fileName);
  await writeFileAtomic(target, bytes);
  return target;
}

/** Start browser mode: the shared handlers on a loopback HTTP host serving the built renderer. */
export async function startBrowserMode(options: BrowserModeOptions = {}): Promise<HttpHost> {
  const started: { host?: HttpHost } = {};
  const dataDir = options.dataDir ?? defaultDataDir();
  // one browser prints every PDF this session, started on the first PDF export
  const printer = new BrowserPdfPrinter();
  const tasks = new WorkerPool({
    script: options.workerScript ?? new URL('./task-worker.js', import.meta.url),
    ...defaultWorkerLimits(),
  });
  // the host listens first and loads the handlers (the contract's schemas, the templates) while
  // the page loads its script: the two overlap instead of the page waiting for both
  const handlers: Promise<Handlers> = (async () => {
    const [{ createHandlers, sampleReportOnce }, { templateLibrary }] = await Promise.all([
      import('./handlers'),
      import('./templates-host'),
    ]);
    // the page opens on the sample: have it ready by the time the page asks
    sampleReportOnce().catch(() => undefined);
    // the user's templates load while the host starts; a broken file is a problem listed, not a stop
    const templates = templateLibrary(dataDir);
    return createHandlers({
      host: 'browser',
      version: APP_VERSION,
      registry: templates.registry,
      templates,
      // the page downloads the file; the browser's own download handling picks where it goes
      deliver: async ({ fileName, bytes }) => {
        if (!started.host) throw new Error('host not started');
        return { status: 'download', downloadId: started.host.offerDownload(fileName, bytes), fileName };
      },
      showInFolder: async () => undefined,
      printPdf: printer.print,
      tasks,
      dataDir,
      // the browser chooses where a download goes, so main keeps its own copy of every saved
      // project in the data dir: that copy is what the recent list opens and 保存 writes back to
      saveProject: async ({ fileName, bytes }, path, options = {}) => {
        if (!started.host) throw new Error('host not started');
        const target = await saveInProjectsFolder(dataDir, { fileName, bytes }, path, options);
        const downloadId = started.host.offerDownload(basename(target), bytes);
        return { result: { status: 'download', downloadId, fileName: basename(target) }, path: target };
      },
      chooseProjectFile: async () => {
        throw new AppError(
          'no-dialog',
          '浏览器模式下请用「打开项目」按钮选择文件。',
          'In browser mode, use the Open project button to choose a file.',
        );
      },
    });
  })();
  const host = await startHttpHost({
    handlers,
    rendererDir: options.rendererDir ?? join(here, '../renderer'),
    ...(options.port ? { port: options.port } : {}),
  });
  const closeServer = host.close;
  host.close = async () => {
    await closeServer();
    await Promise.all([printer.close(), tasks.close()]);
  };
  started.host = host;
  return host;
}

/** Open a URL in the system browser where there is a display to show it on. */
export function openInSystemBrowser(url: string): boolean {
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const [cmd, args] =
    platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function parsePort(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--port');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  const n = v ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}

/** `node out/main/browser.js [--port N] [--no-open] [--json]` */
export async function main(argv: readonly string[]): Promise<void> {
  const host = await startBrowserMode({ ...(parsePort(argv) ? { port: parsePort(argv) } : {}) });
  if (argv.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({ url: host.url, appUrl: host.appUrl, port: host.port, token: host.token })}\n`,
    );
  } else {
    process.stdout.write(`简报工坊（浏览器模式）已启动 / Briefing Studio (browser mode): ${host.appUrl}\n`);
  }
  if (!argv.includes('--no-open')) openInSystemBrowser(host.appUrl);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Browser mode from a command line (this file run by Node, or `npm start`): a failure is one line and exit code 1. */
export function runFromCommandLine(argv: readonly string[]): void {
  main(argv).catch((err: unknown) => {
    process.stderr.write(
      `简报工坊无法启动浏览器模式 / could not start browser mode: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runFromCommandLine(process.argv.slice(2));
}
