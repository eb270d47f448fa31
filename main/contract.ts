import { z } from 'zod';
import { MAIN_COMMANDS, type MainCommand } from '../content/commands';
import { BriefingSchema } from '../content/model/briefing';
import { DecisionsSchema, ReportSchema } from '../content/model/report';
import { DeskStateSchema, ProjectSchema } from '../content/project';
import { EXPORT_FORMATS } from './formats';

/**
 * The one IPC contract between the renderer and main. Every channel's request and reply is a zod
 * schema here; main validates each request against it, the preload exposes exactly these
 * channels, and the renderer's client takes its types from this file. No `electron` import.
 */

/** Raw bytes. Electron's structured clone carries Uint8Array as is; the browser-mode wire encodes it. */
const Bytes = z.instanceof(Uint8Array);

export { EXPORT_FORMATS, type ExportFormat } from './formats';

export const TemplateSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['brief', 'deck']),
  name: z.object({ zh: z.string(), en: z.string() }),
  builtin: z.boolean(),
});

/** A user template file that was refused: the file, the field at fault, what is wrong. */
export const UserTemplateProblemSchema = z.object({
  file: z.string(),
  field: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export type UserTemplateProblem = z.infer<typeof UserTemplateProblemSchema>;

export const SaveResultSchema = z.discriminatedUnion('status', [
  /** written to disk (Electron, command line) */
  z.object({ status: z.literal('saved'), path: z.string(), fileName: z.string() }),
  /** ready to download (browser mode): fetch it with the download id */
  z.object({ status: z.literal('download'), downloadId: z.string(), fileName: z.string() }),
  z.object({ status: z.literal('canceled') }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;

const MAX_NAME = 255;
/** the pictures sent with one report, and the length of a relative path to one */
const MAX_SIBLINGS = 200;
const MAX_SIBLING_PATH = 1024;
const MAX_PATH = 4096;

/** The desk's document as it crosses to main to be saved or autosaved. */
export const ProjectContentSchema = z.object({
  name: z.string().max(MAX_NAME),
  report: ReportSchema,
  briefing: BriefingSchema,
  desk: DeskStateSchema,
});

/**
 * Where a project to open comes from. The page never names an arbitrary path: it asks main for
 * a dialog, picks from the recent list main keeps, or sends the bytes of a file the user chose.
 */
export const ProjectSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog') }),
  /** the next project file the system asked the app to open (a double-clicked .briefing) */
  z.object({ kind: z.literal('launch') }),
  z.object({ kind: z.literal('recent'), path: z.string().min(1).max(MAX_PATH) }),
  z.object({ kind: z.literal('bytes'), name: z.string().min(1).max(MAX_NAME), bytes: Bytes }),
]);

export const OpenedProjectSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('opened'),
    /** the file on disk, when there is one the app may save back to */
    path: z.string().nullable(),
    project: ProjectSchema,
    /** migrations applied to bring an older file forward */
    migrated: z.array(z.string()),
  }),
  z.object({ status: z.literal('canceled') }),
]);
export type OpenedProject = z.infer<typeof OpenedProjectSchema>;

export const RecoveryStateSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(false) }),
  z.object({
    found: z.literal(true),
    savedAt: z.string(),
    path: z.string().nullable(),
    project: ProjectSchema,
  }),
]);

/**
 * Names a long task (an import) so the page can ask how far it has got and cancel it. The page
 * makes the id up and sends it with the request: progress is polled over the same channels in
 * both hosts, with no push channel to keep in step.
 */
export const TaskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * What a long export is doing now, for the progress bar's words: composing its slides, starting
 * the print browser (the first PDF export of a session), laying the deck out for print, printing.
 */
export const TASK_STAGES = ['compose', 'browser', 'layout', 'print', 'write'] as const;
export type TaskStage = (typeof TASK_STAGES)[number];

export const TaskProgressSchema = z.object({
  /** false before the task has begun in main, and after it has ended */
  running: z.boolean(),
  /** 0…1 */
  fraction: z.number().min(0).max(1),
  /** the step under way, when the task names its steps (an export) */
  stage: z.enum(TASK_STAGES).optional(),
  /** the slides or pages the task is making, once known */
  pages: z.number().int().min(0).optional(),
});
export type TaskProgress = z.infer<typeof TaskProgressSchema>;

/**
 * A file the user picked in the desktop app's open dialog (Ctrl+O): a report to import, or a
 * project to open. Main remembers the path, so the page may name it in the next call.
 */
