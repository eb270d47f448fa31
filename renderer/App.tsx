import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from './actions/commands';
import { openFiles, startupOnce } from './actions/document';
import { Blocked } from './components/Blocked';
import { getClient } from './bridge/client';
import { joinAsPresenter } from './actions/show';
import { commandForKey, isEditable } from './commands';
import { BriefingPane } from './components/BriefingPane';
import { Dialogs } from './components/Dialogs';
import { FindBar } from './components/FindBar';
import { NoticeBar, ProgressBar } from './components/NoticeBar';
import { OutlinePane } from './components/OutlinePane';
import { PaneDividers, paneStyle, usePaneWidths } from './components/PaneDividers';
import { ProofPanel } from './components/ProofPanel';
import { Toolbar } from './components/Toolbar';
import { Welcome } from './components/Welcome';
import { isDirty } from './store/project-slice';
import { useStore } from './store/store';

/** Keys, menu commands, paste, file drops and the close guard: the window-wide wiring. */
function useWindowWiring(setDropping: (on: boolean) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const target = e.target as Element | null;
      const command = commandForKey(e, {
        editing: isEditable(target),
        nativeUndo: target?.closest('[data-native-undo]') != null,
        menuKeys:
          useStore.getState().host === 'electron' ? (/Mac/.test(navigator.platform) ? 'mac' : 'other') : null,
      });
      if (!command) return;
      // a modal dialog owns the keyboard, except for its own text editing
      if (useStore.getState().dialog !== null) return;
      // Delete acts on the briefing line in hand, not on whatever else has focus
      if (command === 'delete' && !target?.closest('.briefing')) return;
      e.preventDefault();
      runCommand(command);
    };
    const onPaste = (e: ClipboardEvent): void => {
      if (isEditable(e.target as Element | null) || useStore.getState().dialog !== null) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      // pasted text becomes a report only after staff confirm it in the paste dialog
      useStore.getState().setPasteText(text);
      useStore.getState().openDialog('paste');
    };
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    };
    const onDragLeave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDropping(false);
    };
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDropping(false);
      // a Markdown report may come with its pictures
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) void openFiles(files);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (!isDirty(useStore.getState())) return;
      // the browser (or Electron, through will-prevent-unload) asks before the work is lost
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('beforeunload', onBeforeUnload);
    const stopMenu = getClient().onMenuCommand((command) => runCommand(command));
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('beforeunload', onBeforeUnload);
      stopMenu();
    };
  }, [setDropping]);
}

// the live preview (composing, the slide and brief renderers, the templates) loads beside the
// first render of the desk instead of ahead of it
const loadPreview = () => import('./components/PreviewPane');
const PreviewPane = lazy(() => loadPreview().then((m) => ({ default: m.PreviewPane })));
const StatusBar = lazy(() => import('./components/StatusBar').then((m) => ({ default: m.StatusBar })));
const PrintDialog = lazy(() => import('./components/Print').then((m) => ({ default: m.PrintDialog })));
const PrintView = lazy(() => import('./components/Print').then((m) => ({ default: m.PrintView })));
const Slideshow = lazy(() => import('./components/Slideshow').then((m) => ({ default: m.Slideshow })));

/**
 * The presenter route (`?view=presenter`): the show drawn as the presenter's view — current and
 * next slide, notes, timer — from the same slideshow state and keys. The desktop app opens its
 * presenter window on this address.
 */
const PRESENTER_ROUTE = new URLSearchParams(window.location.search).get('view') === 'presenter';
/** The desktop app's presenter window: the show only, fed by the desk (actions/show.ts). */
const PRESENTER_WINDOW = PRESENTER_ROUTE && getClient().host === 'electron';

/** 放映 over the desk while it runs. */
function Show() {
  const showing = useStore((s) => s.show !== null);
  const report = useStore((s) => s.report);
  const briefing = useStore((s) => s.briefing);
  if (!showing || !report) return null;
  return (
    <Suspense fallback={<div className="show" />}>
      <Slideshow report={report} briefing={briefing} presenter={PRESENTER_ROUTE} />
    </Suspense>
  );
}

/** The window title names the project and says when it has unsaved changes. */
function useDocumentTitle(): void {
  const { t } = useTranslation();
  const name = useStore((s) => s.projectName);
  const hasReport = useStore((s) => s.report !== null);
  const dirty = useStore(isDirty);
  useEffect(() => {
    document.title = hasReport
      ? `${name || t('app.untitled')}${dirty ? ` · ${t('app.unsaved')}` : ''} — ${t('app.name')}`
      : t('app.name');
  }, [name, hasReport, dirty, t]);
}

export function App() {
  return PRESENTER_WINDOW ? <PresenterWindow /> : <Desk />;
}

/** The presenter window on the second display: no desk of its own, the show as the desk runs it. */
function PresenterWindow() {
  const { t } = useTranslation();
  const showing = useStore((s) => s.show !== null && s.report !== null);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void joinAsPresenter()
      .then((end) => {
        if (gone) end();
        else stop = end;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return showing ? <Show /> : <p className="loading">{t('show.waiting')}</p>;
}

/** The desk: outline, briefing list, preview, and everything around them. */
function Desk() {
  const { t } = useTranslation();
  const [started, setStarted] = useState(false);
  const [dropping, setDropping] = useState(false);
  const hasReport = useStore((s) => s.report !== null);
  const proofOpen = useStore((s) => s.proofOpen);
  const blocked = useStore((s) => s.blocked);
  const desk = useRef<HTMLElement>(null);
  const [paneWidths, setPaneWidths] = usePaneWidths();
  useWindowWiring(setDropping);
  useDocumentTitle();
  useEffect(() => {
    void startupOnce().finally(() => setStarted(true));
    // fetched while the host's answers are on their way, so the preview is ready when they are
    void loadPreview();
  }, []);
  if (blocked) return <Blocked notice={blocked} />;
  return (
    <div className="app">
      <Toolbar />
      <ProgressBar />
      <NoticeBar />
      {hasReport && <FindBar />}
      {hasReport ? (
        <main
          ref={desk}
          className={`desk ${proofOpen ? 'with-proof' : ''} ${Object.keys(paneWidths).length ? 'sized' : ''}`}
          style={paneStyle(paneWidths)}
        >
          <OutlinePane />
          <BriefingPane />
          <Suspense fallback={<section className="pane preview" aria-busy="true" />}>
            <PreviewPane />
          </Suspense>
          {proofOpen && <ProofPanel />}
          <PaneDividers desk={desk} widths={paneWidths} onChange={setPaneWidths} />
        </main>
      ) : started ? (
        <Welcome />
      ) : (
        <p className="loading">{t('app.loading')}</p>
      )}
      {hasReport && (
        <Suspense fallback={null}>
          <StatusBar />
        </Suspense>
      )}
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('drop.hint')}</p>
        </div>
      )}
      <Dialogs />
      <Show />
      {hasReport && (
        <Suspense fallback={null}>
          <PrintDialog />
          <PrintView />
        </Suspense>
      )}
    </div>
  );
}
