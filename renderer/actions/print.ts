import { useStore } from '../store/store';

/** Ctrl+P: the print dialog, for the output being previewed. */
export function openPrint(): void {
  const s = useStore.getState();
  if (!s.report || s.show) return;
  s.openMenu(null);
  s.setPrintDialog(true);
}

/**
 * Lay out the print view and hand it to the print dialog: the browser's in browser mode, the
 * system's in the desktop app (Electron opens it for window.print()). The view stays until the
 * dialog is done with it.
 */
export function printNow(): void {
  const s = useStore.getState();
  s.setPrintDialog(false);
  s.setPrintJob({ output: s.briefing.output, options: s.printOptions });
  const done = (): void => {
    window.removeEventListener('afterprint', done);
    useStore.getState().setPrintJob(null);
  };
  window.addEventListener('afterprint', done);
  // two frames: React has put the view in the page and the browser has laid it out
  requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
}
