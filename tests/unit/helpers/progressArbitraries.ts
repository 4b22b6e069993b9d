import fc from 'fast-check';
import { PROGRESS_SCHEMA_VERSION } from '../../../src/schemas/progressBasics';
import type { ProgressDocument } from '../../../src/schemas/progress';
import { lessonsOf, sampleManifest as manifest } from './sampleManifest';

/** Random progress documents in the readable form, for property tests. */

// Few distinct values so that collisions (equal keys, equal times) are common. Two of the times are
// the same instant written differently, which exercises the deterministic tie-breaks.
const time = fc.constantFrom(
  '2025-01-01T12:00:00.000Z',
  '2025-01-01T14:00:00.000+02:00',
  '2025-01-01T12:00:01.000Z',
  '2025-01-02T08:30:00.000Z',
  '2025-02-10T23:59:59.999Z',
);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** Drops undefined properties, as stored documents have none. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const lessonKey = fc.constantFrom(
  ...lessonsOf(manifest).map((l) => `${l.moduleId}/${l.lessonId}`),
  'background/removed-lesson',
);
const moduleId = fc.constantFrom('background', 'goals', 'teamwork');
const lessonFacts = fc.record({ firstOpenedAt: maybe(time), completedAt: maybe(time) }).map((facts) => compact(facts));
const quizFacts = fc
  .record({
    attempts: fc.integer({ min: 0, max: 5 }),
    bestScore: fc.constantFrom(0, 0.4, 0.8, 1),
    passedAt: maybe(time),
    lastAttemptAt: maybe(time),
  })
  .map((facts) => compact(facts));
const note = fc.record({ text: fc.constantFrom('', 'a', 'b', 'Ajatus'), updatedAt: time });

export const documentArb: fc.Arbitrary<ProgressDocument> = fc
  .record({
    contentVersion: fc.constantFrom('v1', 'v2'),
    updatedAt: time,
    courseStartedAt: maybe(time),
    courseCompletedAt: maybe(time),
    certificate: maybe(fc.record({ name: fc.constantFrom('Aino', 'Eino'), updatedAt: time })),
    lastLocation: maybe(
      fc
        .record({ moduleId, lessonId: maybe(fc.constantFrom('measuring', 'key-terms')), at: time })
        .map((location) => compact(location)),
    ),
    lessons: fc.dictionary(lessonKey, lessonFacts, { maxKeys: 5 }),
    quizzes: fc.dictionary(moduleId, quizFacts, { maxKeys: 3 }),
    notes: fc.dictionary(lessonKey, note, { maxKeys: 3 }),
  })
  .map((fields) =>
    compact({ kind: 'hankintapolku.progress' as const, schemaVersion: PROGRESS_SCHEMA_VERSION, ...fields }),
  );
