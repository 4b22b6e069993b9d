import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmiValuesOf } from '../../src/lms/cmiValues';
import { cmiTimespan } from '../../src/lms/scormApi';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from '../../src/lms/suspendData';
import { isSameDocument, merge } from '../../src/progress/mergeProgress';
import { emptyDocument } from '../../src/progress/progressDocument';
import { lessonStatus, quizStatus } from '../../src/progress/selectors';
import { progressDocumentSchema, type ProgressDocument } from '../../src/schemas/progress';
import { documentArb } from './helpers/progressArbitraries';
import { lessonsOf, sampleManifest as manifest } from './helpers/sampleManifest';

/*
 * The learner's progress as it travels through the LMS (cmi.suspend_data) and what the package
 * reports of it (cmi.core.*).
 */

const roundTrip = (doc: ProgressDocument): ProgressDocument | undefined => {
  const text = encodeSuspendData(doc);
  return text === undefined ? undefined : decodeSuspendData(text);
};

describe('suspend_data', () => {
  it('is valid progress that, merged into the browser’s, keeps every status and adds nothing new', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const back = roundTrip(doc);
        if (!back) return;
        expect(progressDocumentSchema.safeParse(back).success).toBe(true);
        expect(back.notes).toEqual({});
        const merged = merge(doc, back);
        for (const { moduleId, lessonId } of lessonsOf(manifest)) {
          expect(lessonStatus(merged, manifest, moduleId, lessonId)).toBe(
            lessonStatus(doc, manifest, moduleId, lessonId),
          );
          expect(lessonStatus(back, manifest, moduleId, lessonId)).toBe(
            lessonStatus(doc, manifest, moduleId, lessonId),
          );
        }
        for (const m of manifest.modules)
          expect(quizStatus(back, manifest, m.id)).toBe(quizStatus(doc, manifest, m.id));
        expect(merged.notes).toEqual(doc.notes);
      }),
    );
  });

  it('reads back what it wrote unchanged, so a relaunch does not rewrite the LMS’s copy', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const once = roundTrip(doc);
        if (!once) return;
        const twice = roundTrip(once);
        expect(twice && isSameDocument(twice, once)).toBe(true);
      }),
    );
  });

  it('stays within 4,096 characters however long the certificate name, and leaves notes out', () => {
    const doc = emptyDocument('v1', new Date('2026-12-01T08:00:00.000Z'));
    for (const { moduleId, lessonId } of lessonsOf(manifest)) {
      doc.lessons[`${moduleId}/${lessonId}`] = {
        firstOpenedAt: '2026-12-01T08:00:00.000Z',
        completedAt: '2026-12-01T08:10:00.000Z',
      };
      doc.notes[`${moduleId}/${lessonId}`] = { text: 'x'.repeat(20_000), updatedAt: '2026-12-01T08:05:00.000Z' };
    }
    doc.certificate = { name: 'N'.repeat(200), updatedAt: '2026-12-01T09:00:00.000Z' };
    const text = encodeSuspendData(doc) ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(text).not.toContain('xxxx');
  });

  it('refuses what some other course left in the LMS', () => {
    expect(decodeSuspendData('')).toBeUndefined();
    expect(() => decodeSuspendData('lesson=3;page=7')).toThrow();
    expect(() => decodeSuspendData('{"bookmark":4}')).toThrow(/not Hankintapolku progress/);
  });
});

describe('what the LMS is told', () => {
  const at = '2026-12-01T08:00:00.000Z';
  const lessonDone = (doc: ProgressDocument): void => {
    for (const { moduleId, lessonId } of lessonsOf(manifest)) {
      doc.lessons[`${moduleId}/${lessonId}`] = { firstOpenedAt: at, completedAt: at };
    }
  };

  it('nothing before the learner starts, then incomplete at the current lesson', () => {
    const doc = emptyDocument(manifest.contentVersion, new Date(at));
    expect(cmiValuesOf(doc, manifest)).toEqual({});
    doc.lessons['background/why-it-matters'] = { firstOpenedAt: at };
    doc.lastLocation = { moduleId: 'background', lessonId: 'why-it-matters', at };
    expect(cmiValuesOf(doc, manifest)).toEqual({
      lessonStatus: 'incomplete',
      lessonLocation: 'background/why-it-matters',
    });
  });

  it('a score only once every check has been tried, and passed when everything is done', () => {
    const doc = emptyDocument(manifest.contentVersion, new Date(at));
    lessonDone(doc);
    doc.quizzes['background'] = { attempts: 2, bestScore: 1, passedAt: at, lastAttemptAt: at };
    expect(cmiValuesOf(doc, manifest)).toEqual({ lessonStatus: 'incomplete' });
    doc.quizzes['goals'] = { attempts: 1, bestScore: 0.5, lastAttemptAt: at };
    expect(cmiValuesOf(doc, manifest)).toEqual({ lessonStatus: 'incomplete', scoreRaw: 75 });
    doc.quizzes['goals'] = { attempts: 2, bestScore: 0.9, passedAt: at, lastAttemptAt: at };
    expect(cmiValuesOf(doc, manifest)).toEqual({ lessonStatus: 'passed', scoreRaw: 95 });
  });

  it('session time as a CMITimespan', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(3_723_456)).toBe('0001:02:03.46');
  });
});
