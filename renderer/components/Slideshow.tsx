import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeDeck } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { deckCss } from '../../templates/render/slide';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { elapsed, showKeyAction, stepShow } from '../show/keys';
import { SlideRenderer } from '../preview/slides';
import { useStore } from '../store/store';
import { deckTheme, useTemplateRegistry } from '../templates';
import { Markup } from './Markup';
import { endPresenterView } from '../actions/show';

const renderer = new SlideRenderer(400);
const s = useStore.getState;

/** Leave full screen, if the page is in it (the show ends either way), and close the presenter view. */
export function leaveFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  endPresenterView();
}

/** The window's size, kept current (full screen changes it). */
function useViewport(): { w: number; h: number } {
  const [size, setSize] = useState({ w: window.innerWidth, h: window.innerHeight });
  useEffect(() => {
    const on = (): void => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/** The presenter's clock: time since the show began, ticking each second. */
function Timer({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return <span className="show-timer">{elapsed(now - since)}</span>;
}

/**
 * 放映: the deck full screen, drawn by the export's own slide renderer. F5 starts it on the first
 * slide, Shift+F5 on the current one; ←/→, PgUp/PgDn, Space, Home/End move; B blacks the screen;
 * Esc (or leaving full screen) ends it. With `presenter`, the presenter's view: current and next
 * slide, notes and a timer.
 */
export function Slideshow({
  report,
  briefing,
  presenter = false,
}: {
  report: Report;
  briefing: Briefing;
  presenter?: boolean;
}) {
  const { t } = useTranslation();
  const show = useStore((st) => st.show);
  const registry = useTemplateRegistry();
  const { theme } = deckTheme(briefing.deckTemplate, registry);
  const deck = useMemo(() => composeDeck(report, briefing, theme), [report, briefing, theme]);
  const slides = useMemo(() => renderer.render(deck, theme), [deck, theme]);
  const css = useMemo(() => deckCss(theme), [theme]);
  const { w, h } = useViewport();
  const total = slides.length;

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const st = s();
      if (!st.show) return;
      // the show has the keyboard: nothing reaches the desk behind it
      e.stopImmediatePropagation();
      // F5 again must not reload the page under the show
      if (e.key === 'F5') e.preventDefault();
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const action = showKeyAction(e.key);
      if (!action) return;
      e.preventDefault();
      if (action === 'end') {
        st.endShow();
        leaveFullscreen();
      } else if (action === 'black') st.toggleBlack();
      else st.showSlide(stepShow(st.show.at, total, action), total);
    };
    // leaving full screen (the browser's own Esc) ends the show too
    const onFullscreen = (): void => {
      if (!document.fullscreenElement && s().show) s().endShow();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [total]);

  if (!show) return null;
  const at = Math.min(show.at, total);
  const slide = slides[at];
  const themeClass = `bs-deck bs-theme-${theme.id}`;
  const next = () => s().showSlide(at + 1, total);
  const prev = () => s().showSlide(at - 1, total);
  const onClick = (e: React.MouseEvent): void => {
    if (at >= total) {
      s().endShow();
      leaveFullscreen();
    } else next();
    e.preventDefault();
  };
  const onContext = (e: React.MouseEvent): void => {
    e.preventDefault();
    prev();
  };

  if (presenter) {
    const following = slides[at + 1];
    const big = Math.min((w * 0.6) / SLIDE_W, (h * 0.62) / SLIDE_H);
    const small = Math.min((w * 0.34) / SLIDE_W, (h * 0.34) / SLIDE_H);
    return (
      <div className="show presenter" role="dialog" aria-modal="true" aria-label={t('show.presenter')}>
        <style>{css}</style>
        <div className="presenter-main">
          <div className="presenter-current" style={{ width: SLIDE_W * big, height: SLIDE_H * big }}>
            {slide && !show.black ? (
              <Markup className={`slide-scale ${themeClass}`} style={{ zoom: big }} html={slide.html} />
            ) : (
              <div className="show-black" />
            )}
          </div>
          <div className="presenter-side">
            <p className="presenter-label">{t('show.next')}</p>
            <div className="presenter-next" style={{ width: SLIDE_W * small, height: SLIDE_H * small }}>
              {following ? (
                <Markup
                  className={`slide-scale ${themeClass}`}
                  style={{ zoom: small }}
                  html={following.html}
                />
              ) : (
                <p className="show-end-note">{t('show.endNext')}</p>
              )}
            </div>
            <p className="presenter-clock">
              <Timer since={show.startedAt} />
              <span>{t('show.slideOf', { n: Math.min(at + 1, total), total })}</span>
            </p>
          </div>
        </div>
        <div className="presenter-notes" aria-label={t('show.notes')}>
          {slide?.notes ? slide.notes : <span className="muted">{t('show.noNotes')}</span>}
        </div>
        <div className="presenter-bar">
          <button type="button" onClick={prev} disabled={at <= 0}>
            {t('show.prev')}
          </button>
          <button type="button" onClick={next} disabled={at >= total}>
            {t('show.nextButton')}
          </button>
          <button type="button" aria-pressed={show.black} onClick={() => s().toggleBlack()}>
            {t('show.black')}
          </button>
          <button
            type="button"
            onClick={() => {
              s().endShow();
              leaveFullscreen();
            }}
          >
            {t('show.end')}
          </button>
        </div>
      </div>
    );
  }

  const scale = Math.min(w / SLIDE_W, h / SLIDE_H);
  return (
    <div
      className="show"
      role="dialog"
      aria-modal="true"
      aria-label={t('show.label')}
      data-show-at={at}
      data-show-black={show.black ? 'true' : undefined}
      onClick={onClick}
      onContextMenu={onContext}
    >
      <style>{css}</style>
      {show.black ? (
        <div className="show-black" aria-label={t('show.blackLabel')} />
      ) : slide ? (
        <div className="show-stage" style={{ width: SLIDE_W * scale, height: SLIDE_H * scale }}>
          <Markup className={`slide-scale ${themeClass}`} style={{ zoom: scale }} html={slide.html} />
        </div>
      ) : (
        <p className="show-end">{t('show.ended')}</p>
      )}
      <span className="show-status" aria-live="polite">
        {at < total ? t('show.slideOf', { n: at + 1, total }) : t('show.ended')}
      </span>
    </div>
  );
}
