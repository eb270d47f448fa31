import { describe } from 'vitest';
import { HAS_SHARED_REPORT } from './paths';

/**
 * A block of acceptance tests on the shared district report. Where ../shared/fixtures is not
 * beside the checkout (a user's clone) the block is skipped, and its name says why, so the run
 * lists it and counts it as skipped rather than passed.
 */
export function describeSharedReport(name: string, fn: () => void): void {
  describe.skipIf(!HAS_SHARED_REPORT)(`${name} [acceptance: needs ../shared/fixtures]`, fn);
}
