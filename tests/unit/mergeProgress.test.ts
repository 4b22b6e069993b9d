import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameDocument, merge } from '../../src/progress/mergeProgress';
import { emptyDocument } from '../../src/progress/progressDocument';
import { lessonStatus, moduleStatus, percentComplete, quizStatus } from '../../src/progress/selectors';
import { progressDocumentSchema, type ProgressDocument } from '../../src/schemas/progress';
import { documentArb } from './helpers/progressArbitraries';
import { lessonsOf, sampleManifest as manifest } from './helpers/sampleManifest';

/*
 * Tabs merge each other's documents in whatever order they arrive, so merge must be a join:
 * commutative, associative, idempotent, and it must never lose progress.
 */

const statusRank = { 'not-started': 0, 'in-progress': 1, completed: 2 } as const;

describe('merging progress documents', () => {
  it('gives the same result whichever document comes first (commutative)', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
    );
  });

  it('gives the same result however three documents are grouped (associative)', () => {
    fc.assert(
      fc.property(documentArb, documentArb, documentArb, (a, b, c) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
    );
  });

  it('changes nothing when a document is merged with itself (idempotent)', () => {
    fc.assert(
      fc.property(documentArb, (a) => {
        expect(merge(a, a)).toEqual(a);
      }),
    );
  });

  it('changes nothing when a document already merged in arrives again', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        const once = merge(a, b);
        expect(isSameDocument(merge(once, b), once)).toBe(true);
      }),
    );
  });

  it('never loses a completed lesson, and keeps the earliest completion time', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        const merged = merge(a, b);
        for (const [key, facts] of Object.entries(a.lessons)) {
          if (facts.completedAt === undefined) continue;
          const kept = merged.lessons[key]?.completedAt;
          expect(kept).toBeDefined();
          expect(Date.parse(kept ?? '')).toBeLessThanOrEqual(Date.parse(facts.completedAt));
        }
      }),
    );
  });

  it('never moves progress backwards for any lesson, check, module or the course', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        const merged = merge(a, b);
        for (const side of [a, b]) {
          expect(percentComplete(merged, manifest)).toBeGreaterThanOrEqual(percentComplete(side, manifest));
          for (const m of manifest.modules) {
            expect(statusRank[moduleStatus(merged, manifest, m.id)]).toBeGreaterThanOrEqual(
              statusRank[moduleStatus(side, manifest, m.id)],
            );
            expect(statusRank[quizStatus(merged, manifest, m.id)]).toBeGreaterThanOrEqual(
              statusRank[quizStatus(side, manifest, m.id)],
            );
          }
          for (const l of lessonsOf(manifest)) {
            expect(statusRank[lessonStatus(merged, manifest, l.moduleId, l.lessonId)]).toBeGreaterThanOrEqual(
              statusRank[lessonStatus(side, manifest, l.moduleId, l.lessonId)],
            );
          }
        }
      }),
    );
  });

  it('always produces a valid stored document', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        expect(progressDocumentSchema.safeParse(merge(a, b)).success).toBe(true);
      }),
    );
  });
});

describe('merge rules for single fields', () => {
  const base = emptyDocument('v1', new Date('2025-01-01T00:00:00.000Z'));

  it('keeps the later note and the later certificate name', () => {
    const a: ProgressDocument = {
      ...base,
      notes: { 'goals/measuring': { text: 'old', updatedAt: '2025-01-01T10:00:00.000Z' } },
      certificate: { name: 'Aino V', updatedAt: '2025-01-03T10:00:00.000Z' },
    };
    const b: ProgressDocument = {
      ...base,
      notes: { 'goals/measuring': { text: 'new', updatedAt: '2025-01-02T10:00:00.000Z' } },
      certificate: { name: 'Aino', updatedAt: '2025-01-02T10:00:00.000Z' },
    };
    const merged = merge(a, b);
    expect(merged.notes['goals/measuring']?.text).toBe('new');
    expect(merged.certificate?.name).toBe('Aino V');
  });

  it('adds up quiz facts: most attempts, best score, first pass, last attempt', () => {
    const a: ProgressDocument = {
      ...base,
      quizzes: { goals: { attempts: 3, bestScore: 0.6, lastAttemptAt: '2025-01-05T00:00:00.000Z' } },
    };
    const b: ProgressDocument = {
      ...base,
      quizzes: {
        goals: {
          attempts: 2,
          bestScore: 0.8,
          passedAt: '2025-01-02T00:00:00.000Z',
          lastAttemptAt: '2025-01-02T00:00:00.000Z',
        },
      },
    };
    expect(merge(a, b).quizzes['goals']).toEqual({
      attempts: 3,
      bestScore: 0.8,
      passedAt: '2025-01-02T00:00:00.000Z',
      lastAttemptAt: '2025-01-05T00:00:00.000Z',
    });
  });

  it('takes the content version of the most recently updated document', () => {
    const older = { ...base, contentVersion: 'old', updatedAt: '2025-01-01T00:00:00.000Z' };
    const newer = { ...base, contentVersion: 'new', updatedAt: '2025-01-02T00:00:00.000Z' };
    expect(merge(older, newer).contentVersion).toBe('new');
    expect(merge(newer, older).updatedAt).toBe('2025-01-02T00:00:00.000Z');
  });
});
