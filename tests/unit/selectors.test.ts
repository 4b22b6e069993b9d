import { describe, expect, it } from 'vitest';
import {
  completeLesson,
  emptyDocument,
  openLesson,
  recordQuizAttempt,
  reconcile,
  setLocation,
} from '../../src/progress/progressDocument';
import {
  courseStatus,
  isCertificateUnlocked,
  lessonStatus,
  moduleCompletedAt,
  moduleProgress,
  moduleStatus,
  nextLesson,
  percentComplete,
  quizStatus,
  resumeTarget,
} from '../../src/progress/selectors';
import type { ProgressDocument } from '../../src/schemas/progress';
import { changedManifest, lessonsOf, sampleManifest as manifest } from './helpers/sampleManifest';

const t = (minute: number): Date => new Date(Date.UTC(2025, 0, 1, 12, minute));
const at = (minute: number) => ({ manifest, now: t(minute) });
const empty = (): ProgressDocument => emptyDocument(manifest.contentVersion, t(0));

function completeModule(doc: ProgressDocument, moduleId: string, minute: number): ProgressDocument {
  let result = doc;
  for (const lesson of lessonsOf(manifest).filter((l) => l.moduleId === moduleId)) {
    result = completeLesson(result, lesson, at(minute));
  }
  return recordQuizAttempt(result, { moduleId, score: 1 }, at(minute + 1));
}

describe('lesson and knowledge-check status', () => {
  it('goes from not started to in progress to completed', () => {
    const ref = { moduleId: 'goals', lessonId: 'measuring' };
    expect(lessonStatus(empty(), manifest, 'goals', 'measuring')).toBe('not-started');
    const opened = openLesson(empty(), ref, at(1));
    expect(lessonStatus(opened, manifest, 'goals', 'measuring')).toBe('in-progress');
    expect(lessonStatus(completeLesson(opened, ref, at(2)), manifest, 'goals', 'measuring')).toBe('completed');
  });

  it('shows a failed knowledge check as in progress and a passed one as completed', () => {
    const failed = recordQuizAttempt(empty(), { moduleId: 'goals', score: 0.5 }, at(1));
    expect(quizStatus(empty(), manifest, 'goals')).toBe('not-started');
    expect(quizStatus(failed, manifest, 'goals')).toBe('in-progress');
    expect(quizStatus(recordQuizAttempt(failed, { moduleId: 'goals', score: 0.9 }, at(2)), manifest, 'goals')).toBe(
      'completed',
    );
  });
});

describe('module status', () => {
  it('is in progress once any lesson is opened or the check attempted', () => {
    expect(moduleStatus(empty(), manifest, 'goals')).toBe('not-started');
    expect(
      moduleStatus(openLesson(empty(), { moduleId: 'goals', lessonId: 'measuring' }, at(1)), manifest, 'goals'),
    ).toBe('in-progress');
    expect(moduleStatus(recordQuizAttempt(empty(), { moduleId: 'goals', score: 0 }, at(1)), manifest, 'goals')).toBe(
      'in-progress',
    );
  });

  it('is not completed while the knowledge check is not passed, even with every lesson done', () => {
    let doc = empty();
    for (const lesson of lessonsOf(manifest).filter((l) => l.moduleId === 'goals'))
      doc = completeLesson(doc, lesson, at(1));
    expect(moduleStatus(doc, manifest, 'goals')).toBe('in-progress');
    expect(moduleCompletedAt(doc, manifest, 'goals')).toBeUndefined();
  });

  it('is completed with every lesson done and the check passed, at the latest of those times', () => {
    const doc = completeModule(empty(), 'goals', 5);
    expect(moduleStatus(doc, manifest, 'goals')).toBe('completed');
    expect(moduleCompletedAt(doc, manifest, 'goals')).toBe(t(6).toISOString());
  });

  it('counts a module without questions as completed when its lessons are', () => {
    const doc = completeLesson(empty(), { moduleId: 'tools', lessonId: 'toolbox' }, at(1));
    expect(moduleStatus(doc, changedManifest, 'tools')).toBe('completed');
    expect(moduleProgress(doc, changedManifest, 'tools')).toEqual({
      completedLessons: 1,
      totalLessons: 1,
      quizPassed: false,
      hasQuiz: false,
    });
  });

  it('treats a lesson added to the content as not started', () => {
    const doc = reconcile(completeModule(empty(), 'goals', 1), changedManifest);
    expect(lessonStatus(doc, changedManifest, 'goals', 'new-lesson')).toBe('not-started');
    expect(moduleStatus(doc, changedManifest, 'goals')).toBe('in-progress');
  });

  it('ignores facts about a lesson removed from the content', () => {
    const doc = completeModule(empty(), 'background', 1);
    expect(moduleProgress(doc, changedManifest, 'background').completedLessons).toBe(1);
    expect(moduleStatus(doc, changedManifest, 'background')).toBe('completed');
  });

  it('reports an unknown module as not started', () => {
    expect(moduleStatus(empty(), manifest, 'support')).toBe('not-started');
  });
});

