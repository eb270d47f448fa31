/**
 * Work done by statistics extraction, in characters examined, for the test that proves it linear
 * in the input (doubling the text must not quadruple the work). Counting is a plain addition per
 * pass or per window, cheap enough to stay in the product.
 */
export const extractionWork = { steps: 0 };

/** Record `n` characters examined. */
export function countWork(n: number): void {
  extractionWork.steps += n;
}
