import gbt9704 from './gbt9704/template.json';
import gbt9704Css from './gbt9704/brief.css?raw';
import bulletin from './bulletin/template.json';
import bulletinCss from './bulletin/brief.css?raw';
import plain from './plain/template.json';
import plainCss from './plain/brief.css?raw';

/** The brief formats that ship with the app: data file, path for messages, CSS. */
export const BRIEF_SOURCES: ReadonlyArray<{ file: string; data: unknown; css?: string }> = [
  { file: 'templates/brief/gbt9704/template.json', data: gbt9704, css: gbt9704Css },
  { file: 'templates/brief/bulletin/template.json', data: bulletin, css: bulletinCss },
  { file: 'templates/brief/plain/template.json', data: plain, css: plainCss },
];
