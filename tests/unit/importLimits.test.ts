import { describe, expect, it } from 'vitest';
import { keepKnown } from '../../src/progress/importSummary';
import { emptyDocument } from '../../src/progress/progressDocument';
import type { ProgressDocument } from '../../src/schemas/progress';
import { sampleManifest } from './helpers/sampleManifest';

const at = '2026-11-01T08:00:00.000Z';
const known = sampleManifest.modules[0];
const knownKey = `${known?.id ?? ''}/${known?.lessons[0]?.id ?? ''}`;

describe('an imported progress document', () => {
  it('keeps only modules and lessons of this course, and counts what it left out', () => {
    const lessons: ProgressDocument['lessons'] = { [knownKey]: { completedAt: at } };
    for (let i = 0; i < 25_000; i++) lessons[`elsewhere/lesson-${String(i)}`] = { completedAt: at };
    const doc: ProgressDocument = {
      ...emptyDocument('x', new Date(at)),
      lessons,
      quizzes: { elsewhere: { attempts: 1, bestScore: 1, lastAttemptAt: at } },
      notes: { 'elsewhere/lesson-1': { text: 'muu kurssi', updatedAt: at } },
      lastLocation: { moduleId: 'elsewhere', at },
    };
    const { doc: kept, dropped } = keepKnown(doc, sampleManifest);
    expect(dropped).toBe(25_002);
    expect(Object.keys(kept.lessons)).toEqual([knownKey]);
    expect(kept.quizzes).toEqual({});
    expect(kept.notes).toEqual({});
    expect(kept.lastLocation).toBeUndefined();
  });

  it('is returned as it is when everything in it belongs to this course', () => {
    const doc: ProgressDocument = { ...emptyDocument('x', new Date(at)), lessons: { [knownKey]: { completedAt: at } } };
    expect(keepKnown(doc, sampleManifest)).toEqual({ doc, dropped: 0 });
  });
});