describe('course status, percent and certificate', () => {
  it('counts every lesson and every knowledge check as one step', () => {
    expect(percentComplete(empty(), manifest)).toBe(0);
    const oneLesson = completeLesson(empty(), { moduleId: 'goals', lessonId: 'measuring' }, at(1));
    expect(percentComplete(oneLesson, manifest)).toBe(16); // 1 of 6, rounded down
    expect(percentComplete(completeModule(empty(), 'goals', 1), manifest)).toBe(50);
  });

  it('reaches 100 percent, completion and the certificate only when everything is done', () => {
    const half = completeModule(empty(), 'goals', 1);
    expect(courseStatus(half, manifest)).toBe('in-progress');
    expect(isCertificateUnlocked(half, manifest)).toBe(false);
    const done = completeModule(half, 'background', 3);
    expect(percentComplete(done, manifest)).toBe(100);
    expect(courseStatus(done, manifest)).toBe('completed');
    expect(isCertificateUnlocked(done, manifest)).toBe(true);
  });

  it('keeps the course completed and the certificate unlocked after lessons are added', () => {
    const done = reconcile(completeModule(completeModule(empty(), 'goals', 1), 'background', 3), changedManifest);
    expect(courseStatus(done, changedManifest)).toBe('completed');
    expect(isCertificateUnlocked(done, changedManifest)).toBe(true);
    expect(percentComplete(done, changedManifest)).toBeLessThan(100);
  });

  it('is not started for a new learner', () => {
    expect(courseStatus(empty(), manifest)).toBe('not-started');
  });
});

describe('where to continue', () => {
  it('points a new learner at the first lesson', () => {
    expect(nextLesson(empty(), manifest)).toEqual({ moduleId: 'background', lessonId: 'why-it-matters' });
    expect(resumeTarget(empty(), manifest)).toEqual({
      kind: 'lesson',
      moduleId: 'background',
      lessonId: 'why-it-matters',
    });
  });

  it('returns to the last lesson visited while it is unfinished', () => {
    const doc = setLocation(empty(), { moduleId: 'goals', lessonId: 'measuring' }, at(1));
    expect(resumeTarget(doc, manifest)).toEqual({ kind: 'lesson', moduleId: 'goals', lessonId: 'measuring' });
  });

  it('goes from a module page visited last to that module’s first unfinished lesson, not the page', () => {
    let doc = completeLesson(empty(), { moduleId: 'goals', lessonId: 'setting-goals' }, at(1));
    doc = setLocation(doc, { moduleId: 'goals' }, at(2));
    expect(resumeTarget(doc, manifest)).toEqual({ kind: 'lesson', moduleId: 'goals', lessonId: 'measuring' });
  });

  it('goes on to the next unfinished lesson after the finished one read last, within its module', () => {
    let doc = empty();
    for (const lesson of lessonsOf(manifest))
      if (lesson.moduleId === 'background') doc = openLesson(doc, lesson, at(1));
    doc = completeLesson(doc, { moduleId: 'goals', lessonId: 'setting-goals' }, at(2));
    doc = setLocation(doc, { moduleId: 'goals', lessonId: 'setting-goals' }, at(3));
    expect(resumeTarget(doc, manifest)).toEqual({ kind: 'lesson', moduleId: 'goals', lessonId: 'measuring' });
  });

  it('goes to the module’s knowledge check when its lessons are done and the check is not passed', () => {
    let doc = empty();
    for (const lesson of lessonsOf(manifest)) if (lesson.moduleId === 'goals') doc = completeLesson(doc, lesson, at(1));
    doc = setLocation(doc, { moduleId: 'goals' }, at(2));
    expect(resumeTarget(doc, manifest)).toEqual({ kind: 'quiz', moduleId: 'goals' });
  });

  it('moves on to the first unfinished lesson in course order once the last one is done', () => {
    let doc = completeLesson(empty(), { moduleId: 'background', lessonId: 'why-it-matters' }, at(1));
    doc = setLocation(doc, { moduleId: 'background', lessonId: 'why-it-matters' }, at(2));
    expect(resumeTarget(doc, manifest)).toEqual({ kind: 'lesson', moduleId: 'background', lessonId: 'key-terms' });
  });

  it('ignores a last location that no longer exists in the content', () => {
    const doc = setLocation(empty(), { moduleId: 'background', lessonId: 'key-terms' }, at(1));
    expect(resumeTarget(doc, changedManifest)).toEqual({
      kind: 'lesson',
      moduleId: 'background',
      lessonId: 'why-it-matters',
    });
  });

  it('sends the learner to a knowledge check when only checks are left', () => {
    let doc = empty();
    for (const lesson of lessonsOf(manifest)) doc = completeLesson(doc, lesson, at(1));
    doc = recordQuizAttempt(doc, { moduleId: 'background', score: 1 }, at(2));
    expect(nextLesson(doc, manifest)).toBeNull();
    expect(resumeTarget(doc, manifest)).toEqual({ kind: 'quiz', moduleId: 'goals' });
  });

  it('has nowhere to send the learner when everything is done', () => {
    const done = completeModule(completeModule(empty(), 'goals', 1), 'background', 3);
    expect(resumeTarget(setLocation(done, { moduleId: 'goals' }, at(9)), manifest)).toBeNull();
  });
});
