import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkLimit } from '../content/import/limits';
import type { Report } from '../content/model/report';
import { PROJECT_EXTENSION } from '../content/project';
import type { TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import {
  CHANNELS,
  contract,
  type Channel,
  type Envelope,
  type ReqParsed,
  type Res,
  type SaveResult,
  type ShowSync,
} from './contract';
import { AppError, fileErrorToAppError, invalidRequest, toWireError } from './errors';
import type { RenderedOutput } from './export';
import { pdfUnavailable, printCanceled, untilCanceled, type PdfPrinter, type PrintStage } from './export/pdf';
import { openProjectBytes, projectBytes, readProjectFile } from './project-files';
import { readUserRuleFiles, userProofRulesDir } from './proof-rules-user';
import { addRecent, isRecent, listRecent } from './recent';
import { clearRecovery, readRecovery, writeRecovery, writeRecoveryRecord } from './recovery';
import {
  checkOfficeTemplate,
  openTemplatesFolder,
  userTemplatesReply,
  type TemplateLibrary,
} from './templates-host';
import { TaskBoard, type TaskHandle } from './tasks/board';
import type { HeavyChannel, Prepared } from './tasks/requests';
import { inProcessRunner, type RunOptions, type TaskRunner } from './tasks/runner';

/** What a host (Electron or the browser-mode server) provides to the shared handlers. */
export interface HostServices {
  host: 'electron' | 'browser';
  version: string;
  /** the templates for lists and exports: built-in plus the user's once their folder is read */
  registry: () => TemplateRegistry | Promise<TemplateRegistry>;
  /** the user's template folder; without it there are no user templates to list or open */
  templates?: TemplateLibrary;
  /** open a folder in the system file manager (Electron); browser mode cannot */
  openFolder?: (path: string) => Promise<void>;
  /** Put finished output where the user wants it: a save dialog and an atomic write, or a download. */
  deliver: (file: { fileName: string; bytes: Uint8Array }) => Promise<SaveResult>;
  showInFolder: (path: string) => Promise<void>;
  /** Print an HTML deck to PDF; without it, PDF export says it is unavailable. */
  printPdf?: PdfPrinter;
  /** where recovery files and the recent list live (Electron userData, or the browser-mode data dir) */
  dataDir: string;
  /**
   * Put a project file where it belongs: written to `path` when given (保存), else where the
   * user picks (Electron's save dialog) or as a download (browser mode). `path` in the reply is
   * the file now on disk, for the recent list, or null.
   */
  saveProject: (
    file: { fileName: string; bytes: Uint8Array },
    path: string | undefined,
    options?: { replace?: boolean },
  ) => Promise<{ result: SaveResult; path: string | null }>;
  /** Ask the user for a project file to open (Electron's open dialog); null when canceled. */
  chooseProjectFile: () => Promise<string | null>;
  /**
   * Ask the user for a report or a project to open (Electron's open dialog, Ctrl+O); null when
   * canceled. Browser mode has none: its page shows the browser's own file chooser.
   */
  chooseOpenFile?: () => Promise<string | null>;
  /**
   * Where imports, re-analysis and export rendering run: the hosts' worker threads, so main
   * stays free; without it, in main itself.
   */
  tasks?: TaskRunner;
  /** the presenter view on a second display while a show runs (Electron); browser mode has none */
  presenter?: {
    open: () => boolean;
    close: () => void;
    /** pass one window's word about the show to the other */
    relay: (state: ShowSync) => void;
    /** the show as the desk last sent it, for a presenter window starting up */
    current: () => Omit<ShowSync, 'from'>;
  };
  /** the next project file the system asked the app to open (Electron's command line), or null */
  takeLaunchFile?: () => string | null;
}

/**
 * A reply already in wire form (UTF-8 JSON), made by a worker thread: main passes it on without
 * decoding it (see Envelope).
 */
export class EncodedReply<T> {
  declare readonly _value?: T;
  constructor(readonly bytes: Uint8Array) {}
}

export type Handlers = {
  [C in Channel]: (req: ReqParsed<C>) => Promise<Res<C> | EncodedReply<Res<C>>>;
} & {
  /**
   * The heavy channels (main/tasks/requests.ts) from a body as it arrived: decoded, validated and
   * prepared in a worker thread, finished here. Browser mode's host uses these for large bodies.
   */
  readonly raw: {
    [C in HeavyChannel]: (body: Uint8Array, framed: boolean, meta?: RawMeta) => Promise<Envelope<Res<C>>>;
  };
};

/** The registry's templates that are not built in: a worker thread has the built-in ones itself. */
function userTemplates(registry: TemplateRegistry): Template[] {
  return registry
    .list()
    .filter((t) => !t.builtin)
    .map((t) => registry.get(t.kind, t.id));
}

let sample: Promise<Report> | undefined;

/**
 * The built-in sample report, built once per process. Every start opens the desk on it, so the
 * hosts call this as they start: the import code loads and the report is built while the window
 * or page loads its own script, instead of after it asks.
 */
export function sampleReportOnce(): Promise<Report> {
  sample ??= import('../content/sample')
    .then((m) => m.sampleReport())
    .catch((err: unknown) => {
      sample = undefined;
      throw err;
    });
  return sample;
}

/** The handlers both hosts serve. Each is a thin adapter over a plain function. */
export function createHandlers(services: HostServices): Handlers {
  // files main itself chose or saw this session; with the recent list, the only paths the page may name
  const knownPaths = new Set<string>();
  const mayUse = async (path: string): Promise<boolean> =>
    knownPaths.has(path) || (await isRecent(services.dataDir, path));
  const remember = async (path: string, name: string): Promise<void> => {
    knownPaths.add(path);
    await addRecent(services.dataDir, { path, name, savedAt: new Date().toISOString() });
  };

  const tasks = services.tasks ?? inProcessRunner;
  const board = new TaskBoard();

  // the main-thread end of each heavy request, the same whether its body was read here or in a worker
  const finish = {
    export: async (out: RenderedOutput, task?: TaskHandle): Promise<SaveResult> => {
      const { printPdf } = services;
      const canceled = (): boolean => task?.signal?.aborted === true;
      let file: { fileName: string; bytes: Uint8Array };
      if ('printHtml' in out) {
        if (!printPdf) throw pdfUnavailable();
        // whatever the printer does with the signal, a cancel ends the wait here at once
        const bytes = await untilCanceled(
          printPdf(out.printHtml, {
            ...(task?.signal ? { signal: task.signal } : {}),
            onStage: (stage) => {
              task?.stage(stage, out.slides);
              task?.onProgress?.(PRINT_PROGRESS[stage]);
            },
          }),
          task?.signal,
        );
        file = { fileName: out.fileName, bytes };
      } else file = out;
      // canceled while the last step ran: its bytes go nowhere, no file is written or offered
      if (canceled()) throw printCanceled();
      task?.stage('write');
      task?.onProgress?.(WRITE_PROGRESS);
      const result = await services.deliver(file);
      // the file staff just saved is one the page may ask to show in its folder
      if (result.status === 'saved') knownPaths.add(result.path);
      return result;
    },
    save: async (p: PreparedSave): Promise<SaveResult> => {
      if (p.path !== undefined && !(await mayUse(p.path))) throw unknownPath();
      const { safeFileName } = await import('./export');
      const fileName = p.path ? basename(p.path) : safeFileName(p.name || p.title, PROJECT_EXTENSION);
      const saved = await services.saveProject({ fileName, bytes: p.bytes }, p.path, { replace: p.replace });
      if (saved.path) await remember(saved.path, p.name);
      // the work is on disk now: nothing left to recover
      if (saved.result.status !== 'canceled') await clearRecovery(services.dataDir);
      return saved.result;
    },
  };

  /** A heavy request's body to a worker, which decodes, validates and prepares it. */
  const prepare = async <C extends HeavyChannel>(
    channel: C,
    body: Uint8Array,
    framed: boolean,
    options: RunOptions = {},
  ): Promise<Extract<Prepared, { channel: C }>> => {
    const templates = channel === 'export:save' ? userTemplates(await services.registry()) : [];
    const job = { kind: 'request', channel, body, framed, templates, appVersion: services.version } as const;
    return (await tasks.run(job, options)) as Extract<Prepared, { channel: C }>;
  };
  const envelope = async <T>(work: () => Promise<T | EncodedReply<T>>): Promise<Envelope<T>> => {
    try {
      const value = await work();
      return value instanceof EncodedReply ? { ok: true, encoded: value.bytes } : { ok: true, value };
    } catch (err) {
      return { ok: false, error: toWireError(err) };
    }
  };

  const handlers: Omit<Handlers, 'raw'> = {
    'app:info': async () => ({ version: services.version, host: services.host, platform: process.platform }),
    // a copy each time: a caller in this process may hold on to what it gets
    'report:sample': async () => structuredClone(await sampleReportOnce()),
    // the request's bytes move to the worker thread: nothing here reads them again
    'report:import': async ({ name, bytes, taskId, siblings }) => {
      const task = board.begin(taskId);
      try {
        const job = { kind: 'import', name, bytes, ...(siblings?.length ? { siblings } : {}) } as const;
        return new EncodedReply((await tasks.run(job, task)).encoded);
      } finally {
        task.end();
      }
    },
    'report:paste': async ({ text, taskId }) => {
      const task = board.begin(taskId);
      try {
        return new EncodedReply((await tasks.run({ kind: 'paste', text }, task)).encoded);
      } finally {
        task.end();
      }
    },
    'report:reanalyze': async ({ report, decisions }) =>
      new EncodedReply((await tasks.run({ kind: 'reanalyze', report, decisions })).encoded),
    // a file the user picked in main's open dialog: read here, its pictures from its own folder
    'report:import-file': async ({ path, taskId }) => {
      if (!(await mayUse(path))) throw unknownPath();
      const task = board.begin(taskId);
      try {
        const job = {
          kind: 'import',
          name: basename(path),
          bytes: await readChosenFile(path),
          path,
        } as const;
        return new EncodedReply((await tasks.run(job, task)).encoded);
      } finally {
        task.end();
      }
    },
    'file:choose': async () => {
      if (!services.chooseOpenFile) throw noOpenDialog();
      const path = await services.chooseOpenFile();
      if (!path) return { status: 'canceled' };
      knownPaths.add(path);
      const name = basename(path);
      return { status: 'chosen', kind: PROJECT_FILE.test(name) ? 'project' : 'report', path, name };
    },
    'task:progress': async ({ taskId }) => board.progress(taskId),
    'task:cancel': async ({ taskId }) => {
      board.cancel(taskId);
      return {};
    },
    'templates:list': async () => (await services.registry()).list(),
    'templates:user': async ({ reload }) => {
      if (!services.templates) return { dir: '', templates: [], problems: [] };
      if (reload) await services.templates.reload();
      return userTemplatesReply(services.templates);
    },
    'templates:check-office': async ({ name, bytes }) => checkOfficeTemplate(name, bytes),
    'templates:open-folder': async () => {
      if (!services.templates) throw noTemplatesFolder();
      return openTemplatesFolder(services.templates, services.openFolder);
    },
    'proof:rules': async () => {
      const dir = userProofRulesDir(services.dataDir);
      const { sources, problems } = await readUserRuleFiles(dir);
      return { dir, files: sources, problems };
    },
    'export:save': async ({ format, report, briefing, taskId }) => {
      if (format === 'pdf' && !services.printPdf) throw pdfUnavailable();
      const registry = await services.registry();
      const task = board.begin(taskId);
      try {
        task.stage('compose');
        // composing and writing run in a worker thread; only printing a PDF needs main (a window or a browser)
        const share = format === 'pdf' ? PRINT_PROGRESS.browser : WRITE_PROGRESS;
        const out = await tasks.run(
          { kind: 'render', format, report, briefing, templates: userTemplates(registry), env: {} },
          {
            ...(task.signal ? { signal: task.signal } : {}),
            onProgress: (f) => task.onProgress?.(f * share),
          },
        );
        return await finish.export(out, task);
      } finally {
        task.end();
      }
    },
    // only a file main has seen (opened, saved or exported this session, or on the recent list)
    'shell:show-in-folder': async ({ path }) => {
      if (!(await mayUse(path))) throw unknownPath();
      await services.showInFolder(path);
      return {};
    },
    'project:save': async ({ content, path, replace }) => {
      if (path !== undefined && !(await mayUse(path))) throw unknownPath();
      return finish.save({
        bytes: projectBytes(content, services.version),
        name: content.name,
        title: content.report.title,
        ...(path !== undefined ? { path } : {}),
        replace: replace ?? false,
      });
    },
    'project:open': async ({ source }) => {
      switch (source.kind) {
        case 'bytes': {
          const { project, migrated } = openProjectBytes(source.name, source.bytes);
          return { status: 'opened', path: null, project, migrated };
        }
        case 'recent': {
          if (!(await mayUse(source.path))) throw unknownPath();
          const { project, migrated } = await readProjectFile(source.path);
          await remember(source.path, project.name);
          return { status: 'opened', path: source.path, project, migrated };
        }
        case 'launch': {
          const path = services.takeLaunchFile?.() ?? null;
          if (!path) return { status: 'canceled' };
          const { project, migrated } = await readProjectFile(path);
          await remember(path, project.name);
          return { status: 'opened', path, project, migrated };
        }
        case 'dialog': {
          const path = await services.chooseProjectFile();
          if (!path) return { status: 'canceled' };
          const { project, migrated } = await readProjectFile(path);
          await remember(path, project.name);
          return { status: 'opened', path, project, migrated };
        }
      }
    },
    'recovery:write': async ({ content, path }) =>
      writeRecovery(services.dataDir, content, path, services.version),
    'recovery:read': async () => readRecovery(services.dataDir),
    'recovery:clear': async () => {
      await clearRecovery(services.dataDir);
      return {};
    },
    'recent:list': async () => listRecent(services.dataDir),
    'show:presenter': async ({ open }) => {
      if (!services.presenter) return { presenter: false };
      if (!open) {
        services.presenter.close();
        return { presenter: false };
      }
      return { presenter: services.presenter.open() };
    },
    'show:sync': async (state) => {
      services.presenter?.relay(state);
      return {};
    },
    'show:current': async () => services.presenter?.current() ?? { show: null },
  };

  const raw: Handlers['raw'] = {
    // the page names the task in a header, as the body is not read here
    'report:paste': (body, framed, meta) =>
      envelope(async () => {
        const task = board.begin(meta?.taskId);
        try {
          return new EncodedReply((await prepare('report:paste', body, framed, task)).encoded);
        } finally {
          task.end();
        }
      }),
    'report:reanalyze': (body, framed) =>
      envelope(async () => new EncodedReply((await prepare('report:reanalyze', body, framed)).encoded)),
    'export:save': (body, framed, meta) =>
      envelope(async () => {
        const task = board.begin(meta?.taskId);
        try {
          task.stage('compose');
          return await finish.export((await prepare('export:save', body, framed, task)).output, task);
        } finally {
          task.end();
        }
      }),
    'project:save': (body, framed) =>
      envelope(async () => {
        const { channel: _, ...p } = await prepare('project:save', body, framed);
        return finish.save(p);
      }),
    'recovery:write': (body, framed) =>
      envelope(async () =>
        writeRecoveryRecord(services.dataDir, await prepare('recovery:write', body, framed)),
      ),
    'project:open': (body, framed) =>
      envelope(async () => {
        const p = await prepare('project:open', body, framed);
        // a small request (a recent file's path) is the ordinary handler's
        if ('source' in p) return handlers['project:open']({ source: p.source });
        return new EncodedReply<Res<'project:open'>>(p.encoded);
      }),
  };
  return { ...handlers, raw };
}

/**
 * Where a PDF export stands as each print step begins: composing the slides takes the first
 * quarter, starting the print browser (only on a session's first PDF) the next, then laying the
 * deck out and printing it; delivering the file is the end.
 */
const PRINT_PROGRESS: Record<PrintStage, number> = { browser: 0.25, layout: 0.5, print: 0.7 };
const WRITE_PROGRESS = 0.95;

/** What the host reads from a heavy request besides its body: the task the page named (a header). */
export interface RawMeta {
  taskId?: string;
}

/** A project save, prepared: the file's bytes and what names it. */
interface PreparedSave {
  bytes: Uint8Array;
  name: string;
  title: string;
  path?: string;
  /** the page asked to replace a project of the same name */
  replace: boolean;
}

const PROJECT_FILE = new RegExp(`\\.${PROJECT_EXTENSION}$`, 'i');

/** A chosen source file's bytes, refused before reading when it is past the import's size limit. */
async function readChosenFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (err) {
    throw fileErrorToAppError(err, basename(path));
  }
  checkLimit('fileBytes', size);
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw fileErrorToAppError(err, basename(path));
  }
}

