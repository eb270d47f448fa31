import type { ResolvedItem } from '../briefing/resolve';
import { officialPunctuation as p } from '../text/punctuation';

/**
 * An item's text as it goes into a brief or a deck: full-width punctuation in Chinese text.
 * Applied at compose, so the report keeps its text as imported and the preview, the measuring
 * of slide text and every export see the same characters.
 */
export function officialItem(r: ResolvedItem): ResolvedItem {
  switch (r.kind) {
    case 'heading':
      return { ...r, title: p(r.title) };
    case 'point':
      return { ...r, lead: p(r.lead), text: p(r.text) };
    case 'paragraph':
      return { ...r, text: p(r.text) };
    case 'figure':
      return {
        ...r,
        caption: p(r.caption),
        figure: r.figure.rows ? { ...r.figure, rows: r.figure.rows.map((row) => row.map(p)) } : r.figure,
      };
    case 'stat':
      return { ...r, label: p(r.label) };
  }
}
