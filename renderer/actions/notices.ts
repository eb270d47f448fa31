import { BridgeError } from '../bridge/client';
import type { Notice } from '../store/ui-slice';
import { useStore } from '../store/store';

/** Turn anything thrown into a notice: the host's own message when it sent one, never a stack trace. */
export function errorNotice(err: unknown): Notice {
  if (err instanceof BridgeError) return { kind: 'error', zh: err.messageZh, en: err.messageEn };
  // the page's own checks (a logo, a template file) say what is wrong in both languages too
  const own = err as { messageZh?: unknown; messageEn?: unknown } | null;
  if (own && typeof own.messageZh === 'string' && typeof own.messageEn === 'string')
    return { kind: 'error', zh: own.messageZh, en: own.messageEn };
  const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return {
    kind: 'error',
    zh: `操作没有完成：${msg}。已编辑的内容没有丢失，请重试。`,
    en: `The operation did not complete: ${msg}. Your work is not lost; please try again.`,
  };
}

export const notify = (notice: Notice | null): void => useStore.getState().notify(notice);
export const notifyError = (err: unknown): void => notify(errorNotice(err));
