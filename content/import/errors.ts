import { BilingualError } from '../util/errors';

/**
 * The one error type importers throw. Every message says, in words a secretary can act on,
 * what is wrong with the file and what to do next, in Chinese and English.
 */
export const IMPORT_ERROR_CODES = {
  empty: {
    zh: '文件是空的，没有可导入的内容。请确认选择了正确的文件。',
    en: 'The file is empty: nothing to import. Check that you picked the right file.',
  },
  binary: {
    zh: '文件内容不是文字，可能已损坏或不是文本文件。请用 Word 或记事本打开确认后另存一份再导入。',
    en: 'The file does not contain text; it may be damaged or not a text file. Open it in Word or a text editor, save a copy and import that.',
  },
  corrupt: {
    zh: '文件已损坏或内容与扩展名不符，无法读取。请用原来的程序（Word、WPS 或 PDF 阅读器）打开确认，另存一份再导入。',
    en: 'The file is damaged or is not what its name says, and cannot be read. Open it in the program that made it (Word, WPS or a PDF reader), save a copy and import that.',
  },
  encrypted: {
    zh: '文件设置了打开密码，无法读取。请用原来的程序（Word、WPS 或 PDF 阅读器）取消密码后另存一份再导入。',
    en: 'The file is password-protected. Remove the password in the program that made it (Word, WPS or a PDF reader), save a copy and import that.',
  },
  'too-large': {
    zh: '文件过大，超出了可导入的上限。请拆分后分别导入。',
    en: 'The file is too large to import. Split it into smaller files.',
  },
  'inflated-too-large': {
    zh: '文件解压后体积异常巨大（可能是损坏或恶意构造的文件），已拒绝导入。请用 Word 或 WPS 打开后另存一份再导入。',
    en: 'The file would expand to an abnormal size when unpacked (damaged or maliciously crafted), so it was refused. Open it in Word or WPS, save a copy and import that.',
  },
  'old-format': {
    zh: '这是旧版 Word 文件（.doc），不能直接读取。请在 Word 或 WPS 中另存为 .docx 再导入。',
    en: 'This is an old-style Word file (.doc) and cannot be read directly. Save it as .docx in Word or WPS and import that.',
  },
  'no-text-layer': {
    zh: '这个 PDF 是扫描图片，没有文字层，无法提取文字。请找原始 Word 文件，或先用文字识别（OCR）软件转换。',
    en: 'This PDF is a scanned image with no text layer. Use the original Word file, or convert it with OCR first.',
  },
  unsupported: {
    zh: '不支持这种文件格式。请导入 .docx、.txt、.md 或 .pdf 文件，或直接粘贴文字。',
    en: 'This file type is not supported. Import a .docx, .txt, .md or .pdf file, or paste the text.',
  },
  'no-content': {
    zh: '没有从文件中读到任何文字。请确认文件内容后重试。',
    en: 'No text could be read from the file. Check its content and try again.',
  },
} as const;

export type ImportErrorCode = keyof typeof IMPORT_ERROR_CODES;

/** What a file exceeded, as the limits table describes it (content/import/limits.ts). */
export interface ExceededLimit {
  /** what is limited, in both languages: 「PDF 页数」 / "the number of PDF pages" */
  zh: string;
  en: string;
  unit: string;
}

/** A detail for a message: one line, no tabs, short (a parser's text can run to several lines). */
function oneLine(detail: string): string {
  const line = detail
    .replace(/\[xmldom [a-z]+\]/gi, '')
    .split(/[\r\n]/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => l.length > 0);
  return (line ?? '').slice(0, 120);
}

export class ImportError extends BilingualError<ImportErrorCode> {
  override readonly name = 'ImportError';
  /** the limit a file went past, for `too-large` and `inflated-too-large` (IMPORT_LIMITS' key) */
  limit?: string;

  constructor(code: ImportErrorCode, detail?: string, messages?: { zh: string; en: string }) {
    const { zh, en } = messages ?? IMPORT_ERROR_CODES[code];
    const d = detail ? oneLine(detail) : '';
    super(code, d ? `${zh}（${d}）` : zh, d ? `${en} (${d})` : en);
  }

  /** A file past one of the import limits: the message names the limit and its value. */
  static overLimit(name: string, limit: ExceededLimit, value: { zh: string; en: string }): ImportError {
    const unpacked = name.startsWith('docx') && limit.unit === 'bytes';
    const err = new ImportError(unpacked ? 'inflated-too-large' : 'too-large', undefined, {
      zh: `文件超出了导入上限：${limit.zh}超过 ${value.zh}。正常的工作报告远在这个范围以内，这个文件可能已损坏或是特意构造的。请用原来的程序打开检查，另存一份或拆分后再分别导入。`,
      en: `The file is over an import limit: ${limit.en} exceeds ${value.en}. Real reports stay far below it; the file may be damaged or crafted. Open it in the program that made it, check it, and import a saved copy or its parts.`,
    });
    err.limit = name;
    return err;
  }

  override get wireCode(): string {
    return `import-${this.code}`;
  }
}
