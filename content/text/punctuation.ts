/**
 * Official Chinese text uses full-width punctuation. Text pasted from newspapers, web pages and
 * PDFs often carries half-width commas, colons and brackets between Chinese characters
 * (「征途漫漫,唯有奋斗」, 「河(湖)长制」), which an office would have to fix by hand before a brief
 * goes out. This turns them into their full-width forms where they sit in Chinese text, and
 * leaves numbers (1,000 / 8:30), Latin text and URLs alone.
 */

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》]/;
const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK_CHAR.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

export function officialPunctuation(text: string): string {
  if (!/[,;:?!()"]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const full = FULL[ch];
    if (full) {
      const prev = text[i - 1];
      const next = text[i + 1];
      const betweenDigits = isDigit(prev) && isDigit(next);
      const sentenceEnd = ch === '?' || ch === '!';
      const chinese = sentenceEnd ? isCjk(prev) : isCjk(prev) || isCjk(next);
      out += chinese && !betweenDigits ? full : ch;
    } else out += ch;
  }
  // brackets and straight quotes are converted as pairs, and only around or beside Chinese text
  out = out.replace(/(.?)\(([^()]*)\)/g, (m, before: string, inner: string) =>
    isCjk(before) || CJK_CHAR.test(inner) ? `${before}（${inner}）` : m,
  );
  out = out.replace(/"([^"\n]*)"/g, (m, inner: string) => (CJK_CHAR.test(inner) ? `“${inner}”` : m));
  return out;
}
