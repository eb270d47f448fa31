/**
 * An error a person can act on: a code for programs and tests, and what went wrong and what to
 * do next in Chinese (shown in the UI) and English. Importers, project files and attachments throw
 * their own kinds of it; main's AppError is one too, so every layer reports them the same way.
 * Each kind names itself (`name`) in a string: bundlers rename classes.
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
