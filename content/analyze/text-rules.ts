/** Character classes and patterns shared by the analysis rules. Full- and half-width forms alike. */

/** True if the text ends like a finished sentence (closing quotes and brackets may follow). */
export const endsSentence = (text: string): boolean => /[。！？!?；;…]["”’」』）)】]*$/.test(text);

/**
 * True if a paragraph may end here without being cut off: a finished sentence, or a colon that
 * introduces what follows (「重点抓好以下工作：」).
 */
export const endsParagraph = (text: string): boolean =>
  endsSentence(text) || /[：:]["”’」』）)]*$/.test(text);

export const HEADING_PATTERNS: ReadonlyArray<{ re: RegExp; level: number }> = [
  { re: /^(第[一二三四五六七八九十百零〇\d]+(?:章|部分|篇|节))[\s\u3000、：:.．]*/, level: 1 },
  { re: /^([一二三四五六七八九十]+[、．.])\s*/, level: 1 },
  { re: /^([（(][一二三四五六七八九十]+[）)])[\s\u3000、]*/, level: 2 },
  { re: /^(\d{1,2}[、．.](?!\d))\s*/, level: 3 },
  { re: /^([（(]\d{1,2}[）)])[\s\u3000、]*/, level: 4 },
];

/** Labels that are sections on their own. */
export const SECTION_LABELS = /^(写在前面|前言|引言|导语|序言|开篇|结束语|结语|后记|附件|附录|结尾)[:：]?$/;

/**
 * Markers that open a point: 一是 / 二是 …, 其一, ——, bullets, and the numbers of a numbered
 * paragraph that runs on past its lead-in (「（一）强化政治引领。坚持……」).
 */
export const POINT_MARKER =
  /^(——|—|[一二三四五六七八九十]+是|其[一二三四五六七八九十]+[，,、]?|第[一二三四五六七八九十]+[，,、]|[●■◆▲►•▪◇○]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;

/** Opening punctuation: a block that starts with one opens something new, it does not continue. */
export const OPENING = /^["“‘「『（(【《〈—●■◆▲►•]/;

/** Concatenate two pieces of one sentence: no space between CJK, one between Latin words. */
export function joinText(a: string, b: string): string {
  const last = a[a.length - 1] ?? '';
  const first = b[0] ?? '';
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z]/.test(first) ? `${a} ${b}` : a + b;
}
