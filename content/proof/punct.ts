import { inRanges, isAsciiDigit, isChineseContext, isDigit, isHan, isLatin } from './chars';
import { hit, type RuleDef, type UnitContext } from './hits';
import type { Hit } from './types';

/**
 * Punctuation, GB/T 15834-2011 《标点符号用法》. Chinese text is full of half-width characters
 * that are right (1,000, 09:30, 2.5%, 5G, URLs, English names), so every rule here looks at what
 * stands around a mark before it calls it wrong, and leaves a mark alone when it cannot tell.
 */

const def = (id: string, rule: string, why: string, whyEn: string): RuleDef => ({
  id: `punct.${id}`,
  kind: 'punct',
  rule: `GB/T 15834-2011 ${rule}`,
  why,
  whyEn,
});

export const PUNCT_RULES = {
  halfwidth: def('halfwidth', '4.4.2', '中文里应使用全角标点', 'Chinese text takes full-width punctuation'),
  quotes: def('quotes', '4.8', '引号不成对或方向不对', 'Quotation marks are unpaired or face the wrong way'),
  brackets: def('brackets', '4.9', '括号或书名号不成对', 'Brackets or title marks are unpaired'),
  doubled: def('doubled', 'B.2', '点号重复或连用', 'Two sentence or clause marks in a row'),
  ellipsis: def(
    'ellipsis',
    '4.11.2',
    '省略号应为六个点「……」，占两个字的位置',
    'The ellipsis is six dots in two characters: ……',
  ),
  dash: def('dash', '4.10.2', '破折号应为「——」，占两个字的位置', 'The dash is ——, two characters wide'),
  headingEnd: def(
    'heading-end',
    'B.4',
    '标题末尾不用句号、逗号等点号',
    'A heading ends without a full stop or comma',
  ),
  ordinal: def('ordinal', 'B.3', '序次语之后的标点不对', 'Wrong mark after an ordinal'),
  listQuotes: def(
    'list-quotes',
    '4.5.3.5',
    '标有引号或书名号的并列成分之间通常不用顿号',
    'No enumeration comma between items that are each in quotation or title marks',
  ),
  deng: def(
    'deng',
    'B.1.2',
    '并列成分之间用顿号时，「等」前不用顿号',
    'No enumeration comma before 等 when the items are separated by 、',
  ),
  space: def('space', '5.1.1', '中文句子中间不应有空格', 'No space inside a Chinese sentence'),
  yiji: def(
    'yiji',
    'A.3',
    '顿号分隔的并列成分后用「以及」连接时，「以及」前用逗号',
    'Before 以及 after items separated by 、, use a comma',
  ),
} as const;

/** Half-width marks and their full-width forms, with the clause that gives each form. */
const HALF: Record<string, { full: string; clause: string; zh: string; en: string }> = {
  ',': { full: '，', clause: '4.4.2', zh: '逗号', en: 'comma' },
  ';': { full: '；', clause: '4.6.2', zh: '分号', en: 'semicolon' },
  ':': { full: '：', clause: '4.7.2', zh: '冒号', en: 'colon' },
  '?': { full: '？', clause: '4.2.2', zh: '问号', en: 'question mark' },
  '!': { full: '！', clause: '4.3.2', zh: '叹号', en: 'exclamation mark' },
  '.': { full: '。', clause: '4.1.2', zh: '句号', en: 'full stop' },
};

const halfWords = (mark: string, full: string) => {
  const h = HALF[mark]!;
  return {
    rule: `GB/T 15834-2011 ${h.clause}`,
    why: `中文里的${h.zh}应为全角「${full}」`,
    whyEn: `A ${h.en} in Chinese text is full-width: ${full}`,
  };
};

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0';

