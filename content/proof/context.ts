import { isChineseDigit, isCjkPunct, isDigit, isHan } from './chars';
import { CONTEXT_TOKENS } from '../../templates/proof/tokens';

/**
 * The contexts of a word-list entry: literal strings, or the tokens {数字} {汉字} {标点}. A token
 * stands for one character (or, for {标点}, also the start or end of the text).
 */

type Token = (typeof CONTEXT_TOKENS)[number];
const isToken = (s: string): s is Token => (CONTEXT_TOKENS as readonly string[]).includes(s);

const isMark = (ch: string | undefined): boolean =>
  ch === undefined || ch === '' || isCjkPunct(ch) || /^[\s,.;:?!()"'\-[\]]$/.test(ch);

function tokenMatches(token: Token, ch: string | undefined): boolean {
  switch (token) {
    case '{数字}':
      return ch !== undefined && (isDigit(ch) || isChineseDigit(ch));
    case '{汉字}':
      return isHan(ch);
    case '{标点}':
      return isMark(ch);
  }
}

/** A context string that is neither a token nor plain text: a misspelt token such as {数子}. */
export function badContext(item: string): boolean {
  return /^\{.*\}$/.test(item) && !isToken(item);
}

/** Does one of `list` come right after position `at`? */
export function nextMatches(text: string, at: number, list: readonly string[]): boolean {
  return list.some((item) => (isToken(item) ? tokenMatches(item, text[at]) : text.startsWith(item, at)));
}

/** Does one of `list` come right before position `at`? */
export function prevMatches(text: string, at: number, list: readonly string[]): boolean {
  return list.some((item) =>
    isToken(item)
      ? tokenMatches(item, at > 0 ? text[at - 1] : undefined)
      : at >= item.length && text.startsWith(item, at - item.length),
  );
}
