import type { BrowserWindow, Rectangle } from 'electron';
import type { ShowSync } from './contract';

/**
 * 放映 in the desktop app with a second display: the presenter view (current and next slide,
 * notes, timer) on the display that is not the primary one, and the audience's show full screen
 * on the primary. With one display there is no presenter window: the show fills that screen.
 */

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

/** Which display shows what, or null when there is only one. */
export function showDisplays(
  all: readonly DisplayLike[],
  primaryId: number,
): { audience: DisplayLike; presenter: DisplayLike } | null {
  if (all.length < 2) return null;
  const audience = all.find((d) => d.id === primaryId) ?? all[0]!;
  const presenter = all.find((d) => d.id !== audience.id)!;
  return { audience, presenter };
}

export interface PresenterDeps {
  displays: () => readonly DisplayLike[];
  primaryId: () => number;
  /** the window the show runs in */
  audience: () => BrowserWindow | null;
  /** a new secure window on these bounds, loading the presenter view */
  openPresenter: (bounds: Rectangle) => BrowserWindow;
}

/** Opens and closes the presenter window beside a show; the handler `show:presenter` calls it. */
export class PresenterScreens {
  private presenter: BrowserWindow | null = null;
  /** the show as last told, with the document the desk sent when it began */
  private latest: Omit<ShowSync, 'from'> = { show: null };
  constructor(private readonly deps: PresenterDeps) {}

  /** The presenter window, while one is open (main trusts its calls as the desk's). */
  get window(): BrowserWindow | null {
    return this.presenter && !this.presenter.isDestroyed() ? this.presenter : null;
  }

  /**
   * One window's word about the show, passed to the other: the desk's moves to the presenter
   * view, the presenter's (who often drives the show from that screen) back to the desk. The
   * document travels once, when the show begins; it is kept for a presenter window still loading.
   */
  relay(state: ShowSync): void {
    this.latest = {
      show: state.show,
      ...(state.doc ? { doc: state.doc } : this.latest.doc ? { doc: this.latest.doc } : {}),
    };
    const to = state.from === 'desk' ? this.window : this.deps.audience();
    if (to && !to.isDestroyed()) to.webContents.send('show:state', state);
  }

  /** The show as it stands, for a presenter window that has just loaded. */
  current(): Omit<ShowSync, 'from'> {
    return this.latest;
  }

  /** A show begins: true when a presenter window opened on a second display. */
  open(): boolean {
    const audience = this.deps.audience();
    const place = showDisplays(this.deps.displays(), this.deps.primaryId());
    if (!audience || !place) return false;
    this.close();
    audience.setBounds(place.audience.bounds);
    audience.setFullScreen(true);
    const win = this.deps.openPresenter(place.presenter.bounds);
    win.on('closed', () => {
      if (this.presenter === win) this.presenter = null;
    });
    this.presenter = win;
    return true;
  }

  /** The show ends: the presenter window goes, the desk leaves full screen. */
  close(): void {
    const win = this.presenter;
    this.presenter = null;
    this.latest = { show: null };
    if (win && !win.isDestroyed()) win.close();
    const audience = this.deps.audience();
    if (audience?.isFullScreen()) audience.setFullScreen(false);
  }
}