function noOpenDialog(): AppError {
  return new AppError(
    'no-open-dialog',
    '这里没有系统的打开对话框，请用「打开报告」选择文件。',
    'There is no system open dialog here; use Open report to choose a file.',
  );
}

function noTemplatesFolder(): AppError {
  return new AppError(
    'no-templates-folder',
    '当前环境没有模板文件夹。',
    'There is no templates folder here.',
  );
}

function unknownPath(): AppError {
  return new AppError(
    'unknown-path',
    '这个文件不在最近使用的列表中，无法直接打开或保存。请用「打开」或「另存为」选择文件。',
    'That file is not on the recent list. Use Open or Save As to choose it.',
  );
}

const isChannel = (name: string): name is Channel => (CHANNELS as string[]).includes(name);

/**
 * Validate a request against the contract and run its handler. Unknown channels and invalid
 * requests are refused with a clear error; every failure comes back as an error envelope,
 * never a stack trace.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: new AppError(
        'unknown-channel',
        `未知的请求「${channel}」。`,
        `Unknown channel "${channel}".`,
      ).toWire(),
    };
  }
  const parsed = contract[channel].req.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: invalidRequest(channel, parsed.error.issues[0]).toWire() };
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return value instanceof EncodedReply ? { ok: true, encoded: value.bytes } : { ok: true, value };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}