/** Half-width , ; : ? ! . where they sit in Chinese text. */
function halfWidthMarks(text: string, protect: UnitContext['protect']): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const h = HALF[ch];
    if (!h || inRanges(protect, i)) continue;
    const prev = text[i - 1];
    let j = i + 1;
    while (isSpace(text[j])) j++;
    const next = text[j];
    const touching = text[i + 1];
    if (ch === '.') {
      // a full stop after Chinese, not a decimal point, an ordinal 「一.」 or part of 「...」
      if (!(isHan(prev) || prev === '”' || prev === '）')) continue;
      if (touching === '.' || prev === '.') continue;
      if (isDigit(touching) || isLatin(touching)) continue;
      if (/^\s*[一二三四五六七八九十]+$/.test(text.slice(0, i))) continue;
      if (next !== undefined && !isHan(next) && next !== '“' && next !== '（') continue;
    } else if (ch === '?' || ch === '!') {
      if (!isChineseContext(prev) && !(isHan(next) && !isLatin(prev))) continue;
    } else {
      // 1,000 and 9:30 and 1:500 stay as they are
      if (isDigit(prev) && isDigit(touching)) continue;
      if (!isChineseContext(prev) && !isChineseContext(next)) continue;
      // a Latin phrase with a Chinese word after it is still Latin up to the mark: 「Smith, J.」
      if (isLatin(prev) && isLatin(next)) continue;
    }
    // spaces after a half-width mark go with it: the full-width mark has its own space
    const end = isHan(next) || next === '“' || next === '（' ? j : i + 1;
    out.push(hit(PUNCT_RULES.halfwidth, i, end, h.full, halfWords(ch, h.full)));
  }
  return out;
}

// ---- quotation marks ----

/** Straight quotes "…" around Chinese: curly quotes “…”. */
function straightQuotes(text: string, protect: UnitContext['protect']): Hit[] {
  const out: Hit[] = [];
  for (const [q, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    const at: number[] = [];
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
      // an apostrophe inside a Latin word (China's) is not a quote
      if (q === "'" && isLatin(text[i - 1]) && isLatin(text[i + 1])) continue;
      if (!inRanges(protect, i)) at.push(i);
    }
    const words = {
      why: `中文里的引号应为全角「${open}${close}」`,
      whyEn: `Quotation marks in Chinese text are full-width: ${open}${close}`,
      rule: 'GB/T 15834-2011 4.8.2',
    };
    if (at.length % 2 === 1) {
      for (const i of at)
        if (isHan(text[i - 1]) || isHan(text[i + 1]))
          out.push(hit(PUNCT_RULES.quotes, i, i + 1, null, words));
      continue;
    }
    for (let k = 0; k + 1 < at.length; k += 2) {
      const s = at[k]!;
      const e = at[k + 1]!;
      const inner = text.slice(s + 1, e);
      if (!/\p{Script=Han}/u.test(inner) && !isHan(text[s - 1]) && !isHan(text[e + 1])) continue;
      if (inner.length <= 30)
        out.push(hit(PUNCT_RULES.halfwidth, s, e + 1, `${open}${inner}${close}`, words));
      else {
        out.push(hit(PUNCT_RULES.halfwidth, s, s + 1, open, words));
        out.push(hit(PUNCT_RULES.halfwidth, e, e + 1, close, words));
      }
    }
  }
  return out;
}

/**
 * Curly quotes must alternate open, close. A quotation that runs over several paragraphs opens
 * each paragraph and closes only the last (GB/T 15834-2011 4.8.3), so a paragraph that ends open
 * before one that starts with an opening mark is right.
 */
