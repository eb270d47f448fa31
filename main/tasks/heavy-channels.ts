/**
 * The requests whose bodies can be as large as the whole document (an export, a save, an
 * autosave, a re-analysis, a project file opened): browser mode's host hands a large body of
 * these to a worker thread as it arrived (main/tasks/requests.ts). No imports: the host loads
 * this before anything else.
 */
export const HEAVY_CHANNELS = [
  'report:paste',
  'report:reanalyze',
  'export:save',
  'project:save',
  'recovery:write',
  'project:open',
] as const;
export type HeavyChannel = (typeof HEAVY_CHANNELS)[number];

export const isHeavyChannel = (channel: string): channel is HeavyChannel =>
  (HEAVY_CHANNELS as readonly string[]).includes(channel);
