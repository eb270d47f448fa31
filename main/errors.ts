import type { WireError } from './contract';
import { BilingualError } from '../content/util/errors';

/**
 * An error meant for a person: a stable code, a Chinese message for the UI and an English one
 * for the command line, each saying what went wrong and what to do next.
 */
export class AppError extends BilingualError {
  override readonly name: string = 'AppError';

  toWire(): WireError {
    return wireOf(this);
  }
}

const wireOf = (err: Pick<BilingualError, 'wireCode' | 'messageZh' | 'messageEn'>): WireError => ({
  code: err.wireCode,
  message: err.messageZh,
  messageEn: err.messageEn,
});

interface ErrnoLike {
  code?: string;
  path?: string;
}

/**
 * Turn a file-system error into a message a secretary can act on. The cases staff meet: the
 * file is open in Word (locked), the disk is full, the folder is read-only or missing.
 */
export function fileErrorToAppError(err: unknown, target: string): AppError {
  const code = (err as ErrnoLike | null)?.code ?? '';
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      return new AppError(
        'file-locked',
        `文件「${target}」正被其他程序（如 Word、WPS）占用，无法写入。请关闭该文件后重试，或换一个文件名保存。`,
        `The file "${target}" is open in another program (such as Word or WPS). Close it and try again, or save under another name.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'disk-full',
        `磁盘空间不足，「${target}」没有保存。请清理磁盘或换一个位置保存，已编辑的内容不会丢失。`,
        `The disk is full; "${target}" was not saved. Free some space or save elsewhere; your work is not lost.`,
      );
    case 'EACCES':
    case 'EROFS':
      return new AppError(
        'no-permission',
        `没有权限写入「${target}」。请换一个文件夹保存（如“文档”或“桌面”）。`,
        `No permission to write "${target}". Save to another folder, such as Documents or Desktop.`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError(
        'not-found',
        `找不到「${target}」。请确认路径存在。`,
        `"${target}" was not found. Check that the path exists.`,
      );
    case 'EISDIR':
      return new AppError(
        'is-directory',
        `「${target}」是一个文件夹，不是文件。`,
        `"${target}" is a folder, not a file.`,
      );
    default:
      return new AppError(
        'io',
        `读写「${target}」时出错（${code || '未知错误'}）。请重试或换一个位置。`,
        `Could not read or write "${target}" (${code || 'unknown error'}). Try again or use another location.`,
      );
  }
}

/** Any thrown value as a wire error, without a stack trace. */
export function toWireError(err: unknown): WireError {
  // an importer's, a project file's or an attachment's error says itself what to do
  if (err instanceof BilingualError) return wireOf(err);
  const e = err as { message?: string } | null;
  const detail = e?.message ? String(e.message).split('\n')[0]?.slice(0, 200) : '';
  return {
    code: 'internal',
    message: `操作没有完成：${detail || '发生了意外错误'}。已编辑的内容不会丢失，请重试。`,
    messageEn: `The operation did not complete: ${detail || 'unexpected error'}. Your work is not lost; please try again.`,
  };
}

/** A request that does not match its channel's schema: where, and what is wrong there. */
export function invalidRequest(
  channel: string,
  issue: { path: readonly PropertyKey[]; message: string } | undefined,
): AppError {
  const where = issue?.path.map(String).join('.') || '(request)';
  return new AppError(
    'invalid-request',
    `请求「${channel}」的内容无效：${where} ${issue?.message ?? ''}。`,
    `Invalid request for "${channel}": ${where} ${issue?.message ?? ''}.`,
  );
}
