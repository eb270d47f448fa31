import { memo, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { deckCss } from '../../templates/render/slide';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { startShow } from '../actions/show';
import { useSize, type PaneSize } from '../hooks';
import { zoomScale } from '../status/zoom';
import { briefPreview } from '../preview/brief-adapter';
import { condensedItemIds } from '../../content/compose/deck';
import { composeDeckCached } from '../preview/deck-cache';
import { shownBrief } from '../preview/brief-cache';
import { CondenseBar } from './CondenseBar';
import {
  SlideRenderer,
  slideCarries,
  slideForItem,
  slideKeyTarget,
  thumbWindow,
  type RenderedSlide,
} from '../preview/slides';
import { useStore } from '../store/store';
import { briefTemplate, deckTheme, useTemplateRegistry } from '../templates';
import { Markup } from './Markup';

const THUMB_W = 150;

const itemIn = (briefing: Briefing, id: string): boolean => briefing.items.some((i) => i.id === id);
// room the pane keeps around the slide or page: its margins and scroll bar, and above it the
// pane's heading and the slide bar, so 适合页面 leaves the whole slide or page in view
const STAGE_MARGIN_W = 24 + 16;
const DECK_CHROME_H = 36 + 40 + 20;
const PAGE_MARGIN_W = 24 + 16;
const BRIEF_CHROME_H = 36 + 24;

/** The scale the preview is drawn at, for the zoom control beside the counts. */
function useShownScale(scale: number): void {
  useEffect(() => {
    if (useStore.getState().shownScale !== scale) useStore.getState().setShownScale(scale);
  }, [scale]);
}
const renderer = new SlideRenderer();
const NO_SLIDES: RenderedSlide[] = [];

const Thumb = memo(function Thumb({
  slide,
  index,
  current,
  themeClass,
}: {
  slide: RenderedSlide;
  index: number;
  current: boolean;
  themeClass: string;
}) {
  const { t } = useTranslation();
  const scale = THUMB_W / SLIDE_W;
  return (
    <li>
      <button
        type="button"
        className={`thumb ${current ? 'current' : ''}`}
        aria-current={current ? 'true' : undefined}
        // the strip is one Tab stop (the current slide's thumbnail); the arrow keys move inside it
        tabIndex={current ? 0 : -1}
        aria-label={t('preview.slide', { n: index + 1, title: slide.title })}
        data-slide-index={index}
        onClick={() => {
          const s = useStore.getState();
          s.setCurrentSlide(index);
          // the item the slide is made from, when it is in the list staff made (the automatic
          // draft's items are not); the cover, agenda and closing select nothing
          const own =
            slide.layout === 'agenda' ? undefined : slide.itemIds.find((id) => itemIn(s.briefing, id));
          s.selectItem(own ?? null);
        }}
      >
        <span className="thumb-frame" style={{ width: THUMB_W, height: Math.round(SLIDE_H * scale) }}>
          <Markup className={`slide-scale ${themeClass}`} style={{ zoom: scale }} html={slide.html} />
        </span>
        <span className="thumb-no">{index + 1}</span>
      </button>
    </li>
  );
});

function DeckPreview({ report, briefing, pane }: { report: Report; briefing: Briefing; pane: PaneSize }) {
  const { t, i18n } = useTranslation();
  const registry = useTemplateRegistry();
  const { theme, exact } = deckTheme(briefing.deckTemplate, registry);
  const deck = useMemo(() => composeDeckCached(report, briefing, theme), [report, briefing, theme]);
  const slides = useMemo(() => renderer.render(deck, theme), [deck, theme]);
  // the list's 「已精简」 marks come from this deck: nothing is composed twice for them
  useEffect(() => {
    useStore.getState().setCondensedKey([...condensedItemIds(deck)].sort().join('\n'));
  }, [deck]);
  const css = useMemo(() => deckCss(theme), [theme]);
  const current = useStore((s) => s.currentSlide);
  const selectedItemId = useStore((s) => s.selectedItemId);
  const setCurrent = useStore((s) => s.setCurrentSlide);
  const zoom = useStore((s) => s.zoom.deck);
  const index = Math.min(current, slides.length - 1);

  // selecting an item in the briefing shows the first slide made from it, unless the slide in
  // view already is one (a thumbnail clicked selects its item and must stay where it was clicked)
  useEffect(() => {
    if (!selectedItemId) return;
    const { currentSlide, briefing: b } = useStore.getState();
    if (slideCarries(slides, currentSlide, selectedItemId)) return;
    const ids = b.items.map((i) => i.id);
    const at = slideForItem(slides, selectedItemId, ids.slice(ids.indexOf(selectedItemId) + 1));
    if (at >= 0 && at !== currentSlide) setCurrent(at);
  }, [selectedItemId, slides, setCurrent]);

  // the keyboard, when the slide or a thumbnail has focus: as in a presentation program
  const thumbsRef = useRef<HTMLOListElement>(null);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const to = slideKeyTarget(e.key, index, slides.length);
    if (to === null) return;
    e.preventDefault();
    setCurrent(to);
  };
  // a thumbnail that had focus hands it on to the thumbnail of the slide now shown
  useEffect(() => {
    const list = thumbsRef.current;
    if (!list?.contains(document.activeElement)) return;
    list.querySelector<HTMLElement>(`[data-slide-index="${index}"]`)?.focus();
  }, [index]);

  const slide = slides[index];
  // the slide in view first, the thumbnails in a background render right after: the desk shows
  // sooner, and typing updates the big slide before the strip
  const thumbs = useDeferredValue(slides, NO_SLIDES);
  const shown = thumbWindow(thumbs.length, index);
  const scale =
    pane.w > 0
      ? zoomScale(zoom, {
          availW: pane.w - STAGE_MARGIN_W,
          availH: pane.h - DECK_CHROME_H,
          contentW: SLIDE_W,
          contentH: SLIDE_H,
        })
      : 0.4;
  useShownScale(scale);
  const themeClass = `bs-deck bs-theme-${theme.id}`;
  return (
    <>
      <style>{css}</style>
      <div className="preview-bar">
        <button
          type="button"
          disabled={index <= 0}
          onClick={() => setCurrent(index - 1)}
          aria-label={t('preview.prev')}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <span className="slide-count" aria-live="polite">
          {t('preview.slideOf', { n: index + 1, total: slides.length })}
        </span>
        <button
          type="button"
          disabled={index >= slides.length - 1}
          onClick={() => setCurrent(index + 1)}
          aria-label={t('preview.next')}
        >
          <span aria-hidden="true">›</span>
        </button>
        {!exact && (
          <span className="muted small">
            {t('preview.fallback', { name: i18n.language === 'en' ? theme.name.en : theme.name.zh })}
          </span>
        )}
        <button
          type="button"
          className="show-button"
          title={t('show.startHint')}
          onClick={(e) => startShow(e.shiftKey)}
        >
          <span aria-hidden="true">▶ </span>
          {t('show.start')}
        </button>
      </div>
      <div
        className="slide-stage"
        style={{ width: Math.round(SLIDE_W * scale), height: Math.round(SLIDE_H * scale) }}
        tabIndex={0}
        role="group"
        aria-roledescription={t('preview.slideRole')}
        aria-label={slide ? t('preview.slide', { n: index + 1, title: slide.title }) : undefined}
        onKeyDown={onKeyDown}
      >
        {slide && (
          <Markup
            className={`slide-scale current-slide ${themeClass}`}
            style={{ zoom: scale }}
            html={slide.html}
          />
        )}
      </div>
      {shown.end - shown.start < thumbs.length && (
        <p className="muted small thumbs-window">
          {t('preview.window', { from: shown.start + 1, to: shown.end, total: thumbs.length })}
        </p>
      )}
      <ol
        ref={thumbsRef}
        className="thumbs"
        aria-label={t('preview.thumbnails')}
        start={shown.start + 1}
        onKeyDown={onKeyDown}
      >
        {thumbs.slice(shown.start, shown.end).map((sl, k) => {
          const i = shown.start + k;
          return <Thumb key={`${i}`} slide={sl} index={i} current={i === index} themeClass={themeClass} />;
        })}
      </ol>
    </>
  );
}

