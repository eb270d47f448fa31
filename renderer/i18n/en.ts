import type { zh } from './zh';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** UI strings in English; typed by the Chinese table so no key is missing. */
export const en: Shape<typeof zh> = {
  app: { name: 'Briefing Studio', loading: 'Opening the sample report…' },
  toolbar: {
    exportWord: 'Export Word',
    exportDeck: 'Export slides',
    language: '中文',
    languageLabel: 'Switch interface language',
  },
  outline: {
    heading: 'Report',
    empty: 'No sections were found in this report.',
    sectionCount: '{{count}} sections',
    select: 'Select section “{{title}}”',
  },
  briefing: {
    heading: 'Briefing',
    empty:
      'Tick sections on the left; they appear here in order. With nothing ticked, exports hold every top-level section and its points.',
    count: '{{count}} items picked',
  },
  export: {
    working: 'Exporting…',
    saved: 'Saved: {{path}}',
    downloaded: 'Downloaded: {{name}}',
    canceled: 'Export canceled.',
    showInFolder: 'Show in folder',
  },
  notice: { close: 'Close' },
};