function curlyQuotes(ctx: UnitContext): Hit[] {
  const { text } = ctx.unit;
  const out: Hit[] = [];
  for (const [open, close] of [
    ['“', '”'],
    ['‘', '’'],
  ] as const) {
    const at: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== open && ch !== close) continue;
      if (ch === '’' && isLatin(text[i - 1]) && (isLatin(text[i + 1]) || text[i + 1] === ' ')) continue;
      at.push(i);
    }
    // a line wrapped inside a quotation: the quote closes on the next line, or opened on the one before
    if (at.length > 0 && text[at[0]!] === close && openAtEnd(neighbour(ctx, -1), open, close)) at.shift();
    const nextLine = neighbour(ctx, 1);
    if (at.length > 0 && text[at[at.length - 1]!] === open && closesFirst(nextLine, open, close)) at.pop();
    if (at.length === 0) continue;
    const expected = (k: number): string => (k % 2 === 0 ? open : close);
    const wrong = at.filter((i, k) => text[i] !== expected(k));
    if (at.length % 2 === 0) {
      if (wrong.length === 0) continue;
      if (wrong.length <= 2)
        for (const i of wrong) {
          const k = at.indexOf(i);
          out.push(
            hit(PUNCT_RULES.quotes, i, i + 1, expected(k), {
              why: `引号方向不对，这里应为「${expected(k)}」`,
              whyEn: `The quotation mark faces the wrong way: ${expected(k)}`,
            }),
          );
        }
      else out.push(hit(PUNCT_RULES.quotes, wrong[0]!, wrong[0]! + 1, null));
      continue;
    }
    // an odd count: one mark has no partner
    const lastIsOpen = text[at[at.length - 1]!] === open;
    if (wrong.length === 0 && lastIsOpen && open === '“' && nextLine?.trimStart().startsWith('“')) continue;
    const lone = wrong[0] ?? at[at.length - 1]!;
    out.push(
      hit(PUNCT_RULES.quotes, lone, lone + 1, null, {
        why: '引号不成对',
        whyEn: 'This quotation mark has no partner',
      }),
    );
  }
  return out;
}

/** The nearest non-blank unit before (-1) or after (+1) this one, skipping at most two blank lines. */
function neighbour(ctx: UnitContext, step: -1 | 1): string | undefined {
  for (let k = ctx.index + step, n = 0; k >= 0 && k < ctx.units.length && n < 3; k += step, n++) {
    const text = ctx.units[k]!.text;
    if (text.trim()) return text;
  }
  return undefined;
}

/** Does `text` end inside a quotation or bracket (an opener after its last closer)? */
function openAtEnd(text: string | undefined, open: string, close: string): boolean {
  if (!text) return false;
  return text.lastIndexOf(open) > text.lastIndexOf(close);
}

/** Does `text` close a quotation or bracket before it opens one? */
function closesFirst(text: string | undefined, open: string, close: string): boolean {
  if (!text) return false;
  const c = text.indexOf(close);
  const o = text.indexOf(open);
  return c >= 0 && (o < 0 || c < o);
}

// ---- brackets and title marks ----

const OPENERS: Record<string, string> = {
  '(': 'paren',
  '（': 'paren',
  '《': 'book',
  '〈': 'book2',
  '【': 'lent',
  '〔': 'tort',
  '[': 'square',
};
const CLOSERS: Record<string, string> = {
  ')': 'paren',
  '）': 'paren',
  '》': 'book',
  '〉': 'book2',
  '】': 'lent',
  '〕': 'tort',
  ']': 'square',
};

const PARTNER: Record<string, string> = {
  '（': '）',
  '《': '》',
  '〈': '〉',
  '【': '】',
  '〔': '〕',
  '）': '（',
  '》': '《',
  '〉': '〈',
  '】': '【',
  '〕': '〔',
};