function BriefPreviewView({
  report,
  briefing,
  pane,
}: {
  report: Report;
  briefing: Briefing;
  pane: PaneSize;
}) {
  const { t, i18n } = useTranslation();
  const registry = useTemplateRegistry();
  const { template, exact } = briefTemplate(briefing.briefTemplate, registry);
  const office = briefing.officeTemplate;
  // with 「压缩到 N 页」 on, the condensed brief: what the export writes
  const brief = useMemo(
    () => shownBrief(report, briefing, template, office !== undefined),
    [report, briefing, template, office],
  );
  const preview = useMemo(
    () => briefPreview(brief.doc, template, office !== undefined),
    [brief, template, office],
  );
  const zoom = useStore((s) => s.zoom.brief);
  const pageWidth = Math.round((template.page.width * 96) / 1440);
  const pageHeight = Math.round((template.page.height * 96) / 1440);
  const scale =
    pane.w > 0
      ? zoomScale(zoom, {
          availW: pane.w - PAGE_MARGIN_W,
          availH: pane.h - BRIEF_CHROME_H,
          contentW: pageWidth,
          contentH: pageHeight,
        })
      : 0.6;
  useShownScale(scale);
  return (
    <>
      <style>{preview.css}</style>
      {office ? (
        <p className="preview-note" role="note">
          {t('preview.office', { name: office.name })}
        </p>
      ) : (
        !exact && (
          <p className="muted small">
            {t('preview.fallback', { name: i18n.language === 'en' ? template.name.en : template.name.zh })}
          </p>
        )
      )}
      {!office && <CondenseBar brief={brief} />}
      <div className="page-stage" aria-label={t('preview.brief')}>
        <Markup className="brief-page" style={{ zoom: scale }} html={preview.html} />
      </div>
    </>
  );
}

export function PreviewPane() {
  const { t } = useTranslation();
  const report = useStore((s) => s.report);
  const briefing = useStore((s) => s.briefing);
  // a document just shown (imported, opened, new) starts at the top of the preview, where its first
  // slide or page is, not where the last one was scrolled to; a repair or an edit keeps the place
  const [paneRef, pane] = useSize<HTMLElement>();
  const shown = useStore((s) => s.documentShown);
  useEffect(() => {
    paneRef.current?.scrollTo({ top: 0 });
  }, [shown, paneRef]);
  if (!report) return null;
  return (
    <section ref={paneRef} className="pane preview" aria-label={t('preview.heading')}>
      <div className="pane-head">
        <h2>{t('preview.heading')}</h2>
      </div>
      {briefing.output === 'deck' ? (
        <DeckPreview report={report} briefing={briefing} pane={pane} />
      ) : (
        <BriefPreviewView report={report} briefing={briefing} pane={pane} />
      )}
    </section>
  );
}
