import type { BriefFields } from '../content/model/briefing';

/** Brief fields in the order a 公文 or 简报 reads them; a test checks every model field is here. */
export const FIELD_ORDER: ReadonlyArray<keyof BriefFields> = [
  'title',
  'subtitle',
  'unit',
  'date',
  'issueNo',
  'docNumber',
  'mainTo',
  'note',
  'reportTo',
  'sendTo',
  'issueTo',
  'cc',
  'printedBy',
  'copies',
  'presenter',
];
