import plain from './plain/template.json';

/** The brief formats that ship with the app: data file, path for messages, CSS. */
export const BRIEF_SOURCES: ReadonlyArray<{ file: string; data: unknown; css?: string }> = [
  { file: 'templates/brief/plain/template.json', data: plain },
];