function brackets(ctx: UnitContext): Hit[] {
  const { text } = ctx.unit;
  const protect = ctx.protect;
  const out: Hit[] = [];
  const stack: Array<{ at: number; kind: string }> = [];
  /** `open` is true for an opener still open at the end of the line */
  const lone = (i: number, open = false): void => {
    const ch = text[i]!;
    // a line wrapped inside brackets: they close on the next line, or opened on the one before
    const partner = PARTNER[ch];
    if (partner && open && closesFirst(neighbour(ctx, 1), ch, partner)) return;
    if (partner && ch in CLOSERS && openAtEnd(neighbour(ctx, -1), partner, ch)) return;
    // a half-width bracket alone in Latin or number text is someone else's notation: 「1)」「:)」
    if ((ch === '(' || ch === ')' || ch === '[' || ch === ']') && !isHan(text[i - 1]) && !isHan(text[i + 1]))
      return;
    out.push(
      hit(PUNCT_RULES.brackets, i, i + 1, null, {
        rule:
          ch === '《' || ch === '》' || ch === '〈' || ch === '〉'
            ? 'GB/T 15834-2011 4.15'
            : PUNCT_RULES.brackets.rule,
        why: `「${ch}」不成对`,
        whyEn: `"${ch}" has no partner`,
      }),
    );
  };
  const pair = (s: number, e: number): void => {
    const a = text[s]!;
    const b = text[e]!;
    if (a === '[' || b === ']') return;
    const halfA = a === '(';
    const halfB = b === ')';
    if (!halfA && !halfB) return;
    const inner = text.slice(s + 1, e);
    const chinese = /\p{Script=Han}/u.test(inner) || isHan(text[s - 1]) || isChineseContext(text[s - 1]);
    const words = {
      rule: 'GB/T 15834-2011 4.9.2',
      why: '中文里的括号应为全角「（）」',
      whyEn: 'Brackets in Chinese text are full-width: （）',
    };
    if (halfA && halfB) {
      if (!chinese) return;
      if (inner.length <= 30) out.push(hit(PUNCT_RULES.halfwidth, s, e + 1, `（${inner}）`, words));
      else {
        out.push(hit(PUNCT_RULES.halfwidth, s, s + 1, '（', words));
        out.push(hit(PUNCT_RULES.halfwidth, e, e + 1, '）', words));
      }
    } else if (halfA) out.push(hit(PUNCT_RULES.halfwidth, s, s + 1, '（', words));
    else out.push(hit(PUNCT_RULES.halfwidth, e, e + 1, '）', words));
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inRanges(protect, i)) continue;
    const openKind = OPENERS[ch];
    if (openKind) {
      stack.push({ at: i, kind: openKind });
      continue;
    }
    const closeKind = CLOSERS[ch];
    if (!closeKind) continue;
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.kind !== closeKind) k--;
    if (k < 0) {
      lone(i);
      continue;
    }
    // openers above the match were never closed
    for (const left of stack.splice(k + 1)) lone(left.at);
    pair(stack.pop()!.at, i);
  }
  for (const left of stack) lone(left.at, true);
  // 「<<政府工作报告>>」 typed for 《》
  for (const m of text.matchAll(/<<([^<>\n]{1,40})>>|<([^<>\n]{1,40})>/g)) {
    const inner = m[1] ?? m[2] ?? '';
    if (!/\p{Script=Han}/u.test(inner) || inRanges(protect, m.index)) continue;
    out.push(
      hit(PUNCT_RULES.halfwidth, m.index, m.index + m[0].length, `《${inner}》`, {
        rule: 'GB/T 15834-2011 4.15.2',
        why: '书名号应为「《》」',
        whyEn: 'Title marks are 《》',
      }),
    );
  }
  return out;
}

// ---- marks in a row, ellipsis, dash ----

const POINTS = '，。、；：';

function doubledMarks(text: string): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const a = text[i]!;
    const b = text[i + 1]!;
    const aPoint = POINTS.includes(a);
    if (!aPoint && a !== '？' && a !== '！') continue;
    if (!POINTS.includes(b)) continue;
    // three or more full stops are an ellipsis written wrong (its own rule)
    if (a === '。' && b === '。' && (text[i + 2] === '。' || text[i - 1] === '。')) continue;
    let end = i + 2;
    while (a === b && text[end] === a) end++;
    let suggestion: string | null = null;
    if (a === b) suggestion = a;
    else if ((a === '，' || a === '、' || a === '；') && b === '。') suggestion = '。';
    else if ((a === '？' || a === '！') && b === '。') suggestion = a;
    out.push(
      hit(PUNCT_RULES.doubled, i, end, suggestion, {
        rule: a === b ? 'GB/T 15834-2011 B.2' : PUNCT_RULES.doubled.rule,
        why: a === b ? `「${a}」重复` : `「${a}」「${b}」两个点号连用`,
        whyEn: a === b ? `"${a}" is doubled` : `Two marks in a row: ${a}${b}`,
      }),
    );
    i = end - 1;
  }
  return out;
}

