import { IMPORT_LIMITS } from '../../content/import/limits';
import { MAX_OFFICE_TEMPLATE_BYTES, MAX_PROJECT_BYTES } from '../../content/model/values';
import type { Channel } from '../contract';

/**
 * The largest request body each channel takes in browser mode, enforced while the body is read:
 * a call that asks or tells main something small gets a few kilobytes; only the channels that
 * carry a file or the whole document (an import, a paste, a save, an export) get more, each as
 * much as its use needs. A body past its channel's limit is refused before it is kept.
 */

const KB = 1024;
const MB = 1024 * 1024;

/** A call with nothing but a few fields (a task id, a path, a flag). */
const SMALL = 64 * KB;
/** Room for a frame's header and the JSON around a file's bytes. */
const ENVELOPE = 1 * MB;
/**
 * The whole document (report, briefing, pictures as base64): as large as a project file may be.
 * Wire JSON of a report is about four times its source text; pictures grow by a third as base64.
 */
const DOCUMENT = MAX_PROJECT_BYTES;

export const BODY_LIMITS: Record<Channel, number> = {
  'app:info': SMALL,
  'report:sample': SMALL,
  'report:import': IMPORT_LIMITS.fileBytes.max + ENVELOPE,
  'report:import-file': SMALL,
  'file:choose': SMALL,
  'task:progress': SMALL,
  'task:cancel': SMALL,
  // pasted text as JSON: up to three bytes a character, escapes aside
  'report:paste': IMPORT_LIMITS.textChars.max * 3 + ENVELOPE,
  'report:reanalyze': DOCUMENT,
  'templates:list': SMALL,
  'templates:user': SMALL,
  // twice the template limit, so a template a little too large still gets its own clear message
  'templates:check-office': MAX_OFFICE_TEMPLATE_BYTES * 2 + ENVELOPE,
  'templates:open-folder': SMALL,
  'proof:rules': SMALL,
  'export:save': DOCUMENT,
  'shell:show-in-folder': SMALL,
  'project:save': DOCUMENT,
  'project:open': MAX_PROJECT_BYTES + ENVELOPE,
  'recovery:write': DOCUMENT,
  'recovery:read': SMALL,
  'recovery:clear': SMALL,
  'recent:list': SMALL,
  'show:presenter': SMALL,
  // browser mode has no presenter window: these carry the show between the desktop app's two
  'show:sync': DOCUMENT,
  'show:current': SMALL,
};

/** Bodies of a heavy channel larger than this are decoded in a worker thread, not in main. */
export const OFF_THREAD_BYTES = 1 * MB;

/** A body's limit as people read it: 「64 KB」, 「513 MB」. */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}
