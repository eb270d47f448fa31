/**
 * An error a person can act on: a code for programs and tests, and what went wrong and what to
 * do next in Chinese (shown in the UI) and English. Importers, project files, attachments and
 * templates throw their own kinds of it; main's AppError is one too, so every layer reports them
 * the same way. It lives here, in the lowest layer, so templates can throw it too (content/
 * re-exports it from content/util/errors.ts). Each kind names itself (`name`) in a string:
 * bundlers rename classes.
 */
export class BilingualError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }

  /** The code the page sees; a kind of error may name its domain in it. */
  get wireCode(): string {
    return this.code;
  }
}

const KIND_ZH = { deck: '幻灯片主题', brief: '简报格式' } as const;
const KIND_EN = { deck: 'slide theme', brief: 'brief format' } as const;

/** A template file that does not validate: names the file and the field, in both languages. */
export class TemplateError extends BilingualError<'template-invalid'> {
  override readonly name: string = 'TemplateError';

  constructor(
    readonly file: string,
    readonly field: string,
    /** what is wrong with the field, in English */
    readonly problem: string,
    /** the problem in Chinese, for the app's notice; the English words when there is none */
    problemZh: string = problem,
  ) {
    super(
      'template-invalid',
      `模板 ${file} 无效：字段「${field}」${problemZh}`,
      `template ${file} is invalid: field "${field}" ${problem}`,
    );
  }
}

/**
 * A template asked for by id that this registry does not have: a project made with someone's own
 * template, opened where that template is not in the templates folder. Retrying cannot help;
 * choosing another template or putting the file back can.
 */
export class UnknownTemplateError extends BilingualError<'template-unknown'> {
  override readonly name: string = 'UnknownTemplateError';

  constructor(
    readonly kind: 'deck' | 'brief',
    readonly id: string,
    known: readonly string[],
  ) {
    super(
      'template-unknown',
      `找不到${KIND_ZH[kind]}「${id}」：本机的模板里没有它（可能已从模板文件夹移走或改了名）。请在「模板」菜单中另选一个${KIND_ZH[kind]}，或把模板文件放回模板文件夹，再选「重新读取模板文件夹」。现有的${KIND_ZH[kind]}：${known.join('、')}。`,
      `The ${KIND_EN[kind]} "${id}" is not among this computer's templates (it may have been moved out of the templates folder or renamed). Choose another ${KIND_EN[kind]} in the Template menu, or put its file back in the templates folder and choose Reload templates folder. Available: ${known.join(', ')}.`,
    );
  }
}
