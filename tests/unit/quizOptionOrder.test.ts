import { describe, expect, it } from 'vitest';
import { optionOrder, questionSeed } from '../../src/quiz/optionOrder';

const sorted = (order: number[]): number[] => [...order].sort((a, b) => a - b);

describe('the order of a question’s options', () => {
  it('is a permutation of every option', () => {
    for (let count = 1; count <= 6; count++) {
      for (let attempt = 0; attempt < 20; attempt++) {
        expect(sorted(optionOrder(questionSeed('tools', 'q', attempt), count))).toEqual(
          Array.from({ length: count }, (_, i) => i),
        );
      }
    }
  });

  it('is the same for the same question and attempt, so a reload shows the same order', () => {
    expect(optionOrder(questionSeed('goals', 'impact', 2), 4)).toEqual(
      optionOrder(questionSeed('goals', 'impact', 2), 4),
    );
  });

  it('is never the authored order', () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      expect(optionOrder(questionSeed('tools', 'lcc', attempt), 2)).toEqual([1, 0]);
      expect(optionOrder(questionSeed('tools', 'lcc', attempt), 4)).not.toEqual([0, 1, 2, 3]);
    }
  });

  it('changes between attempts and puts each option first about equally often', () => {
    const firsts = [0, 0, 0, 0];
    const orders = new Set<string>();
    for (let attempt = 0; attempt < 400; attempt++) {
      const order = optionOrder(questionSeed('background', 'why', attempt), 4);
      orders.add(order.join());
      firsts[order[0] ?? 0] = (firsts[order[0] ?? 0] ?? 0) + 1;
    }
    expect(orders.size).toBeGreaterThan(15);
    // 100 expected for each; the turn away from the authored order moves a little weight off option 1.
    for (const count of firsts) expect(count).toBeGreaterThan(60);
  });
});