function ellipses(text: string, protect: UnitContext['protect']): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/\.{3,}|。{3,}|·{3,}|．{3,}|…+/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (inRanges(protect, s)) continue;
    if (m[0][0] === '…' && (m[0].length === 2 || m[0].length === 4)) continue;
    const chinese = isChineseContext(text[s - 1]) || isChineseContext(text[e]) || m[0][0] === '。';
    if (!chinese) continue;
    out.push(hit(PUNCT_RULES.ellipsis, s, e, '……'));
  }
  return out;
}

function dashes(text: string, protect: UnitContext['protect']): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/-{2,}|－{2,}|─{2,}|—{3,}|–{2,}/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (inRanges(protect, s)) continue;
    const prev = text[s - 1];
    const next = text[e];
    const chinese =
      (isChineseContext(prev) && next !== undefined && !isAsciiDigit(next)) ||
      (isChineseContext(next) && prev !== undefined && !isAsciiDigit(prev)) ||
      (s === 0 && isChineseContext(next));
    if (!chinese) continue;
    out.push(hit(PUNCT_RULES.dash, s, e, '——'));
  }
  return out;
}

// ---- headings, ordinals, enumerations ----

const END_MARKS = /[。，；：、.,;:]$/;

/** Does the line at `index` read as a numbered heading (一、…  （一）…) rather than a numbered sentence? */
function isNumberedHeadingLine(ctx: UnitContext): boolean {
  const text = ctx.unit.text.trim();
  const m = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.exec(text);
  if (!m) return false;
  const body = text.slice(m[0].length);
  // one short phrase: no sentence inside it
  if (body.length > 30 || /[。！？；]/.test(body.slice(0, -1))) return false;
  // a list of numbered sentences goes on with the next number; a heading goes on with its text
  for (let k = ctx.index + 1; k < ctx.units.length; k++) {
    const next = ctx.units[k]!.text.trim();
    if (!next) continue;
    const sameStyle = m[0].startsWith('（') ? /^（[一二三四五六七八九十]+）/ : /^[一二三四五六七八九十]+、/;
    if (sameStyle.test(next)) return false;
    // a heading is followed by its subheadings or by its text
    const deeper = m[0].startsWith('（') ? /^(?:\d{1,2}[.．]|（\d{1,2}）)/ : /^（[一二三四五六七八九十]+）/;
    return deeper.test(next) || next.length > body.length;
  }
  return false;
}

function headingEnd(ctx: UnitContext): Hit[] {
  const { unit } = ctx;
  const text = unit.text.replace(/\s+$/, '');
  if (!END_MARKS.test(text)) return [];
  const heading =
    unit.role === 'heading' || unit.isTitle === true || ('line' in unit.at && isNumberedHeadingLine(ctx));
  if (!heading) return [];
  // 「……」 and a closing bracket or quote end a heading legitimately; only a bare point mark is flagged
  const at = text.length - 1;
  // a heading that is one whole sentence with a sentence inside runs on into its text: leave it
  if (unit.role !== 'heading' && /[。！？]/.test(text.slice(0, at))) return [];
  return [
    hit(PUNCT_RULES.headingEnd, at, at + 1, '', {
      why: `标题末尾不用「${text[at]}」`,
      whyEn: `A heading does not end with "${text[at]}"`,
    }),
  ];
}

