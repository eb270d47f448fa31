import type { ShowSync } from '../../main/contract';
import { getClient } from '../bridge/client';
import { useStore } from '../store/store';
import { loadUserTemplates } from './templates';

type ShowState = ShowSync['show'];

/** While the desktop app shows a presenter window: stops passing the show between the two. */
let stopSync: (() => void) | null = null;

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
  // the desktop app opens the presenter view on a second display when there is one, and tells it
  // the document and every move of the show
  if (s.host === 'electron')
    void getClient()
      .call('show:presenter', { open: true })
      .then(({ presenter }) => {
        if (presenter && useStore.getState().show) {
          stopSync?.();
          stopSync = syncShow('desk', true);
        }
      })
      .catch(() => undefined);
}

/** The show has ended: the desktop app closes its presenter view. */
export function endPresenterView(): void {
  if (useStore.getState().host !== 'electron') return;
  stopSync?.();
  stopSync = null;
  void getClient()
    .call('show:presenter', { open: false })
    .catch(() => undefined);
}

const sameShow = (a: ShowState, b: ShowState): boolean =>
  a === b || (!!a && !!b && a.at === b.at && a.black === b.black && a.startedAt === b.startedAt);

/**
 * The show between the desk and its presenter window: each window sends the show when it moves
 * it (the presenter often drives it from the second screen) and applies what the other sent; what
 * it has just applied it does not send back. The desk sends the document once, as the show begins.
 * Returns the function that stops it.
 */
export function syncShow(from: 'desk' | 'presenter', withDocument: boolean): () => void {
  const client = getClient();
  let told: ShowState = null;
  const send = (show: ShowState, doc: boolean): void => {
    told = show;
    const s = useStore.getState();
    void client
      .call('show:sync', {
        from,
        show,
        ...(doc && s.report ? { doc: { report: s.report, briefing: s.briefing } } : {}),
      })
      .catch(() => undefined);
  };
  // while the other window's word is applied, the store's changes are its, not this window's
  let applying = false;
  const stopListening = client.onShowState((state) => {
    if (state.from === from) return;
    told = state.show;
    applying = true;
    try {
      applyShow(state, from);
    } finally {
      applying = false;
    }
  });
  const unsubscribe = useStore.subscribe((s) => {
    if (!applying && !sameShow(s.show, told)) send(s.show, false);
  });
  if (withDocument) send(useStore.getState().show, true);
  else told = useStore.getState().show;
  return () => {
    stopListening();
    unsubscribe();
  };
}

/** What the other window said, applied here: the document it sent, the slide, black, the end. */
function applyShow(state: Omit<ShowSync, 'from'>, here: 'desk' | 'presenter'): void {
  const s = useStore.getState();
  if (state.doc) s.setDocument(state.doc.report, state.doc.briefing);
  if (state.show === null) {
    if (!s.show) return;
    s.endShow();
    // the presenter ended the show: the desk leaves full screen and main closes the presenter view
    if (here === 'desk') {
      if (typeof document !== 'undefined' && document.fullscreenElement)
        void document.exitFullscreen().catch(() => undefined);
      endPresenterView();
    }
    return;
  }
  useStore.setState({ show: { ...state.show } });
}

/**
 * The presenter window's start (desktop app, `?view=presenter`): no desk, no sample, no autosave;
 * the templates to draw with, then the show and document as the desk sent them, and from then on
 * every move either way.
 */
export async function joinAsPresenter(): Promise<() => void> {
  const client = getClient();
  const [templates, now] = await Promise.all([
    client.call('templates:list', {}),
    client.call('show:current', {}),
  ]);
  useStore.getState().setTemplates(templates);
  await loadUserTemplates().catch(() => undefined);
  applyShow(now, 'presenter');
  return syncShow('presenter', false);
}
