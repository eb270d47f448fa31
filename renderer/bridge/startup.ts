import type { Res } from '../../main/contract';
import { getClient } from './client';

/** The host's answers the desk opens with. */
export interface StartupCalls {
  info: Promise<Res<'app:info'>>;
  sample: Promise<Res<'report:sample'>>;
  recovery: Promise<Res<'recovery:read'>>;
  templates: Promise<Res<'templates:list'>>;
}

/** Ask the host for what the desk opens with. */
export function askStartup(): StartupCalls {
  const client = getClient();
  const calls: StartupCalls = {
    info: client.call('app:info', {}),
    sample: client.call('report:sample', {}),
    recovery: client.call('recovery:read', {}),
    templates: client.call('templates:list', {}),
  };
  // whoever awaits them later handles a failure; until then it is not an unhandled rejection
  for (const p of Object.values(calls)) (p as Promise<unknown>).catch(() => undefined);
  return calls;
}

let early: StartupCalls | undefined;

/**
 * The page's one early ask: main.tsx makes it before the rest of the page's script has loaded,
 * so the answers travel while it loads.
 */
export function earlyStartup(): StartupCalls {
  early ??= askStartup();
  return early;
}
