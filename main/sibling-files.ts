import { open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { relativePicturePath, type SiblingFiles, type SiblingRead } from '../content/import/pictures';

/**
 * The files beside a source file, for the pictures a Markdown report names by relative path.
 * Main gives the importer this reader, never a path: it reads only regular files inside the
 * source's own folder or below it, after following every link, and never more than the cap.
 */

/** The reference the importer asked for, checked again here: only a plain relative path passes. */
function plainRelative(path: string): string | null {
  const checked = relativePicturePath(path);
  return 'path' in checked && checked.path === path ? checked.path : null;
}

/** True when `target` is `folder` itself or lies under it. */
function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** A reader for the folder the source file at `sourcePath` is in. */
export function folderSiblings(sourcePath: string): SiblingFiles {
  let folder: Promise<string> | undefined;
  return {
    async read(path: string, maxBytes: number): Promise<SiblingRead> {
      const rel = plainRelative(path);
      if (rel === null) return { ok: false, reason: 'outside' };
      folder ??= realpath(dirname(resolve(sourcePath)));
      let real: string;
      try {
        // a link inside the folder may point anywhere: where it really leads is what counts
        real = await realpath(resolve(await folder, rel));
      } catch {
        return { ok: false, reason: 'not-found' };
      }
      if (!inside(await folder, real)) return { ok: false, reason: 'outside' };
      let file;
      try {
        file = await open(real, 'r');
      } catch {
        return { ok: false, reason: 'not-found' };
      }
      try {
        const info = await file.stat();
        if (!info.isFile()) return { ok: false, reason: 'not-found' };
        if (info.size > maxBytes) return { ok: false, reason: 'too-large' };
        // read one byte past the cap: a file that grew since stat is still refused
        const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
        let length = 0;
        while (length < buffer.length) {
          const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
          if (bytesRead === 0) break;
          length += bytesRead;
        }
        if (length > maxBytes) return { ok: false, reason: 'too-large' };
        return { ok: true, bytes: buffer.subarray(0, length) };
      } catch {
        return { ok: false, reason: 'not-found' };
      } finally {
        await file.close();
      }
    },
  };
}

/** Files the page sent along with the source (picked or dropped together), by their relative path. */
export interface BundledFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * A reader over files sent with the source, for a host that has no folder to read (browser mode
 * hands over bytes, not paths). The same rules: a plain relative path, and the size cap.
 */
export function bundledSiblings(files: readonly BundledFile[]): SiblingFiles {
  const byPath = new Map<string, Uint8Array>();
  // files picked one by one come by bare name: 「images/a.png」 finds the one 「a.png」 picked
  const byName = new Map<string, Uint8Array | null>();
  for (const f of files) {
    const rel = relativePicturePath(f.path);
    if (!('path' in rel)) continue;
    byPath.set(rel.path, f.bytes);
    if (!rel.path.includes('/')) byName.set(rel.path, byName.has(rel.path) ? null : f.bytes);
  }
  return {
    async read(path: string, maxBytes: number): Promise<SiblingRead> {
      const rel = plainRelative(path);
      if (rel === null) return { ok: false, reason: 'outside' };
      const bytes = byPath.get(rel) ?? byName.get(rel.slice(rel.lastIndexOf('/') + 1)) ?? undefined;
      if (!bytes) return { ok: false, reason: 'not-found' };
      if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
      return { ok: true, bytes };
    },
  };
}
