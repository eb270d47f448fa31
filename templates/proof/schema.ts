import { z } from 'zod';
import { issueZh } from '../schema';

/**
 * Proofreading rules as data: word lists an office can read, extend and switch off without a new
 * build. A rule file holds entries of a few types; each entry names its source (the standard, the
 * dictionary, the document that fixed a name) and carries examples of text it must flag and text
 * it must leave alone, which the app runs before it uses the entry.
 *
 * Contexts (`prev`, `next`, `notPrev`, `notNext`) are lists of literal strings, or one of the
 * tokens {数字} (a digit or Chinese numeral), {汉字} (a Chinese character), {标点} (a mark, or the
 * start or end of the text). There are no regular expressions: an office's file cannot make the
 * checker slow, and what an entry matches can be read off it.
 */

export const PROOF_RULES_FORMAT = 'briefing-studio/proof-rules';
export const PROOF_RULES_VERSION = 1;

/** The kinds a word-list entry may report as. */
export const ENTRY_KINDS = ['punct', 'number', 'confusion', 'wording'] as const;

export { CONTEXT_TOKENS } from './tokens';

const Phrase = z.string().min(1).max(200);
const Context = z.array(z.string().min(1).max(40)).min(1).max(300);
const Example = z.string().min(1).max(1000);

const common = {
  /** unique across every rule file: what 全部忽略此类 and an `off` entry refer to */
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'must be lowercase letters, digits, dots and dashes'),
  /** where the rule comes from: a standard and its clause, a dictionary, a document */
  source: z.string().min(1).max(300),
  /** why, in Chinese, shown with each finding */
  why: z.string().min(1).max(300),
  /** why, in English, for the English screen and the command line */
  whyEn: z.string().min(1).max(300).optional(),
  /** text the entry must flag (`wrong`) and text it must leave alone (`right`) */
  examples: z.object({
    wrong: z.array(Example).min(1).max(30),
    right: z.array(Example).max(30).default([]),
  }),
};

/** A wrong form and its correction, in the contexts given. */
const ReplaceEntrySchema = z.object({
  type: z.literal('replace'),
  kind: z.enum(ENTRY_KINDS),
  find: Phrase,
  /** the correction for `find`, or null when only a person can say what is right */
  fix: z.string().max(200).nullable(),
  /** one of these must come right before / after the match */
  prev: Context.optional(),
  next: Context.optional(),
  /** none of these may come right before / after the match */
  notPrev: Context.optional(),
  notNext: Context.optional(),
  /** leave the match alone inside a cited title 《…》 (an old name in an old document's title is right) */
  outsideTitles: z.boolean().optional(),
  ...common,
});

/** A short form that needs its full form before its first use in a document. */
const FullFormEntrySchema = z.object({
  type: z.literal('full-form'),
  short: Phrase,
  /** the full forms, the first of them the suggestion; any of them earlier in the text introduces `short` */
  full: z.array(Phrase).min(1).max(10),
  /** the short form counts only with one of these after it (「二十大」 the congress, not 「二十大项」) */
  next: Context.optional(),
  notPrev: Context.optional(),
  ...common,
});

/**
 * A fixed list whose order is part of its wording (「四个意识」: 政治意识、大局意识、核心意识、
 * 看齐意识; 「市委、市政府」). The list counts only when its last item ends there: 「市政府、市委组织部」
 * is not 「市委、市政府」 the wrong way round.
 */
const SequenceEntrySchema = z.object({
  type: z.literal('sequence'),
  name: Phrase,
  items: z.array(Phrase).min(2).max(30),
  ...common,
});

/** Fixed expressions written with Chinese numerals (「十四五」「两个维护」「第一议题」): never in Arabic. */
const NumeralTermsEntrySchema = z.object({
  type: z.literal('numeral-terms'),
  terms: z.array(Phrase).min(1).max(500),
  /** the Arabic form is right with one of these after it: 「4个意识形态阵地」 counts */
  notNext: Context.optional(),
  ...common,
});

/**
 * Doubled function characters (「的的」): the character, the two-character words that end or
 * start with it (a double between two such words is two words meeting: 「目的的」「为了了解」),
 * and longer forms in which the double is right (「的的确确」).
 */
const ParticleEntrySchema = z.object({
  type: z.literal('particle'),
  char: z.string().length(1),
  words: z.array(z.string().min(2).max(10)).max(500).default([]),
  except: z.array(Phrase).max(200).default([]),
  ...common,
});

/** Words whose repetition is right (「研究研究」「认认真真」「天天」): the repeat rule leaves them alone. */
const RepeatAllowedEntrySchema = z.object({
  type: z.literal('repeat-allowed'),
  id: common.id,
  words: z.array(Phrase).min(1).max(2000),
  source: common.source,
});

/** Switch a rule off (a built-in entry, or a built-in check by its id such as `punct.ordinal`). */
const OffEntrySchema = z.object({
  type: z.literal('off'),
  rule: common.id,
  why: z.string().max(300).optional(),
});

export const ProofEntrySchema = z.discriminatedUnion('type', [
  ReplaceEntrySchema,
  FullFormEntrySchema,
  SequenceEntrySchema,
  NumeralTermsEntrySchema,
  ParticleEntrySchema,
  RepeatAllowedEntrySchema,
  OffEntrySchema,
]);
export type ProofEntry = z.infer<typeof ProofEntrySchema>;
export type ReplaceEntry = z.infer<typeof ReplaceEntrySchema>;
export type FullFormEntry = z.infer<typeof FullFormEntrySchema>;
export type SequenceEntry = z.infer<typeof SequenceEntrySchema>;
export type NumeralTermsEntry = z.infer<typeof NumeralTermsEntrySchema>;
export type ParticleEntry = z.infer<typeof ParticleEntrySchema>;
export type RepeatAllowedEntry = z.infer<typeof RepeatAllowedEntrySchema>;
export type OffEntry = z.infer<typeof OffEntrySchema>;

export const ProofRuleFileSchema = z.object({
  format: z.literal(PROOF_RULES_FORMAT),
  version: z.literal(PROOF_RULES_VERSION),
  name: z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(100).optional() }),
  entries: z.array(ProofEntrySchema).max(5000),
});
export type ProofRuleFile = z.infer<typeof ProofRuleFileSchema>;

/** A rule file (or one of its entries) that cannot be used: the file, the field, what is wrong. */
export class ProofRuleError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly problemZh: string = problem,
  ) {
    super(
      `校对规则 ${file} 无效：字段「${field}」${problemZh}（proofreading rules ${file}: field "${field}" ${problem}）`,
    );
    this.name = 'ProofRuleError';
  }

  get messageZh(): string {
    return `校对规则 ${this.file} 无效：字段「${this.field}」${this.problemZh}`;
  }

  get messageEn(): string {
    return `proofreading rules ${this.file} are invalid: field "${this.field}" ${this.problem}`;
  }
}

/** Validate a rule file's data, naming the first bad field by its path (e.g. `entries.3.find`). */
export function parseProofRuleFile(data: unknown, file: string): ProofRuleFile {
  const result = ProofRuleFileSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new ProofRuleError(file, field, issue?.message ?? 'is invalid', issue ? issueZh(issue) : '无效');
}
