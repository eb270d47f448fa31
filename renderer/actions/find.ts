import { useStore } from '../store/store';
import type { FindScope } from '../store/find-slice';

/** The words selected in the field that has focus, if short enough to be what staff want to find. */
function selectedWords(): string {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const { selectionStart: a, selectionEnd: b } = el;
    if (a !== null && b !== null && b > a && b - a <= 100) return el.value.slice(a, b);
  }
  const text = window.getSelection()?.toString() ?? '';
  return text.length <= 100 && !text.includes('\n') ? text : '';
}

/** Put focus in the find bar's box, all of its words selected, once it is on the page. */
export function focusFindBox(which: 'find' | 'replace' = 'find'): void {
  requestAnimationFrame(() => {
    const box = document.querySelector<HTMLInputElement>(`[data-find-box="${which}"]`);
    box?.focus();
    box?.select();
  });
}

/**
 * Ctrl+F / Ctrl+H: open the find bar. Pressed in the report pane it looks in the report; anywhere
 * else in the briefing. Words selected where focus was are what it looks for.
 */
export function startFind(mode: 'find' | 'replace'): void {
  const s = useStore.getState();
  if (!s.report) return;
  const inReport = document.activeElement?.closest('nav.outline') != null;
  const scope: FindScope = inReport ? 'report' : mode === 'replace' ? 'briefing' : s.findScope;
  const words = selectedWords();
  s.openFind(mode, scope);
  if (words) s.setFindQuery(words);
  focusFindBox(mode === 'replace' && words ? 'replace' : 'find');
}
