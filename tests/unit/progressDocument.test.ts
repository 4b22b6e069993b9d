import { describe, expect, it } from 'vitest';
import {
  completeLesson,
  emptyDocument,
  openLesson,
  recordQuizAttempt,
  reconcile,
  saveNote,
  setCertificateName,
  setLocation,
} from '../../src/progress/progressDocument';
import { progressDocumentSchema, type ProgressDocument } from '../../src/schemas/progress';
import { NOTE_MAX_LENGTH } from '../../src/schemas/progressBasics';
import { changedManifest, lessonsOf, sampleManifest } from './helpers/sampleManifest';

const t = (minute: number): Date => new Date(Date.UTC(2025, 0, 1, 12, minute));
const at = (minute: number) => ({ manifest: sampleManifest, now: t(minute) });

function finishCourse(doc: ProgressDocument): ProgressDocument {
  let result = doc;
  lessonsOf(sampleManifest).forEach((lesson, index) => {
    result = completeLesson(result, lesson, at(10 + index));
  });
  result = recordQuizAttempt(result, { moduleId: 'background', score: 1 }, at(30));
  return recordQuizAttempt(result, { moduleId: 'goals', score: 0.8 }, at(31));
}

describe('progress document updates', () => {
  it('starts empty, valid and stamped with the content version', () => {
    const doc = emptyDocument('v1', t(0));
    expect(progressDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ contentVersion: 'v1', updatedAt: t(0).toISOString(), lessons: {}, quizzes: {} });
  });

  it('records the first opening of a lesson and the start of the course', () => {
    const doc = openLesson(emptyDocument('v1', t(0)), { moduleId: 'background', lessonId: 'key-terms' }, at(1));
    expect(doc.lessons['background/key-terms']).toEqual({ firstOpenedAt: t(1).toISOString() });
    expect(doc.courseStartedAt).toBe(t(1).toISOString());
    expect(doc.updatedAt).toBe(t(1).toISOString());
  });

  it('keeps the first opening time when a lesson is opened again, and returns the same document', () => {
    const once = openLesson(emptyDocument('v1', t(0)), { moduleId: 'goals', lessonId: 'measuring' }, at(1));
    const twice = openLesson(once, { moduleId: 'goals', lessonId: 'measuring' }, at(5));
    expect(twice).toBe(once);
  });

  it('does not change the document it was given', () => {
    const empty = emptyDocument('v1', t(0));
    const snapshot = structuredClone(empty);
    completeLesson(empty, { moduleId: 'goals', lessonId: 'measuring' }, at(1));
    expect(empty).toEqual(snapshot);
  });

  it('completing a lesson also opens it, and completing it again keeps the first time', () => {
    const ref = { moduleId: 'goals', lessonId: 'measuring' };
    const doc = completeLesson(emptyDocument('v1', t(0)), ref, at(2));
    expect(doc.lessons['goals/measuring']).toEqual({
      firstOpenedAt: t(2).toISOString(),
      completedAt: t(2).toISOString(),
    });
    expect(completeLesson(doc, ref, at(9))).toBe(doc);
  });

  it('counts quiz attempts, keeps the best score and passes at the pass mark', () => {
    let doc = recordQuizAttempt(emptyDocument('v1', t(0)), { moduleId: 'goals', score: 0.6 }, at(1));
    expect(doc.quizzes['goals']).toEqual({ attempts: 1, bestScore: 0.6, lastAttemptAt: t(1).toISOString() });
    doc = recordQuizAttempt(doc, { moduleId: 'goals', score: 4 / 5 }, at(2));
    doc = recordQuizAttempt(doc, { moduleId: 'goals', score: 0.4 }, at(3));
    expect(doc.quizzes['goals']).toEqual({
      attempts: 3,
      bestScore: 0.8,
      passedAt: t(2).toISOString(),
      lastAttemptAt: t(3).toISOString(),
    });
  });

  it('refuses a quiz score that is not a number', () => {
    expect(() => recordQuizAttempt(emptyDocument('v1', t(0)), { moduleId: 'goals', score: Number.NaN }, at(1))).toThrow(
      RangeError,
    );
  });

  it('saves a note with its own time, keeps an emptied note, and cuts an overlong one', () => {
    const ref = { moduleId: 'goals', lessonId: 'measuring' };
    let doc = saveNote(emptyDocument('v1', t(0)), { ...ref, text: 'Ajatus' }, at(1));
    expect(doc.notes['goals/measuring']).toEqual({ text: 'Ajatus', updatedAt: t(1).toISOString() });
    doc = saveNote(doc, { ...ref, text: '' }, at(2));
    expect(doc.notes['goals/measuring']?.text).toBe('');
    doc = saveNote(doc, { ...ref, text: 'x'.repeat(NOTE_MAX_LENGTH + 5) }, at(3));
    expect(doc.notes['goals/measuring']?.text).toHaveLength(NOTE_MAX_LENGTH);
    expect(progressDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('sets the certificate name trimmed', () => {
    const doc = setCertificateName(emptyDocument('v1', t(0)), { name: '  Aino Virtanen ' }, at(4));
    expect(doc.certificate).toEqual({ name: 'Aino Virtanen', updatedAt: t(4).toISOString() });
  });

  it('remembers the last location with or without a lesson', () => {
    let doc = setLocation(emptyDocument('v1', t(0)), { moduleId: 'goals', lessonId: 'measuring' }, at(1));
    expect(doc.lastLocation).toEqual({ moduleId: 'goals', lessonId: 'measuring', at: t(1).toISOString() });
    doc = setLocation(doc, { moduleId: 'goals' }, at(2));
    expect(doc.lastLocation).toEqual({ moduleId: 'goals', at: t(2).toISOString() });
  });

  it('never moves updatedAt backwards when the clock is behind', () => {
    const doc = { ...emptyDocument('v1', t(0)), updatedAt: t(50).toISOString() };
    expect(openLesson(doc, { moduleId: 'goals', lessonId: 'measuring' }, at(1)).updatedAt).toBe(t(50).toISOString());
  });

  it('marks the course completed when the last module is completed, at that moment', () => {
    const doc = finishCourse(emptyDocument('v1', t(0)));
    expect(doc.courseCompletedAt).toBe(t(31).toISOString());
  });

  it('does not complete the course while a knowledge check is not passed', () => {
    let doc = emptyDocument('v1', t(0));
    for (const lesson of lessonsOf(sampleManifest)) doc = completeLesson(doc, lesson, at(1));
    doc = recordQuizAttempt(doc, { moduleId: 'background', score: 1 }, at(2));
    doc = recordQuizAttempt(doc, { moduleId: 'goals', score: 0.7 }, at(3));
    expect(doc.courseCompletedAt).toBeUndefined();
  });

  it('keeps the first course completion time when more work is done afterwards', () => {
    const done = finishCourse(emptyDocument('v1', t(0)));
    const later = recordQuizAttempt(done, { moduleId: 'goals', score: 1 }, at(50));
    expect(later.courseCompletedAt).toBe(done.courseCompletedAt);
  });
});

describe('reconciling with changed content', () => {
  it('records the new content version without touching updatedAt', () => {
    const doc = completeLesson(
      emptyDocument('v-sample-1', t(0)),
      { moduleId: 'background', lessonId: 'key-terms' },
      at(1),
    );
    const reconciled = reconcile(doc, changedManifest);
    expect(reconciled.contentVersion).toBe('v-sample-2');
    expect(reconciled.updatedAt).toBe(doc.updatedAt);
  });

  it('keeps facts about lessons that no longer exist', () => {
    const doc = completeLesson(
      emptyDocument('v-sample-1', t(0)),
      { moduleId: 'background', lessonId: 'key-terms' },
      at(1),
    );
    expect(reconcile(doc, changedManifest).lessons['background/key-terms']?.completedAt).toBe(t(1).toISOString());
  });

  it('keeps the completion and the certificate of a course completed before new lessons were added', () => {
    const done = setCertificateName(finishCourse(emptyDocument('v-sample-1', t(0))), { name: 'Aino' }, at(40));
    const reconciled = reconcile(done, changedManifest);
    expect(reconciled.courseCompletedAt).toBe(done.courseCompletedAt);
    expect(reconciled.certificate).toEqual(done.certificate);
  });

  it('completes the course when the only unfinished lesson is removed from the content', () => {
    let doc = emptyDocument('v-sample-1', t(0));
    for (const lesson of lessonsOf(sampleManifest).filter((l) => l.lessonId !== 'measuring')) {
      doc = completeLesson(doc, lesson, at(1));
    }
    doc = recordQuizAttempt(doc, { moduleId: 'background', score: 1 }, at(2));
    doc = recordQuizAttempt(doc, { moduleId: 'goals', score: 1 }, at(3));
    expect(doc.courseCompletedAt).toBeUndefined();
    const withoutMeasuring = {
      ...sampleManifest,
      contentVersion: 'v-sample-3',
      modules: sampleManifest.modules.map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.id !== 'measuring') })),
    };
    expect(reconcile(doc, withoutMeasuring).courseCompletedAt).toBe(t(3).toISOString());
  });

  it('returns the same document when content has not changed and nothing is to complete', () => {
    const doc = emptyDocument(sampleManifest.contentVersion, t(0));
    expect(reconcile(doc, sampleManifest)).toBe(doc);
  });
});
