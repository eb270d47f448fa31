import type { ExportFormat } from '../../main/contract';
import type { Finding } from '../../content/proof/types';
import { exportAs } from '../actions/document';
import { notify, notifyError } from '../actions/notices';
import { useStore } from '../store/store';

/**
 * What the desk's buttons call for 校对. The checker itself (./check) loads on first use.
 */

const state = useStore.getState;
const checker = () => import('./check');

/** 校对: open the panel and check the briefing. */
export async function openProof(): Promise<void> {
  state().setProofOpen(true);
  try {
    await (await checker()).check();
  } catch (err) {
    notifyError(err);
  }
}

export function closeProof(): void {
  state().setProofOpen(false);
}

/**
 * Export, checking first when the switch is on: anything found holds the export back and opens
 * the panel, where staff fix it or export anyway.
 */
export async function exportChecked(format: ExportFormat): Promise<void> {
  const s = state();
  if (!s.report) return;
  if (!s.proofAuto) return exportAs(format);
  s.openMenu(null);
  // as an export does: an old message is not what this export says
  notify(null);
  let findings: Finding[];
  try {
    findings = await (await checker()).check();
  } catch (err) {
    // a check that cannot run must not stop the export
    notifyError(err);
    return exportAs(format);
  }
  if (findings.length === 0) return exportAs(format);
  state().setProofExport(format);
  state().setProofOpen(true);
}

/** 仍然导出: the export the check held back. */
export async function exportAnyway(): Promise<void> {
  const format = state().proofExport;
  state().setProofExport(null);
  if (format) await exportAs(format);
}

/**
 * Go to a finding: select its item, put the cursor in the field and select the characters, so
 * they show highlighted where staff can correct them.
 */
export function goToFinding(finding: Finding): void {
  if ('line' in finding.at) return;
  const { item, field } = finding.at;
  state().setProofActive(finding.key);
  state().selectItem(item);
  let tries = 8;
  const select = (): void => {
    const row = document.querySelector(`[data-item-row="${CSS.escape(item)}"]`);
    const el = row?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-proof-field="${field}"]`);
    if (!el) {
      if (--tries > 0) requestAnimationFrame(select);
      return;
    }
    row?.scrollIntoView({ block: 'nearest' });
    el.focus();
    el.setSelectionRange(finding.start, finding.end);
  };
  requestAnimationFrame(select);
}

/** 改正, 忽略, 全部忽略此类. */
export async function fixFinding(finding: Finding): Promise<void> {
  const fixed = (await checker()).fix(finding);
  notify(
    fixed
      ? { kind: 'success', zh: '已改正，可以撤销（Ctrl+Z）。', en: 'Fixed; Ctrl+Z undoes it.' }
      : {
          kind: 'info',
          zh: '这处文字已经改动，已重新校对。',
          en: 'The text has changed since; checked again.',
        },
  );
}

export async function ignoreFinding(finding: Finding): Promise<void> {
  (await checker()).ignore(finding);
}

export async function ignoreRule(finding: Finding): Promise<void> {
  (await checker()).ignoreAll(finding);
}
