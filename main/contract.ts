import { z } from 'zod';
import { BriefingSchema } from '../content/model/briefing';
import { ReportSchema } from '../content/model/report';

/**
 * The one IPC contract between the renderer and main. Every channel's request and reply is a zod
 * schema here; main validates each request against it, the preload exposes exactly these
 * channels, and the renderer's client takes its types from this file. No `electron` import.
 */

/** Raw bytes. Electron's structured clone carries Uint8Array as is; the browser-mode wire encodes it. */
const Bytes = z.instanceof(Uint8Array);

export const EXPORT_FORMATS = ['docx', 'html', 'pdf', 'pptx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const TemplateSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['brief', 'deck']),
  name: z.object({ zh: z.string(), en: z.string() }),
  builtin: z.boolean(),
});

export const SaveResultSchema = z.discriminatedUnion('status', [
  /** written to disk (Electron, command line) */
  z.object({ status: z.literal('saved'), path: z.string(), fileName: z.string() }),
  /** ready to download (browser mode): fetch it with the download id */
  z.object({ status: z.literal('download'), downloadId: z.string(), fileName: z.string() }),
  z.object({ status: z.literal('canceled') }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;

const MAX_NAME = 255;

export const contract = {
  'app:info': {
    req: z.object({}),
    res: z.object({ version: z.string(), host: z.enum(['electron', 'browser']), platform: z.string() }),
  },
  'report:sample': { req: z.object({}), res: ReportSchema },
  'report:import': {
    req: z.object({ name: z.string().min(1).max(MAX_NAME), bytes: Bytes }),
    res: ReportSchema,
  },
  'report:paste': { req: z.object({ text: z.string().min(1) }), res: ReportSchema },
  'templates:list': { req: z.object({}), res: z.array(TemplateSummarySchema) },
  'export:save': {
    req: z.object({
      format: z.enum(EXPORT_FORMATS),
      report: ReportSchema,
      briefing: BriefingSchema,
    }),
    res: SaveResultSchema,
  },
  'shell:show-in-folder': { req: z.object({ path: z.string().min(1) }), res: z.object({}) },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;
/** A request after validation, defaults filled: what handlers receive. */
export type ReqParsed<C extends Channel> = z.output<Contract[C]['req']>;

export const CHANNELS = Object.keys(contract) as Channel[];

/** Events main sends to the renderer (menu commands). The preload exposes one listener per event. */
export const MENU_COMMANDS = ['new', 'open', 'save', 'save-as', 'export', 'undo', 'redo', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** A call's outcome as it crosses the boundary: a value, or an error a person can read. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

export interface WireError {
  code: string;
  /** Chinese, shown in the UI */
  message: string;
  messageEn: string;
}

/** The API the preload puts on `window.briefing`: one named method per channel. */
export type BridgeApi = { [C in Channel]: (req: Req<C>) => Promise<Envelope<Res<C>>> } & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
