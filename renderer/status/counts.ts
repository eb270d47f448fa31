import { shownStatText, type Doc, type DocBlock } from '../../templates/model';

// a Chinese character or full-width punctuation mark counts one, as WPS and Word count 字数
const ONE_EACH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/gu;
// a run of Latin letters or digits (「2022」「GDP」「21.59」) counts one word
const WORDS = /[\p{Script=Latin}\p{Nd}]+(?:[.,:/-][\p{Script=Latin}\p{Nd}]+)*/gu;

/** 字数 of a text: Chinese characters and full-width punctuation one each, a Latin word or number one. */
export function countWords(text: string): number {
  return (text.match(ONE_EACH)?.length ?? 0) + (text.match(WORDS)?.length ?? 0);
}

function blockText(block: DocBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${block.number}${block.text}`;
    case 'point':
      return `${block.lead}${block.text}`;
    case 'paragraph':
    case 'quote':
      return block.text;
    case 'image':
      return block.caption;
    case 'table':
      return `${block.caption}\n${block.rows.map((r) => r.join('\n')).join('\n')}`;
    case 'stats':
      return `${block.caption}\n${block.stats.map((s) => `${s.label}\n${shownStatText(s)}`).join('\n')}`;
  }
}

/** 字数 of a brief: its title and every block, as the .docx sets them (fields of the masthead aside). */
export function briefWordCount(doc: Doc): number {
  let n = countWords(doc.fields.title) + countWords(doc.fields.subtitle);
  for (const block of doc.blocks) n += countWords(blockText(block));
  return n;
}
