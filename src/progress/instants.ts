/**
 * Ordering of stored ISO times. Times are compared as instants, and equal instants written
 * differently (offsets) fall back to comparing the text, so the order is total: merges that pick
 * "earliest" or "latest" give the same answer whichever tab runs them.
 */
export function compareInstants(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  if (difference < 0) return -1;
  if (difference > 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two optional times; a missing time never wins. */
export function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareInstants(a, b) <= 0 ? a : b;
}

/** The later of two optional times; a missing time never wins. */
export function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareInstants(a, b) >= 0 ? a : b;
}
