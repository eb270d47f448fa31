import type { ResolvedItem } from '../briefing/resolve';
import { officialPunctuation as p } from '../text/punctuation';
import { ownHeadingMarker } from './numbering';

/**
 * An item's text as it goes into a brief or a deck: full-width punctuation in Chinese text.
 * Applied at compose, so the report keeps its text as imported and the preview, the measuring
 * of slide text and every export see the same characters. A heading's own marker (「第一，」) is
 * set apart from its title: the brief prints it in place of a number, the deck numbers the title.
 */
export function officialItem(r: ResolvedItem): ResolvedItem {
  switch (r.kind) {
    case 'heading': {
      // a title that carries its own marker (「第一，」) keeps it apart, so none is numbered twice
      const { marker, rest } = ownHeadingMarker(p(r.title));
      return marker ? { ...r, title: rest, marker } : { ...r, title: p(r.title) };
    }
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
