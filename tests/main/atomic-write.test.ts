import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../main/errors';
import { writeFileAtomic } from '../../main/files';

/**
 * Failures the secretary meets when exporting: the .docx is open in Word (EBUSY / EPERM when the
 * temp file is renamed over it) or the disk fills up mid-write (ENOSPC). The real file system is
 * used; only the failing call is replaced, after it has done its real part.
 */

type Failure = { on: 'rename' | 'write'; code: string } | null;
const failure: { next: Failure } = { next: null };

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const errno = (code: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (failure.next?.on === 'rename') throw errno(failure.next.code);
      return real.rename(from, to);
    },
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      if (failure.next?.on !== 'write') return handle;
      const code = failure.next.code;
      // the disk fills up part-way: some bytes reach the temp file, then the write fails
      return Object.assign(Object.create(Object.getPrototypeOf(handle) as object) as object, handle, {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, Math.min(10, data.length)));
          throw errno(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      });
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
  failure.next = null;
});
afterEach(async () => {
  failure.next = null;
  await rm(dir, { recursive: true, force: true });
});

async function failureOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the write to fail');
}

const BYTES = new TextEncoder().encode('新的简报内容'.repeat(100));

describe('writing an export atomically', () => {
  it('writes the bytes and leaves no temporary file', async () => {
    const target = join(dir, '简报.docx');
    await writeFileAtomic(target, BYTES);
    expect(new Uint8Array(await readFile(target))).toEqual(BYTES);
    expect(await readdir(dir)).toEqual(['简报.docx']);
  });

  it.each(['EBUSY', 'EPERM'])(
    'says the file is open in another program when the rename fails with %s, and keeps the old file',
    async (code) => {
      const target = join(dir, '简报.docx');
      await writeFile(target, '旧版本');
      failure.next = { on: 'rename', code };
      const err = await failureOf(writeFileAtomic(target, BYTES));
      expect(err.code).toBe('file-locked');
      expect(err.messageZh).toBe(
        '文件「简报.docx」正被其他程序（如 Word、WPS）占用，无法写入。请关闭该文件后重试，或换一个文件名保存。',
      );
      expect(err.messageEn).toContain('is open in another program');
      expect(await readFile(target, 'utf8')).toBe('旧版本');
      expect(await readdir(dir)).toEqual(['简报.docx']);
    },
  );

  it('says the disk is full when the write fails with ENOSPC, and leaves nothing half-written', async () => {
    const target = join(dir, '简报.docx');
    failure.next = { on: 'write', code: 'ENOSPC' };
    const err = await failureOf(writeFileAtomic(target, BYTES));
    expect(err.code).toBe('disk-full');
    expect(err.messageZh).toBe(
      '磁盘空间不足，「简报.docx」没有保存。请清理磁盘或换一个位置保存，已编辑的内容不会丢失。',
    );
    expect(err.messageEn).toContain('The disk is full');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps an existing file untouched when the disk fills up', async () => {
    const target = join(dir, '简报.docx');
    await writeFile(target, '旧版本');
    failure.next = { on: 'write', code: 'ENOSPC' };
    await failureOf(writeFileAtomic(target, BYTES));
    expect(await readFile(target, 'utf8')).toBe('旧版本');
    expect(await readdir(dir)).toEqual(['简报.docx']);
  });
});