function ordinals(text: string): Hit[] {
  const out: Hit[] = [];
  const lead = /^\s*/.exec(text)![0].length;
  const rest = text.slice(lead);
  let m = /^([（(](?:[一二三四五六七八九十]+|\d{1,2})[）)])([、，,．.。:：])/.exec(rest);
  if (m) {
    const at = lead + m[1]!.length;
    out.push(
      hit(PUNCT_RULES.ordinal, at, at + 1, '', {
        rule: 'GB/T 15834-2011 B.3.4',
        why: '加括号的序次语后面不用任何点号',
        whyEn: 'No mark after an ordinal in brackets',
      }),
    );
  }
  m = /^([一二三四五六七八九十]+)([.．，,])(?=\p{Script=Han})/u.exec(rest);
  if (m) {
    const at = lead + m[1]!.length;
    out.push(
      hit(PUNCT_RULES.ordinal, at, at + 1, '、', {
        rule: 'GB/T 15834-2011 B.3.2',
        why: '汉字数字序次语后面用顿号',
        whyEn: 'A Chinese-numeral ordinal is followed by 、',
      }),
    );
  }
  m = /^(\d{1,2})、(?=\p{Script=Han})/u.exec(rest);
  if (m) {
    const at = lead + m[1]!.length;
    out.push(
      hit(PUNCT_RULES.ordinal, at, at + 1, '.', {
        rule: 'GB/T 15834-2011 B.3.3',
        why: '阿拉伯数字序次语后面用下脚点「.」，不用顿号',
        whyEn: 'An Arabic-numeral ordinal is followed by ".", not 、',
      }),
    );
  }
  for (const w of text.matchAll(
    /(?<=^\s*|[。；：！？])(第[一二三四五六七八九十]+|其[一二三四五六七八九十]|首先|其次|再次|最后)、/g,
  )) {
    const at = w.index + w[1]!.length;
    out.push(
      hit(PUNCT_RULES.ordinal, at, at + 1, '，', {
        rule: 'GB/T 15834-2011 B.3.1',
        why: `「${w[1]}」之类的序次语后面用逗号`,
        whyEn: `An ordinal such as ${w[1]} is followed by a comma`,
      }),
    );
  }
  return out;
}

/**
 * A space between two Chinese characters inside running text, as a PDF copy or a careless paste
 * leaves: only in a line of prose (long, with sentence marks), since titles, signatures and tables
 * use spaces on purpose (「凝心聚力向前行 克难奋进谋新篇」).
 */
function spaces(text: string, role: string): Hit[] {
  if (role === 'heading' || text.length < 40 || !/[。，；]/.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(/(?<=\p{Script=Han})[ \u3000]{1,2}(?=\p{Script=Han})/gu)) {
    if (m.index < 2) continue;
    out.push(hit(PUNCT_RULES.space, m.index, m.index + m[0].length, ''));
  }
  return out;
}

function enumerations(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/[”》]、[“《]/g))
    out.push(hit(PUNCT_RULES.listQuotes, m.index + 1, m.index + 2, ''));
  for (const m of text.matchAll(/、(?=等(?![级待同额量值于比候高效距价次]))/g))
    out.push(hit(PUNCT_RULES.deng, m.index, m.index + 1, ''));
  for (const m of text.matchAll(/、(?=以及)/g)) out.push(hit(PUNCT_RULES.yiji, m.index, m.index + 1, '，'));
  return out;
}

/** Every punctuation finding in one unit. */
export function punctuation(ctx: UnitContext): Hit[] {
  const { text } = ctx.unit;
  const hasHalf = /[,;:?!.()"'<[\]]/.test(text);
  return [
    ...(hasHalf ? halfWidthMarks(text, ctx.protect) : []),
    ...(text.includes('"') || text.includes("'") ? straightQuotes(text, ctx.protect) : []),
    ...curlyQuotes(ctx),
    ...brackets(ctx),
    ...doubledMarks(text),
    ...ellipses(text, ctx.protect),
    ...dashes(text, ctx.protect),
    ...headingEnd(ctx),
    ...ordinals(text),
    ...enumerations(text),
    ...(text.includes(' ') || text.includes('\u3000') ? spaces(text, ctx.unit.role) : []),
  ];
}
