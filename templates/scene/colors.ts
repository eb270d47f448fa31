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
