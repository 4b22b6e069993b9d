import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeLesson, emptyDocument, openLesson } from '../../src/progress/progressDocument';
import { PROGRESS_SCHEMA_VERSION } from '../../src/schemas/progressBasics';
import type { ProgressDocument } from '../../src/schemas/progress';
import { migrateProgress } from '../../src/storage/migrations';
import { encodeProgress } from '../../src/storage/progressFormat';
import { documentArb } from './helpers/progressArbitraries';
import { sampleManifest as manifest } from './helpers/sampleManifest';

/** What storage or an export file gives back: the stored form after a trip through JSON. */
const throughJson = (doc: ProgressDocument): unknown => JSON.parse(JSON.stringify(encodeProgress(doc))) as unknown;

/** The same instant always written in UTC, as the stored form gives it back. */
const inUtc = (time: string | undefined) => (time === undefined ? undefined : new Date(time).toISOString());

describe('the stored form of progress', () => {
  it('gives back every lesson fact, at the same instants, after storage or an export file', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const back = migrateProgress(throughJson(doc));
        expect(Object.keys(back.lessons).sort()).toEqual(Object.keys(doc.lessons).sort());
        for (const [key, facts] of Object.entries(doc.lessons)) {
          expect(back.lessons[key]?.firstOpenedAt).toBe(inUtc(facts.firstOpenedAt));
          expect(back.lessons[key]?.completedAt).toBe(inUtc(facts.completedAt));
        }
        expect({ ...back, lessons: {} }).toEqual({ ...doc, lessons: {} });
      }),
    );
  });

  it('gives back a document written by this build exactly', () => {
    let doc = emptyDocument('v1', new Date('2026-03-02T08:00:00.000Z'));
    doc = openLesson(doc, { moduleId: 'goals', lessonId: 'measuring' }, { manifest, now: new Date(1_772_438_400_123) });
    doc = completeLesson(
      doc,
      { moduleId: 'goals', lessonId: 'measuring' },
      { manifest, now: new Date(1_772_439_000_456) },
    );
    expect(migrateProgress(throughJson(doc))).toEqual(doc);
    expect(encodeProgress(doc).lessons).toEqual({ goals: { measuring: [1_772_438_400_123, 600_333] } });
  });

  it('starts with what it is, so an export file says so in its first lines', () => {
    const stored = encodeProgress(emptyDocument('v1', new Date()));
    expect(Object.keys(stored).slice(0, 2)).toEqual(['kind', 'schemaVersion']);
    expect(stored.schemaVersion).toBe(PROGRESS_SCHEMA_VERSION);
  });

  it('keeps 1,000 completed lessons under 50 KB', () => {
    let doc = emptyDocument('v1', new Date('2026-01-05T07:00:00.000Z'));
    let at = Date.parse('2026-01-05T07:00:00.000Z');
    for (let n = 0; n < 1000; n++) {
      const ref = { moduleId: `module-${String(n % 7)}`, lessonId: `lesson-${String(n)}` };
      doc = openLesson(doc, ref, { manifest, now: new Date((at += 61_123)) });
      doc = completeLesson(doc, ref, { manifest, now: new Date((at += 423_457)) });
    }
    const bytes = JSON.stringify(encodeProgress(doc)).length;
    expect(bytes).toBeLessThan(50 * 1024);
    // The readable form of the same facts is more than twice as large.
    expect(JSON.stringify(doc).length).toBeGreaterThan(2 * bytes);
  });
});
