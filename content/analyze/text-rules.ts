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
  // capital numerals (壹、貳、參、) rank above 一、 where a report uses both, as in Taiwan's reports
  { re: /^([壹贰貳叁參肆伍陆陸柒捌玖拾]+[、．.])\s*/, level: 0 },
  { re: /^([一二三四五六七八九十]+[、．.])\s*/, level: 1 },
  { re: /^([（(][一二三四五六七八九十]+[）)])[\s\u3000、]*/, level: 2 },
  { re: /^(\d{1,2}[、．.](?!\d))\s*/, level: 3 },
  { re: /^([（(]\d{1,2}[）)])[\s\u3000、]*/, level: 4 },
  // a WeChat article's 「01 | 标题」, 「02丨标题」, 「03 标题」
  { re: /^(0[1-9]|[1-9]\d)\s*[|｜丨]\s*/, level: 1 },
  { re: /^(0[1-9])[\s\u3000]+(?=\p{Script=Han})/u, level: 1 },
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

/**
 * How wide a line is on the page, in full-width characters: a Chinese character or full-width
 * mark is one, a Latin letter, digit or half-width mark half. Lines hard-wrapped at the page width
 * are near-equal in this measure even when they hold different numbers of digits.
 */
export function displayWidth(text: string): number {
  let half = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Latin, Greek, Cyrillic and the half-width forms are narrow; a surrogate pair counts once
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    half += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 1 : 2;
  }
  return half / 2;
}

/** A line ending here stops inside a clause: after a comma, an enumeration mark or an opening bracket or quote. */
export const ENDS_INSIDE_CLAUSE = /[，,、“‘「『（(《〈【]$/;

/** A line starting here continues what came before: no sentence, heading or paragraph opens with these. */
export const CANNOT_OPEN = /^[，,。、；;：:！!？?）)》」』”’%％]/;

/** Bullets that open a list item of their own. */
export const BULLET = /^[●■◆▲►•▪◇○□☐√✓※★☆◎]/;

/** Section numbers written 「01」「02」 on a line of their own (WeChat articles, magazine layouts). */
export const SECTION_NUMBER_LINE = /^(0[1-9]|[1-9]\d)$/;

/**
 * A clause inside the line opens an enumeration (「……，一是工业生产」): the line is running text
 * cut short, never a heading.
 */
export const ENUMERATES_INSIDE =
  /[，,：:；;]\s*([一二三四五六七八九十]+是|其[一二三四五六七八九十][，,、]|第[一二三四五六七八九十]+[，,、]|首先[，,])/;

/**
 * Remove the spaces a PDF's text puts around a number set between Chinese characters:
 * 「地区生产总值 186.42 亿元，同比增长 6.8 %」 reads 「地区生产总值186.42亿元，同比增长6.8%」. A
 * number that opens the line (「03 标题」) or stands among other numbers keeps its spaces.
 */
export function tidyNumberSpacing(text: string): string {
  if (!NUMBER_SPACED.test(text)) return text;
  return text.replace(NUMBER_SPACED_ALL, '$1$2');
}
const NUMBER_SPACED = /\p{Script=Han}[ \u3000]+\d[\d.,]*[ \u3000]*[\p{Script=Han}%％]/u;
const NUMBER_SPACED_ALL = /(\p{Script=Han})[ \u3000]+(\d[\d.,]*)[ \u3000]*(?=[\p{Script=Han}%％])/gu;

/** Pictographs, with the joiners, variation selectors and skin tones that build them: 「👇」 「🛍️」 「💡」. */
const EMOJI = /(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D})+/gu;

/** The text opens with a pictograph: a WeChat article's 「💡 经济总量稳步扩大」. */
export const opensWithEmoji = (text: string): boolean => /^\p{Extended_Pictographic}/u.test(text);

/**
 * A title or heading without the pictographs that decorate it: 「💡 经济总量稳步扩大」 reads
 * 「经济总量稳步扩大」, 「……一起来看👇」 「……一起来看」. A line of pictographs alone is kept as it is.
 */
export function stripEmoji(text: string): string {
  if (!/\p{Extended_Pictographic}|\u{FE0F}/u.test(text)) return text;
  const bare = text.replace(EMOJI, ' ').replace(/\s+/g, ' ').trim();
  return bare || text;
}
