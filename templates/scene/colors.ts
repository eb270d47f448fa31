import type { ColorRole, DeckTemplate } from '../deck/schema';

/** A theme colour by role, as six hex digits. */
export function roleColor(theme: DeckTemplate, role: ColorRole): string {
  return theme.colors[role].toUpperCase();
}

/** Mix two hex colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mixHex(a: string, b: string, t: number): string {
  const ch = (hex: string, i: number): number => parseInt(hex.slice(i, i + 2), 16);
  return [0, 2, 4]
    .map((i) => Math.round(ch(a, i) * (1 - t) + ch(b, i) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** Lines between table cells: the muted colour washed towards white. */
export const tableRuleColor = (theme: DeckTemplate): string => mixHex(theme.colors.muted, 'FFFFFF', 0.6);
/** Chart grid lines. */
export const gridColor = (theme: DeckTemplate): string => mixHex(theme.colors.muted, 'FFFFFF', 0.75);

/** WCAG relative luminance of a colour given as six hex digits. */
export function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/**
 * The contrast text needs against what is behind it (WCAG 2.1, 1.4.3): 3 : 1 for display-size
 * text — 18 pt (24 px) and up, or bold from 14 pt (18.67 px) — and 4.5 : 1 for anything smaller.
 */
export function contrastNeeded(sizePx: number, bold: boolean): number {
  return sizePx >= 24 || (bold && sizePx >= 18.66) ? 3 : 4.5;
}
