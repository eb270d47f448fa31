/**
 * The widths staff give the report and briefing panes by dragging the dividers (the preview takes
 * the rest). They belong to the person, not to a project: kept in this profile's local storage,
 * as the language and the proofreading switch are, and read again at the next start.
 */

export const PANES = ['outline', 'briefing'] as const;
export type Pane = (typeof PANES)[number];
export type PaneWidths = Partial<Record<Pane, number>>;

export const PANE_WIDTHS_KEY = 'briefing-pane-widths';

/** The narrowest each pane may be made, and the least the preview keeps, in CSS pixels. */
export const PANE_MIN: Record<Pane | 'preview', number> = { outline: 200, briefing: 240, preview: 320 };

/** One arrow key press on a divider moves it this far. */
export const PANE_KEY_STEP = 16;

export function readPaneWidths(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): PaneWidths {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(PANE_WIDTHS_KEY) ?? '{}');
    if (!raw || typeof raw !== 'object') return {};
    const out: PaneWidths = {};
    for (const pane of PANES) {
      const w = (raw as Record<string, unknown>)[pane];
      if (typeof w === 'number' && Number.isFinite(w) && w >= PANE_MIN[pane]) out[pane] = Math.round(w);
    }
    return out;
  } catch {
    // a damaged entry is forgotten: the panes start at their usual widths
    return {};
  }
}

export function savePaneWidths(
  widths: PaneWidths,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): void {
  if (Object.keys(widths).length === 0) storage?.removeItem(PANE_WIDTHS_KEY);
  else storage?.setItem(PANE_WIDTHS_KEY, JSON.stringify(widths));
}

/**
 * A pane's new width when its divider is moved: at least its own minimum, and never so wide that
 * the panes after it drop below theirs in a desk `deskWidth` wide.
 */
export function clampPaneWidth(
  pane: Pane,
  width: number,
  deskWidth: number,
  widths: Readonly<Record<Pane, number>>,
): number {
  const others = pane === 'outline' ? widths.briefing + PANE_MIN.preview : widths.outline + PANE_MIN.preview;
  const max = Math.max(PANE_MIN[pane], deskWidth - others);
  return Math.round(Math.min(max, Math.max(PANE_MIN[pane], width)));
}
