import { decodeFrame, decodeWire, encodeWire } from '../../content/util/wire';
import type { Template } from '../../templates/schema';
import { contract, type ReqParsed } from '../contract';
import { invalidRequest } from '../errors';
import type { RenderedOutput } from '../export';
import type { HeavyChannel } from './heavy-channels';

export { HEAVY_CHANNELS, isHeavyChannel, type HeavyChannel } from './heavy-channels';

/**
 * The heavy requests' work in a worker thread: in browser mode the host hands a large body of one
 * of them (main/tasks/heavy-channels.ts) to a worker as it arrived, and the worker decodes,
 * validates and does the pure part of the work. Main never parses it: parsing and validating a
 * 150 MB body would hold every other call for seconds. What comes back is small, or bytes to
 * write as they are.
 */
/** What the worker hands back for each heavy channel: main finishes from this. */
export type Prepared =
  | { channel: 'report:paste'; encoded: Uint8Array }
  | { channel: 'report:reanalyze'; encoded: Uint8Array }
  | { channel: 'export:save'; format: ReqParsed<'export:save'>['format']; output: RenderedOutput }
  | {
      channel: 'project:save';
      bytes: Uint8Array;
      name: string;
      title: string;
      path?: string;
      replace: boolean;
    }
  | { channel: 'recovery:write'; bytes: Uint8Array; savedAt: string }
  | { channel: 'project:open'; encoded: Uint8Array }
  /** a request that is heavy by channel but not by content (a recent file's path): main runs it */
  | { channel: 'project:open'; source: ReqParsed<'project:open'>['source'] };

export interface RequestJob {
  channel: HeavyChannel;
  body: Uint8Array;
  /** a frame (a request with a file's bytes) rather than JSON */
  framed: boolean;
  /** the registry's templates beyond the built-in ones, for an export */
  templates: Template[];
  appVersion: string;
}

/** Decode and validate a request's body as its channel's schema says; throws invalid-request. */
function parse<C extends HeavyChannel>(channel: C, body: Uint8Array, framed: boolean): ReqParsed<C> {
  let payload: unknown;
  try {
    payload = framed ? decodeFrame(body) : body.length ? decodeWire(new TextDecoder().decode(body)) : {};
  } catch {
    throw invalidRequest(channel, { path: [], message: 'malformed body' });
  }
  const parsed = contract[channel].req.safeParse(payload ?? {});
  if (!parsed.success) throw invalidRequest(channel, parsed.error.issues[0]);
  return parsed.data as ReqParsed<C>;
}

/** The pure part of a heavy request, from its body. Runs in a worker thread. */
export async function prepareRequest(job: RequestJob, onProgress: (f: number) => void): Promise<Prepared> {
  switch (job.channel) {
    case 'report:paste': {
      const { text } = parse('report:paste', job.body, job.framed);
      const { importPastedText } = await import('../../content/import');
      const encoded = new TextEncoder().encode(encodeWire(importPastedText(text, { onProgress })));
      return { channel: job.channel, encoded };
    }
    case 'report:reanalyze': {
      const { report, decisions } = parse('report:reanalyze', job.body, job.framed);
      const { reanalyze } = await import('../../content/import');
      const encoded = new TextEncoder().encode(encodeWire(reanalyze(report, decisions, onProgress)));
      return { channel: job.channel, encoded };
    }
    case 'export:save': {
      const { format, report, briefing } = parse('export:save', job.body, job.framed);
      const [{ renderOutput }, { builtinRegistry }] = await Promise.all([
        import('../export'),
        import('../../templates/registry'),
      ]);
      const registry = builtinRegistry().withUser(job.templates);
      return { channel: job.channel, format, output: await renderOutput(format, report, briefing, registry) };
    }
    case 'project:save': {
      const { content, path, replace } = parse('project:save', job.body, job.framed);
      const { projectBytes } = await import('../project-files');
      return {
        channel: job.channel,
        bytes: projectBytes(content, job.appVersion),
        name: content.name,
        title: content.report.title,
        ...(path !== undefined ? { path } : {}),
        replace: replace ?? false,
      };
    }
    case 'recovery:write': {
      const { content, path } = parse('recovery:write', job.body, job.framed);
      const { recoveryRecord } = await import('../recovery');
      return { channel: job.channel, ...recoveryRecord(content, path, job.appVersion) };
    }
    case 'project:open': {
      const { source } = parse('project:open', job.body, job.framed);
      if (source.kind !== 'bytes') return { channel: job.channel, source };
      const { openProjectBytes } = await import('../project-files');
      const { project, migrated } = openProjectBytes(source.name, source.bytes);
      const reply = { status: 'opened', path: null, project, migrated };
      return { channel: job.channel, encoded: new TextEncoder().encode(encodeWire(reply)) };
    }
  }
}
