/*
 * The order in which a knowledge check shows a question's options. Authors tend to write the right
 * answer first (and longest), so the authored order would give the key away. The order is drawn from a
 * seed instead of stored: the same question in the same attempt always gets the same order, so a
 * reload mid-attempt shows what the learner saw, and a new attempt (the attempt count in the progress
 * document) gets a new one. Pure: no DOM, storage or randomness of its own.
 */

/** A 32-bit hash of a string (FNV-1a): spreads similar seeds such as "tools/q1/0" and "tools/q1/1". */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mulberry32: a small, well-mixed pseudo-random generator of numbers in [0, 1). */
function generatorOf(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A permutation of 0…count−1 for `seed`: position i shows authored option `order[i]`. Never the
 * authored order itself (for two or more options), so a learner never sees the options as written.
 */
export function optionOrder(seed: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = generatorOf(hashOf(seed));
  // Fisher–Yates.
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  // A shuffle may land on the authored order; turn it by one so the first option moves.
  if (count > 1 && order.every((value, i) => value === i)) order.push(order.shift() ?? 0);
  return order;
}

/** The seed of one question in one attempt. Attempt 0 is also the order of the page without JavaScript. */
export function questionSeed(moduleId: string, questionId: string, attempt: number): string {
  return `${moduleId}/${questionId}/${attempt}`;
}