export const ChosenFileSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('canceled') }),
  z.object({
    status: z.literal('chosen'),
    kind: z.enum(['report', 'project']),
    path: z.string(),
    name: z.string(),
  }),
]);
export type ChosenFile = z.infer<typeof ChosenFileSchema>;

/** One of an office template's placeholders the export fills, and with what (for the page to list). */
export const OfficePlaceholderSchema = z.object({ key: z.string(), zh: z.string(), en: z.string() });

export const RecentEntrySchema = z.object({ path: z.string(), name: z.string(), savedAt: z.string() });
export type RecentEntry = z.infer<typeof RecentEntrySchema>;

/** Where a show is: its slide, black screen, when it began; null once it has ended. */
const ShowStateSchema = z
  .object({ at: z.number().int().min(0), black: z.boolean(), startedAt: z.number() })
  .nullable();

/** One window's word to the other about the show (see `show:sync`). */
export const ShowSyncSchema = z.object({
  from: z.enum(['desk', 'presenter']),
  show: ShowStateSchema,
  doc: z.object({ report: ReportSchema, briefing: BriefingSchema }).optional(),
});

export const contract = {
  'app:info': {
    req: z.object({}),
    res: z.object({ version: z.string(), host: z.enum(['electron', 'browser']), platform: z.string() }),
  },
  'report:sample': { req: z.object({}), res: ReportSchema },
  'report:import': {
    req: z.object({
      name: z.string().min(1).max(MAX_NAME),
      bytes: Bytes,
      taskId: TaskIdSchema.optional(),
      /**
       * files picked or dropped together with a Markdown report (its pictures), by the path
       * relative to the report the page knows, or their bare names; main reads nothing else
       */
      siblings: z
        .array(z.object({ path: z.string().min(1).max(MAX_SIBLING_PATH), bytes: Bytes }))
        .max(MAX_SIBLINGS)
        .optional(),
    }),
    res: ReportSchema,
  },
  /**
   * Import a report main already knows by path (one the user picked in its open dialog): main
   * reads the file, and a Markdown report's pictures from its own folder.
   */
  'report:import-file': {
    req: z.object({ path: z.string().min(1).max(MAX_PATH), taskId: TaskIdSchema.optional() }),
    res: ReportSchema,
  },
  /** Ctrl+O in the desktop app: the system's open dialog for a report or a project */
  'file:choose': { req: z.object({}), res: ChosenFileSchema },
  /** how far a task begun with a taskId has got */
  'task:progress': { req: z.object({ taskId: TaskIdSchema }), res: TaskProgressSchema },
  /** stop a task: its request then fails with the code `canceled` */
  'task:cancel': { req: z.object({ taskId: TaskIdSchema }), res: z.object({}) },
  'report:paste': {
    req: z.object({ text: z.string().min(1), taskId: TaskIdSchema.optional() }),
    res: ReportSchema,
  },
  /**
   * Re-derive a report after staff accept/undo a repair or reclassify a block. Done in main so
   * the page never loads the importers (docx, pdf) just to re-run the analysis.
   */
  'report:reanalyze': {
    req: z.object({ report: ReportSchema, decisions: DecisionsSchema }),
    res: ReportSchema,
  },
  'templates:list': { req: z.object({}), res: z.array(TemplateSummarySchema) },
  /**
   * The user's own templates in full, for the page to preview them, with the files that were
   * refused. The templates are untrusted data to the page: it validates them again on arrival.
   */
  'templates:user': {
    /** reload: read the templates folder again first (templates added or fixed since the start) */
    req: z.object({ reload: z.boolean().optional() }),
    res: z.object({
      dir: z.string(),
      templates: z.array(z.unknown()),
      problems: z.array(UserTemplateProblemSchema),
    }),
  },
  /** is this .docx usable as the office's own template (a Word document with {{body}})? */
  'templates:check-office': {
    req: z.object({ name: z.string().min(1).max(MAX_NAME), bytes: Bytes }),
    res: z.object({
      name: z.string(),
      /** every {{…}} the template holds */
      placeholders: z.array(z.string()),
      /** the ones the export fills, with what it fills them with */
      used: z.array(OfficePlaceholderSchema),
      /** the ones it could fill that the template does not have */
      absent: z.array(OfficePlaceholderSchema),
      /** the ones nothing fills: left in the file as written */
      unknown: z.array(z.string()),
    }),
  },
  /** open the user templates folder (Electron); browser mode only answers with its path */
  'templates:open-folder': {
    req: z.object({}),
    res: z.object({ opened: z.boolean(), path: z.string() }),
  },
  /**
   * The office's own proofreading rule files (`<data dir>/proof/*.json`), read afresh on each
   * call, with the files that could not be read. The page validates what they say itself (the
   * same loader as the built-in rules), so they cross as untrusted data.
   */
  'proof:rules': {
    req: z.object({}),
    res: z.object({
      dir: z.string(),
      files: z.array(z.object({ file: z.string(), data: z.unknown() })),
      problems: z.array(UserTemplateProblemSchema),
    }),
  },
  'export:save': {
    req: z.object({
      /** names the export so the page can follow it and cancel it (task:progress, task:cancel) */
      taskId: TaskIdSchema.optional(),
      format: z.enum(EXPORT_FORMATS),
      report: ReportSchema,
      briefing: BriefingSchema,
    }),
    res: SaveResultSchema,
  },
  'shell:show-in-folder': { req: z.object({ path: z.string().min(1) }), res: z.object({}) },
  /**
   * save the project: to `path` when main already knows that file (保存), else where the user picks
   * (另存为). Browser mode keeps projects in one folder: a name already there fails with the code
   * `project-exists` unless `replace` says the user agreed to replace it.
   */
  'project:save': {
    req: z.object({
      content: ProjectContentSchema,
      path: z.string().min(1).max(MAX_PATH).optional(),
      replace: z.boolean().optional(),
    }),
    res: SaveResultSchema,
  },
  'project:open': { req: z.object({ source: ProjectSourceSchema }), res: OpenedProjectSchema },
  /** autosave: the document as it is now, for recovery after a crash */
  'recovery:write': {
    req: z.object({ content: ProjectContentSchema, path: z.string().max(MAX_PATH).nullable() }),
    res: z.object({ savedAt: z.string() }),
  },
  'recovery:read': { req: z.object({}), res: RecoveryStateSchema },
  'recovery:clear': { req: z.object({}), res: z.object({}) },
  'recent:list': { req: z.object({}), res: z.array(RecentEntrySchema) },
  /**
   * 放映 begins (open) or ends: in the desktop app with a second display, main opens the presenter
   * view there and puts the show full screen on the primary; `presenter` says whether it did.
   */
  'show:presenter': { req: z.object({ open: z.boolean() }), res: z.object({ presenter: z.boolean() }) },
  /**
   * The show between the desk and its presenter window (desktop app): where it is, and the
   * document once when it begins; main passes it on to the other window (`show:state`).
   */
  'show:sync': { req: ShowSyncSchema, res: z.object({}) },
  /** The presenter window's start: the show and document as the desk last sent them. */
  'show:current': { req: z.object({}), res: ShowSyncSchema.omit({ from: true }) },
} as const;

