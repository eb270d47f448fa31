import { foldText } from '../stats/fold';
import { numberTokens } from '../stats/numbers';

/**
 * Where a text may be cut without changing what it says: never inside a number with its unit
 * (「238.6亿元」), a quotation or a name in quotes or title marks (“放管服”, 《条例》), brackets, or a
 * Latin word. A deck shortens a title or splits a long point only at such places.
 */

const OPEN_CLOSE = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['〈', '〉'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['〔', '〕'],
  ['［', '］'],
]);
const CLOSERS = new Set(OPEN_CLOSE.values());
const LATIN = /[A-Za-z0-9]/;

/**
 * For each position i (0…length), whether a cut between text[i-1] and text[i] is safe. Positions
 * 0 and length are always safe. A straight quote 「"」 opens and closes in turn.
 */
export function safeCuts(text: string): boolean[] {
  const n = text.length;
  const safe = Array.from({ length: n + 1 }, () => true);
  // inside a pair: every position after an opener up to its closer
  const stack: string[] = [];
  let straight = false;
  for (let i = 0; i < n; i++) {
    const ch = text[i] ?? '';
    if (stack.length > 0 || straight) safe[i] = false;
    if (ch === '"') straight = !straight;
    else if (OPEN_CLOSE.has(ch)) stack.push(OPEN_CLOSE.get(ch) ?? '');
    else if (CLOSERS.has(ch)) {
      const at = stack.lastIndexOf(ch);
      if (at >= 0) stack.length = at;
    }
  }
  // an unclosed opener protects to the end of the text (a quotation that runs on)
  if (stack.length > 0 || straight) safe[n] = true;
  // inside a number with its unit, and the sign or 第 before it
  for (const t of numberTokens(foldText(text))) {
    const start = t.start > 0 && /[+\-−±第约近超逾]/.test(text[t.start - 1] ?? '') ? t.start - 1 : t.start;
    for (let i = start + 1; i < t.end; i++) safe[i] = false;
    // 「%」 or 「个百分点」 the tokenizer may leave after the unit
    let j = t.end;
    while (j < n && /[%％‰]/.test(text[j] ?? '')) safe[j++] = false;
    if (j < n && j > t.end) safe[j] = false;
  }
  // inside a Latin word or an Arabic number the tokenizer passed over
  for (let i = 1; i < n; i++) if (LATIN.test(text[i - 1] ?? '') && LATIN.test(text[i] ?? '')) safe[i] = false;
  safe[0] = true;
  safe[n] = true;
  return safe;
}

/** The last safe cut at or before `at` (0 when there is none). */
export function safeCutBefore(text: string, at: number, cuts: readonly boolean[] = safeCuts(text)): number {
  for (let i = Math.min(at, text.length); i > 0; i--) if (cuts[i]) return i;
  return 0;
}

/** Sentence ends, with any closing quote or bracket after them. */
const SENTENCE = /[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)/gu;

/**
 * A text as its sentences, each with its end punctuation; a sentence end inside a quotation does
 * not end the sentence (「提出“三个一”。要求……」 is cut after the closing quote, not inside).
 */
export function sentencesOf(text: string): string[] {
  const cuts = safeCuts(text);
  const out: string[] = [];
  let from = 0;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && m[0]; m = SENTENCE.exec(text)) {
    const end = m.index + m[0].length;
    if (end < text.length && !cuts[end]) continue;
    const s = text.slice(from, end).trim();
    if (s) out.push(s);
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}
