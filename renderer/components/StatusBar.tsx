import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { composeDoc } from '../../content/compose/doc';
import { shownBrief } from '../preview/brief-cache';
import { composeDeckCached } from '../preview/deck-cache';
import { briefWordCount } from '../status/counts';
import { MAX_ZOOM, MIN_ZOOM, stepZoom, ZOOM_STEPS, type Zoom } from '../status/zoom';
import { useStore } from '../store/store';
import { briefTemplate, deckTheme, useTemplateRegistry } from '../templates';

const s = useStore.getState;

/** The zoom of the preview in view: −, a menu of fits and percentages, +. */
function ZoomControl() {
  const { t } = useTranslation();
  const output = useStore((st) => st.briefing.output);
  const zoom = useStore((st) => st.zoom[output]);
  const scale = useStore((st) => st.shownScale);
  const pct = Math.round(scale * 100);
  const set = (z: Zoom): void => s().setZoom(output, z);
  const value = typeof zoom === 'number' ? String(zoom) : zoom;
  // a percentage a fit came to, or one stepped to, that the menu does not list
  const steps: number[] = [...ZOOM_STEPS];
  if (typeof zoom === 'number' && !steps.includes(zoom)) steps.push(zoom);
  steps.sort((a, b) => a - b);
  return (
    <span className="zoom" role="group" aria-label={t('status.zoom')}>
      <button
        type="button"
        className="icon-button"
        aria-label={t('status.zoomOut')}
        title={t('status.zoomOut')}
        disabled={pct <= MIN_ZOOM}
        onClick={() => set(stepZoom(scale, -1))}
      >
        −
      </button>
      <select aria-label={t('status.zoom')} value={value} onChange={(e) => set(zoomOf(e.target.value))}>
        <option value="width">{t('status.fitWidth', { pct })}</option>
        <option value="page">{t('status.fitPage', { pct })}</option>
        {steps.map((n) => (
          <option key={n} value={String(n)}>
            {n}%
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label={t('status.zoomIn')}
        title={t('status.zoomIn')}
        disabled={pct >= MAX_ZOOM}
        onClick={() => set(stepZoom(scale, 1))}
      >
        +
      </button>
    </span>
  );
}

function zoomOf(value: string): Zoom {
  return value === 'width' || value === 'page' ? value : Number(value);
}

/**
 * The status line under the desk: how many slides the deck has and how many characters (字数) the
 * brief has, whichever is being previewed, and the preview's zoom. Counted from the same compose as
 * the preview and the export, a moment after each edit so typing reaches the preview first.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const report = useStore((st) => st.report);
  const live = useStore((st) => st.briefing);
  const briefing = useDeferredValue(live);
  const registry = useTemplateRegistry();
  const { theme } = deckTheme(briefing.deckTemplate, registry);
  const slides = useMemo(
    () => (report ? composeDeckCached(report, briefing, theme).slides.length : 0),
    [report, briefing, theme],
  );
  const { template } = briefTemplate(briefing.briefTemplate, registry);
  const office = briefing.officeTemplate !== undefined;
  // the brief as exported (condensed when 「压缩到 N 页」 is on) while it is shown; its words otherwise
  const brief = useMemo(
    () => (report && briefing.output === 'brief' ? shownBrief(report, briefing, template, office) : null),
    [report, briefing, template, office],
  );
  const words = useMemo(
    () => (brief ? briefWordCount(brief.doc) : report ? briefWordCount(composeDoc(report, briefing)) : 0),
    [brief, report, briefing],
  );
  if (!report) return null;
  return (
    <footer className="status-line" aria-label={t('status.label')}>
      <span data-count="slides">{t('status.slides', { count: slides })}</span>
      <span data-count="words">{t('status.words', { count: words, n: words.toLocaleString('en') })}</span>
      {brief && brief.pages > 0 && (
        <span data-count="brief-pages">{t('condense.total', { count: brief.pages })}</span>
      )}
      <ZoomControl />
    </footer>
  );
}