export type Contract = typeof contract;
export type ShowSync = z.output<typeof ShowSyncSchema>;
export type Channel = keyof Contract;
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;
/** A request after validation, defaults filled: what handlers receive. */
export type ReqParsed<C extends Channel> = z.output<Contract[C]['req']>;

export const CHANNELS = Object.keys(contract) as Channel[];

/**
 * Commands main sends the renderer: its menu items, and 'open-launch' (a .briefing was
 * double-clicked while the app was running: open it, see `launch` above). They come from the
 * command table; the preload exposes one listener for them.
 */
export const MENU_COMMANDS: readonly MainCommand[] = MAIN_COMMANDS;
export type MenuCommand = MainCommand;

/**
 * A call's outcome as it crosses the boundary: a value, or an error a person can read. A large
 * value a worker thread has already encoded (an imported report) crosses as `encoded`, its wire
 * JSON in UTF-8, so main never decodes and re-encodes it; the page decodes it.
 */
export type Envelope<T> =
  { ok: true; value: T } | { ok: true; encoded: Uint8Array } | { ok: false; error: WireError };

export interface WireError {
  code: string;
  /** Chinese, shown in the UI */
  message: string;
  messageEn: string;
}

/** The API the preload puts on `window.briefing`: one named method per channel. */
export type BridgeApi = { [C in Channel]: (req: Req<C>) => Promise<Envelope<Res<C>>> } & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** the show as the other window moved it (desktop app, 放映 with a presenter window) */
  onShowState(listener: (state: ShowSync) => void): () => void;
};
