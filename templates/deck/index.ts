import plain from './plain/template.json';
import plainCss from './plain/theme.css?raw';

/** The deck themes that ship with the app: data file, path for messages, CSS. */
export const DECK_SOURCES: ReadonlyArray<{ file: string; data: unknown; css?: string }> = [
  { file: 'templates/deck/plain/template.json', data: plain, css: plainCss },
];
