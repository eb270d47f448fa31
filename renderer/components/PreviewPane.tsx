import { memo, useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { composeDeck } from '../../content/compose/deck';
import { composeDoc } from '../../content/compose/doc';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { deckCss } from '../../templates/render/slide';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { startShow } from '../actions/show';
import { useWidth } from '../hooks';
import { briefPreview } from '../preview/brief-adapter';
import { SlideRenderer, slideForItem, thumbWindow, type RenderedSlide } from '../preview/slides';
import { useStore } from '../store/store';
import { briefTemplate, deckTheme, useTemplateRegistry } from '../templates';
import { Markup } from './Markup';

const THUMB_W = 150;
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
        aria-label={t('preview.slide', { n: index + 1, title: slide.title })}
        data-slide-index={index}
        onClick={() => {
          const s = useStore.getState();
          s.setCurrentSlide(index);
          if (slide.itemIds[0]) s.selectItem(slide.itemIds[0]);
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

function DeckPreview({ report, briefing }: { report: Report; briefing: Briefing }) {
  const { t, i18n } = useTranslation();
  const registry = useTemplateRegistry();
  const { theme, exact } = deckTheme(briefing.deckTemplate, registry);
  const slides = useMemo(
    () => renderer.render(composeDeck(report, briefing, theme), theme),
    [report, briefing, theme],
  );
  const css = useMemo(() => deckCss(theme), [theme]);
  const current = useStore((s) => s.currentSlide);
  const selectedItemId = useStore((s) => s.selectedItemId);
  const setCurrent = useStore((s) => s.setCurrentSlide);
  const [frameRef, width] = useWidth<HTMLDivElement>();
  const index = Math.min(current, slides.length - 1);

  // selecting an item in the briefing shows the slide made from it
  useEffect(() => {
    if (!selectedItemId) return;
    const at = slideForItem(slides, selectedItemId);
    if (at >= 0 && at !== useStore.getState().currentSlide) setCurrent(at);
  }, [selectedItemId, slides, setCurrent]);

  const slide = slides[index];
  // the slide in view first, the thumbnails in a background render right after: the desk shows
  // sooner, and typing updates the big slide before the strip
  const thumbs = useDeferredValue(slides, NO_SLIDES);
  const shown = thumbWindow(thumbs.length, index);
  const scale = width > 0 ? width / SLIDE_W : 0.4;
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
      <div ref={frameRef} className="slide-stage" style={{ height: Math.round(SLIDE_H * scale) }}>
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
      <ol className="thumbs" aria-label={t('preview.thumbnails')} start={shown.start + 1}>
        {thumbs.slice(shown.start, shown.end).map((sl, k) => {
          const i = shown.start + k;
          return <Thumb key={`${i}`} slide={sl} index={i} current={i === index} themeClass={themeClass} />;
        })}
      </ol>
    </>
  );
}

function BriefPreviewView({ report, briefing }: { report: Report; briefing: Briefing }) {
  const { t, i18n } = useTranslation();
  const registry = useTemplateRegistry();
  const { template, exact } = briefTemplate(briefing.briefTemplate, registry);
  const office = briefing.officeTemplate;
  const preview = useMemo(
    () => briefPreview(composeDoc(report, briefing), template, office !== undefined),
    [report, briefing, template, office],
  );
  const [frameRef, width] = useWidth<HTMLDivElement>();
  const pageWidth = Math.round((template.page.width * 96) / 1440);
  const scale = width > 0 ? Math.min(1, width / pageWidth) : 0.6;
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
      <div ref={frameRef} className="page-stage" aria-label={t('preview.brief')}>
        <Markup className="brief-page" style={{ zoom: scale }} html={preview.html} />
      </div>
    </>
  );
}

export function PreviewPane() {
  const { t } = useTranslation();
  const report = useStore((s) => s.report);
  const briefing = useStore((s) => s.briefing);
  if (!report) return null;
  return (
    <section className="pane preview" aria-label={t('preview.heading')}>
      <div className="pane-head">
        <h2>{t('preview.heading')}</h2>
      </div>
      {briefing.output === 'deck' ? (
        <DeckPreview report={report} briefing={briefing} />
      ) : (
        <BriefPreviewView report={report} briefing={briefing} />
      )}
    </section>
  );
}
