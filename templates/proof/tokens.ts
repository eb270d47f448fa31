/**
 * The tokens a word-list context may use besides literal text (kept apart from the schema so the
 * checker reads them without loading zod).
 */
export const CONTEXT_TOKENS = ['{数字}', '{汉字}', '{标点}'] as const;
