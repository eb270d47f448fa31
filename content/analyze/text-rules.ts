/** Character classes and patterns shared by the analysis rules. */

export const CN_DIGITS = '零〇一二三四五六七八九十百千万两';

/** Sentence-final punctuation, full- and half-width. A block ending in one is a finished paragraph. */
export const SENTENCE_END = /[。！？!?；;…”’」』）)]$/;

/** True if the text ends like a finished sentence. */
export const endsSentence = (text: string): boolean => /[。！？!?；;…]["”’」』）)]*$/.test(text);

export const HEADING_PATTERNS: ReadonlyArray<{ re: RegExp; level: number }> = [
  { re: /^(第[一二三四五六七八九十百零〇\d]+[章部分篇])[\s\u3000、：:]*/, level: 1 },
  { re: /^([一二三四五六七八九十]+[、．.])\s*/, level: 1 },
  { re: /^([（(][一二三四五六七八九十]+[）)])\s*/, level: 2 },
  { re: /^(\d{1,2}[、．.](?!\d))\s*/, level: 3 },
  { re: /^([（(]\d{1,2}[）)])\s*/, level: 4 },
];

/** Labels that are sections on their own. */
export const SECTION_LABELS = /^(写在前面|前言|引言|导语|序言|结束语|结语|后记|附件|附录)$/;

/** Markers that open a point: 一是 / 二是 …, 其一, ——, ●, ■ */
export const POINT_MARKER = /^(——|—|[一二三四五六七八九十]+是|其[一二三四五六七八九十]+[，,、]?|[●■◆▲►•])\s*/;
