import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PANE_KEY_STEP,
  PANES,
  clampPaneWidth,
  readPaneWidths,
  savePaneWidths,
  type Pane,
  type PaneWidths,
} from '../panes';

/** The widths kept for this person, and a setter that stores them. */
export function usePaneWidths(): [PaneWidths, (next: PaneWidths) => void] {
  const [widths, setWidths] = useState<PaneWidths>(() => readPaneWidths());
  const set = useCallback((next: PaneWidths) => {
    setWidths(next);
    savePaneWidths(next);
  }, []);
  return [widths, set];
}

/** The CSS variables a desk with chosen widths lays its columns out by. */
export function paneStyle(widths: PaneWidths): Record<string, string> {
  const style: Record<string, string> = {};
  for (const pane of PANES) if (widths[pane] !== undefined) style[`--pane-${pane}`] = `${widths[pane]}px`;
  return style;
}

interface DividersProps {
  desk: RefObject<HTMLElement | null>;
  widths: PaneWidths;
  onChange: (next: PaneWidths) => void;
}

/**
 * The two dividers of the desk, after the report pane and after the briefing pane: drag one, or
 * focus it and use ←/→ (Home puts both panes back to their usual widths), as a window splitter in
 * WPS or an explorer window. They lie over the panes' borders, so the desk's grid is unchanged.
 */
export function PaneDividers({ desk, widths, onChange }: DividersProps) {
  const { t } = useTranslation();
  // where each pane ends and how wide it is, as laid out: read whenever the desk or a pane resizes
  const [layout, setLayout] = useState<{ edges: Record<Pane, number>; sizes: Record<Pane, number> } | null>(
    null,
  );
  useEffect(() => {
    const el = desk.current;
    if (!el) return;
    const [outline, briefing] = [el.children[0], el.children[1]];
    if (!(outline instanceof HTMLElement) || !(briefing instanceof HTMLElement)) return;
    const observer = new ResizeObserver(() => {
      const left = el.getBoundingClientRect().left;
      const o = outline.getBoundingClientRect();
      const b = briefing.getBoundingClientRect();
      setLayout({
        edges: { outline: o.right - left, briefing: b.right - left },
        sizes: { outline: o.width, briefing: b.width },
      });
    });
    observer.observe(el);
    observer.observe(outline);
    observer.observe(briefing);
    return () => observer.disconnect();
  }, [desk]);

  if (!layout) return null;
  const { edges, sizes } = layout;

  const resize = (pane: Pane, width: number): void => {
    const deskWidth = desk.current?.clientWidth ?? 0;
    // once one divider moves, both panes keep the width they have now, so the other stays put
    const now = { ...sizes, ...widths };
    onChange({ ...now, [pane]: clampPaneWidth(pane, width, deskWidth, now) });
  };

  const startDrag = (pane: Pane, e: React.PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = sizes[pane];
    handle.classList.add('dragging');
    const move = (ev: PointerEvent): void => resize(pane, startWidth + ev.clientX - startX);
    const end = (): void => {
      handle.classList.remove('dragging');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  return (
    <>
      {PANES.map((pane) => (
        <div
          key={pane}
          className="pane-divider"
          role="separator"
          aria-orientation="vertical"
          aria-label={t(`panes.${pane}`)}
          aria-valuenow={Math.round(sizes[pane])}
          title={t('panes.hint')}
          tabIndex={0}
          data-divider={pane}
          style={{ left: edges[pane] }}
          onPointerDown={(e) => startDrag(pane, e)}
          onDoubleClick={() => onChange({})}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
              e.preventDefault();
              // from the width last set, not the last measured: a key held down steps before the
              // pane has been measured again, and each step must count
              const from = widths[pane] ?? sizes[pane];
              resize(pane, from + (e.key === 'ArrowLeft' ? -PANE_KEY_STEP : PANE_KEY_STEP));
            } else if (e.key === 'Home') {
              e.preventDefault();
              onChange({});
            }
          }}
        />
      ))}
    </>
  );
}
