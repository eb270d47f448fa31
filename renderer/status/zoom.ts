/** How the preview is sized: to the pane's width, the whole page in view, or a percentage. */
export type Zoom = 'width' | 'page' | number;

export const MIN_ZOOM = 50;
export const MAX_ZOOM = 200;
/** The percentages offered in the zoom menu, as in WPS. */
export const ZOOM_STEPS = [50, 75, 100, 125, 150, 200] as const;

/**
 * The scale a page or slide is drawn at: `contentW`×`contentH` is its size at 100 % (96 dpi), in a
 * pane with `availW`×`availH` to show it in.
 */
export function zoomScale(
  zoom: Zoom,
  size: { availW: number; availH: number; contentW: number; contentH: number },
): number {
  const width = Math.max(0.05, size.availW / size.contentW);
  switch (zoom) {
    case 'width':
      return width;
    case 'page':
      return Math.max(0.05, Math.min(width, size.availH / size.contentH));
    default:
      return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) / 100;
  }
}

/** One step in or out from the scale now shown: to the next 10 %, kept within 50–200 %. */
export function stepZoom(scale: number, by: 1 | -1): number {
  const pct = Math.round(scale * 100);
  const next = by > 0 ? Math.floor(pct / 10) * 10 + 10 : Math.ceil(pct / 10) * 10 - 10;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
}
