/**
 * The one bilingual error kind. It is defined in templates/errors.ts, the lowest layer, so that
 * templates throw it too; content and main take it from here.
 */
export { BilingualError } from '../../templates/errors';
