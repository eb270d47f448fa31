import govRed from './gov-red/template.json';
import govRedCss from './gov-red/theme.css?raw';
import govBlue from './gov-blue/template.json';
import govBlueCss from './gov-blue/theme.css?raw';
import plain from './plain/template.json';
import plainCss from './plain/theme.css?raw';

/** The deck themes that ship with the app: data file, path for messages, CSS. Ids are fixed. */
export const DECK_SOURCES: ReadonlyArray<{ file: string; data: unknown; css?: string }> = [
  { file: 'templates/deck/gov-red/template.json', data: govRed, css: govRedCss },
  { file: 'templates/deck/gov-blue/template.json', data: govBlue, css: govBlueCss },
  { file: 'templates/deck/plain/template.json', data: plain, css: plainCss },
];
