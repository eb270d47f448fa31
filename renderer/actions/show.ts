import { getClient } from '../bridge/client';
import { useStore } from '../store/store';

/**
 * 放映 (F5 from the first slide, Shift+F5 from the current one). In a browser the page asks for
 * full screen at once, inside the key press or click that started it: the Fullscreen API only
 * grants it to a gesture of the user's. Refused (or unavailable), the show still fills the window.
 */
export function startShow(fromCurrent: boolean): void {
  const s = useStore.getState();
  if (!s.report || s.show) return;
  s.openMenu(null);
  s.startShow(fromCurrent ? s.currentSlide : 0);
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === 'function')
    void root.requestFullscreen().catch(() => undefined);
  // the desktop app opens the presenter view on a second display when there is one
  if (s.host === 'electron')
    void getClient()
      .call('show:presenter', { open: true })
      .catch(() => undefined);
}

/** The show has ended: the desktop app closes its presenter view. */
export function endPresenterView(): void {
  if (useStore.getState().host !== 'electron') return;
  void getClient()
    .call('show:presenter', { open: false })
    .catch(() => undefined);
}
