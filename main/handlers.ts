import { importPastedText, importReport } from '../content/import';
import { sampleReport } from '../content/sample';
import type { TemplateRegistry } from '../templates/registry';
import {
  CHANNELS,
  contract,
  type Channel,
  type Envelope,
  type ReqParsed,
  type Res,
  type SaveResult,
} from './contract';
import { AppError, toWireError } from './errors';
import { buildOutput } from './export';
import type { PdfPrinter } from './export/pdf';

/** What a host (Electron or the browser-mode server) provides to the shared handlers. */
export interface HostServices {
  host: 'electron' | 'browser';
  version: string;
  registry: () => TemplateRegistry;
  /** Put finished output where the user wants it: a save dialog and an atomic write, or a download. */
  deliver: (file: { fileName: string; bytes: Uint8Array }) => Promise<SaveResult>;
  showInFolder: (path: string) => Promise<void>;
  /** Print an HTML deck to PDF; without it, PDF export says it is unavailable. */
  printPdf?: PdfPrinter;
}

export type Handlers = { [C in Channel]: (req: ReqParsed<C>) => Promise<Res<C>> };

/** The handlers both hosts serve. Each is a thin adapter over a plain function. */
export function createHandlers(services: HostServices): Handlers {
  return {
    'app:info': async () => ({ version: services.version, host: services.host, platform: process.platform }),
    'report:sample': async () => sampleReport(),
    'report:import': async ({ name, bytes }) => importReport({ name, bytes }),
    'report:paste': async ({ text }) => importPastedText(text),
    'templates:list': async () => services.registry().list(),
    'export:save': async ({ format, report, briefing }) => {
      const out = await buildOutput(format, report, briefing, services.registry(), {
        ...(services.printPdf ? { printPdf: services.printPdf } : {}),
      });
      return services.deliver(out);
    },
    'shell:show-in-folder': async ({ path }) => {
      await services.showInFolder(path);
      return {};
    },
  };
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
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(request)';
    return {
      ok: false,
      error: new AppError(
        'invalid-request',
        `请求「${channel}」的内容无效：${where} ${issue?.message ?? ''}。`,
        `Invalid request for "${channel}": ${where} ${issue?.message ?? ''}.`,
      ).toWire(),
    };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}
