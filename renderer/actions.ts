import type { ExportFormat } from '../main/contract';
import { BridgeError, getClient, saveBlob } from './bridge/client';
import { useStore } from './store/store';

/** Turn anything thrown into a notice: the host's own message when it sent one. */
export function errorNotice(err: unknown): { kind: 'error'; zh: string; en: string } {
  if (err instanceof BridgeError) return { kind: 'error', zh: err.messageZh, en: err.messageEn };
  const msg = err instanceof Error ? err.message : String(err);
  return {
    kind: 'error',
    zh: `操作没有完成：${msg}。请重试。`,
    en: `The operation did not complete: ${msg}. Please try again.`,
  };
}

export async function loadSample(): Promise<void> {
  const { setReport, notify, resetBriefing } = useStore.getState();
  try {
    setReport(await getClient().call('report:sample', {}));
    resetBriefing();
  } catch (err) {
    notify(errorNotice(err));
  }
}

/** Export through main: a save dialog in Electron, a download in browser mode. */
export async function exportAs(format: ExportFormat): Promise<void> {
  const { report, briefing, setBusy, notify } = useStore.getState();
  if (!report) return;
  setBusy('export');
  notify(null);
  try {
    const client = getClient();
    const result = await client.call('export:save', { format, report, briefing });
    switch (result.status) {
      case 'saved':
        notify({
          kind: 'success',
          zh: `已保存：${result.path}`,
          en: `Saved: ${result.path}`,
          path: result.path,
        });
        break;
      case 'download':
        saveBlob(await client.download(result.downloadId), result.fileName);
        notify({ kind: 'success', zh: `已下载：${result.fileName}`, en: `Downloaded: ${result.fileName}` });
        break;
      case 'canceled':
        notify({ kind: 'info', zh: '已取消导出。', en: 'Export canceled.' });
        break;
    }
  } catch (err) {
    notify(errorNotice(err));
  } finally {
    setBusy(null);
  }
}

export async function showInFolder(path: string): Promise<void> {
  try {
    await getClient().call('shell:show-in-folder', { path });
  } catch (err) {
    useStore.getState().notify(errorNotice(err));
  }
}
