import confusions from './confusions.json';
import numerals from './numerals.json';
import repeats from './repeats.json';
import wording from './wording.json';

/**
 * The proofreading rules that ship with the app, as data files: the names messages give them and
 * their parsed JSON. They are validated (schema and each entry's own examples) like an office's
 * rule files, by the same loader.
 */
export const BUILTIN_PROOF_SOURCES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'templates/proof/confusions.json', data: confusions },
  { file: 'templates/proof/wording.json', data: wording },
  { file: 'templates/proof/numerals.json', data: numerals },
  { file: 'templates/proof/repeats.json', data: repeats },
];
