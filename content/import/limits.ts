import { ImportError } from './errors';

/**
 * What an import may read, unpack and build, set by what a real report needs with wide room to
 * spare. A 300-page 政府工作报告 in Word is a document.xml of 5–20 MB and some 10,000
 * paragraphs; as a PDF, a few hundred pages whose content streams are tens of kilobytes each.
 * A file past any of these is damaged or crafted (a zip or PDF bomb), and the import stops as soon
 * as the limit is crossed, while it is unpacking or reading, never after building the whole thing,
 * with a message that names the limit. One limit per thing, here and nowhere else.
 */
export const IMPORT_LIMITS = {
  /** the file itself */
  fileBytes: { max: 200 * 1024 * 1024, unit: 'bytes', zh: '文件大小', en: 'the file size' },
  /** a .docx unpacked, all its parts together (pictures included) */
  docxUnpackedBytes: {
    max: 256 * 1024 * 1024,
    unit: 'bytes',
    zh: 'Word 文件解压后的总大小',
    en: 'the unpacked size of the Word file',
  },
  /** one XML part of a .docx unpacked: document.xml, styles, numbering … */
  docxXmlBytes: {
    max: 32 * 1024 * 1024,
    unit: 'bytes',
    zh: 'Word 文件中一个 XML 部件（如正文 document.xml）解压后的大小',
    en: 'the unpacked size of one XML part of the Word file (such as document.xml)',
  },
  /**
   * XML elements in the parts of a .docx that are read (the text, notes, comments, styles): what
   * reading one costs grows with them, some 2 KB of memory each. A 1,000-page report has ~300,000.
   */
  docxXmlElements: {
    max: 600_000,
    unit: 'count',
    zh: 'Word 文件正文部分的 XML 元素数',
    en: 'the number of XML elements in the text of the Word file',
  },
  /** how deep XML elements nest (Word nests a table in a table in a content control: a few dozen) */
  xmlDepth: { max: 512, unit: 'levels', zh: 'XML 元素的嵌套层数', en: 'the nesting depth of its XML' },
  /** paragraphs, lines, pictures and tables read from the file */
  blocks: { max: 500_000, unit: 'count', zh: '段落数', en: 'the number of paragraphs' },
  /** characters of text read from the file (a long report is one or two million) */
  textChars: { max: 40_000_000, unit: 'chars', zh: '文字总量', en: 'the amount of text' },
  /** pages of a PDF */
  pdfPages: { max: 1_000, unit: 'pages', zh: 'PDF 页数', en: 'the number of PDF pages' },
  /**
   * one PDF stream decoded (a page's content, a form, an object stream), fonts and pictures aside:
   * a page of text is tens of kilobytes, a page of dense vector drawing a few megabytes
   */
  pdfStreamBytes: {
    max: 8 * 1024 * 1024,
    unit: 'bytes',
    zh: 'PDF 中一个数据流（页面内容等）解压后的大小',
    en: 'the decoded size of one PDF stream (page content and the like)',
  },
  /** one font embedded in a PDF, decoded: a whole Chinese font embedded unsubsetted is 10–20 MB */
  pdfFontBytes: {
    max: 32 * 1024 * 1024,
    unit: 'bytes',
    zh: 'PDF 中一个嵌入字体解压后的大小',
    en: 'the decoded size of one font embedded in the PDF',
  },
  /** pieces of text on one PDF page (a dense table of figures has a few thousand) */
  pdfPageRuns: {
    max: 50_000,
    unit: 'count',
    zh: 'PDF 一页上的文字片段数',
    en: 'the number of pieces of text on one PDF page',
  },
  /** every PDF stream decoded, pictures aside */
  pdfDecodedBytes: {
    max: 512 * 1024 * 1024,
    unit: 'bytes',
    zh: 'PDF 数据流解压后的总大小',
    en: 'the decoded size of all PDF streams',
  },
} as const satisfies Record<string, ImportLimit>;

interface ImportLimit {
  max: number;
  unit: 'bytes' | 'count' | 'chars' | 'pages' | 'levels';
  zh: string;
  en: string;
}

export type ImportLimitName = keyof typeof IMPORT_LIMITS;

/** A limit's value as people read it: 「64 MB」, 「50 万」 / "500,000". */
export function formatLimit(name: ImportLimitName): { zh: string; en: string } {
  const { max, unit } = IMPORT_LIMITS[name];
  switch (unit) {
    case 'bytes': {
      const mb = max / 1024 / 1024;
      return { zh: `${mb} MB`, en: `${mb} MB` };
    }
    case 'count':
    case 'chars': {
      const zh = max >= 10_000 ? `${max / 10_000} 万${unit === 'chars' ? '字' : '个'}` : `${max} 个`;
      return { zh, en: `${max.toLocaleString('en-US')}${unit === 'chars' ? ' characters' : ''}` };
    }
    case 'pages':
      return { zh: `${max} 页`, en: `${max.toLocaleString('en-US')} pages` };
    case 'levels':
      return { zh: `${max} 层`, en: `${max} levels` };
  }
}

/** The error for a file past one of the limits: which one, and what to do. */
export function overLimit(name: ImportLimitName): ImportError {
  return ImportError.overLimit(name, IMPORT_LIMITS[name], formatLimit(name));
}

/** Throw when `value` is past the limit `name`. */
export function checkLimit(name: ImportLimitName, value: number): void {
  if (value > IMPORT_LIMITS[name].max) throw overLimit(name);
}

/**
 * Counts what an importer builds as it goes (blocks, characters), throwing the moment a count
 * passes its limit, so a file that would build millions of paragraphs stops at the limit.
 */
export class BuildBudget {
  private blocks = 0;
  private chars = 0;

  block(chars: number): void {
    if (++this.blocks > IMPORT_LIMITS.blocks.max) throw overLimit('blocks');
    this.text(chars);
  }

  text(chars: number): void {
    this.chars += chars;
    if (this.chars > IMPORT_LIMITS.textChars.max) throw overLimit('textChars');
  }
}
