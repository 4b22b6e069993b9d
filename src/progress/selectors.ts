import type { CourseManifest, ManifestModule } from '../schemas/manifest';
import type { ProgressDocument } from '../schemas/progress';
import { lessonKeyOf } from '../schemas/progressBasics';
import { latest } from './instants';

/*
 * Questions the UI asks about progress. Everything is derived from the stored facts and the current
 * manifest, so a lesson added to the course simply counts as not started, and facts about lessons
 * that were removed are ignored here (though kept in the document). Every selector takes
 * (doc, manifest, ...ids) so callers never have to remember which ones need the manifest.
 */

/** Status words shared by lessons, knowledge checks, modules and the course. */
export type ProgressStatus = 'not-started' | 'in-progress' | 'completed';

/** Where "continue" should take the learner. */
export type ResumeTarget =
  | { kind: 'lesson'; moduleId: string; lessonId: string }
  /** The module page, when the learner was last on it rather than in a lesson. */
  | { kind: 'module'; moduleId: string }
  /** The module's knowledge check, when its lessons are done but the check is not passed. */
  | { kind: 'quiz'; moduleId: string };

/** Share of right answers needed to pass, with room for floating-point error (4/5 is 0.8). */
const PASS_TOLERANCE = 1e-9;

export function isPassingScore(score: number, passMark: number): boolean {
  return score >= passMark - PASS_TOLERANCE;
}

function findModule(manifest: CourseManifest, moduleId: string): ManifestModule | undefined {
  return manifest.modules.find((module) => module.id === moduleId);
}

/** A module without questions has nothing to pass. */
function hasQuiz(module: ManifestModule): boolean {
  return module.questionCount > 0;
}

export function lessonStatus(
  doc: ProgressDocument,
  _manifest: CourseManifest,
  moduleId: string,
  lessonId: string,
): ProgressStatus {
  const facts = doc.lessons[lessonKeyOf(moduleId, lessonId)];
  if (facts?.completedAt !== undefined) return 'completed';
  if (facts?.firstOpenedAt !== undefined) return 'in-progress';
  return 'not-started';
}

/** 'completed' once passed, 'in-progress' after a failed attempt. */
export function quizStatus(doc: ProgressDocument, _manifest: CourseManifest, moduleId: string): ProgressStatus {
  const facts = doc.quizzes[moduleId];
  if (facts?.passedAt !== undefined) return 'completed';
  if (facts !== undefined && facts.attempts > 0) return 'in-progress';
  return 'not-started';
}

/** Completed when every lesson is completed and the knowledge check (if any) is passed. */
export function moduleStatus(doc: ProgressDocument, manifest: CourseManifest, moduleId: string): ProgressStatus {
  const module = findModule(manifest, moduleId);
  if (!module) return 'not-started';
  const lessons = module.lessons.map((lesson) => lessonStatus(doc, manifest, moduleId, lesson.id));
  const quiz = hasQuiz(module) ? quizStatus(doc, manifest, moduleId) : 'completed';
  if (quiz === 'completed' && lessons.every((status) => status === 'completed')) return 'completed';
  const touched = lessons.some((status) => status !== 'not-started') || quiz !== 'not-started';
  return touched ? 'in-progress' : 'not-started';
}

/**
 * When the module became complete: the latest of its lessons' completedAt and its passedAt.
 * Undefined while the module is not complete.
 */
export function moduleCompletedAt(
  doc: ProgressDocument,
  manifest: CourseManifest,
  moduleId: string,
): string | undefined {
  const module = findModule(manifest, moduleId);
  if (!module || moduleStatus(doc, manifest, moduleId) !== 'completed') return undefined;
  let at: string | undefined = hasQuiz(module) ? doc.quizzes[moduleId]?.passedAt : undefined;
  for (const lesson of module.lessons) at = latest(at, doc.lessons[lessonKeyOf(moduleId, lesson.id)]?.completedAt);
  return at;
}

/** Whether every module of the current manifest is complete, ignoring a remembered completion. */
export function allModulesCompleted(doc: ProgressDocument, manifest: CourseManifest): boolean {
  return manifest.modules.every((module) => moduleStatus(doc, manifest, module.id) === 'completed');
}

/**
 * A course once completed stays completed (and keeps its certificate) even if lessons are added
 * later; the new lessons still show as not started.
 */
export function courseStatus(doc: ProgressDocument, manifest: CourseManifest): ProgressStatus {
  if (doc.courseCompletedAt !== undefined || allModulesCompleted(doc, manifest)) return 'completed';
  const touched =
    doc.courseStartedAt !== undefined ||
    manifest.modules.some((module) => moduleStatus(doc, manifest, module.id) !== 'not-started');
  return touched ? 'in-progress' : 'not-started';
}

/** Counts of the work in one module, for "3 / 5 lessons" style labels. */
export function moduleProgress(
  doc: ProgressDocument,
  manifest: CourseManifest,
  moduleId: string,
): { completedLessons: number; totalLessons: number; quizPassed: boolean; hasQuiz: boolean } {
  const module = findModule(manifest, moduleId);
  if (!module) return { completedLessons: 0, totalLessons: 0, quizPassed: false, hasQuiz: false };
  const completedLessons = module.lessons.filter(
    (lesson) => lessonStatus(doc, manifest, moduleId, lesson.id) === 'completed',
  ).length;
  return {
    completedLessons,
    totalLessons: module.lessons.length,
    quizPassed: quizStatus(doc, manifest, moduleId) === 'completed',
    hasQuiz: hasQuiz(module),
  };
}

/**
 * Whole percent of the course done, counting each lesson and each knowledge check as one step.
 * Rounded down so 100 means everything is really done.
 */
export function percentComplete(doc: ProgressDocument, manifest: CourseManifest): number {
  let done = 0;
  let total = 0;
  for (const module of manifest.modules) {
    const counts = moduleProgress(doc, manifest, module.id);
    done += counts.completedLessons + (counts.quizPassed && counts.hasQuiz ? 1 : 0);
    total += counts.totalLessons + (counts.hasQuiz ? 1 : 0);
  }
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

/** The first lesson in course order that is not completed, or null when all are. */
export function nextLesson(
  doc: ProgressDocument,
  manifest: CourseManifest,
): { moduleId: string; lessonId: string } | null {
  for (const module of manifest.modules) {
    for (const lesson of module.lessons) {
      if (lessonStatus(doc, manifest, module.id, lesson.id) !== 'completed') {
        return { moduleId: module.id, lessonId: lesson.id };
      }
    }
  }
  return null;
}

/** The first unfinished lesson of a module after `afterLessonId`, else its first unfinished one. */
function nextLessonInModule(
  doc: ProgressDocument,
  manifest: CourseManifest,
  module: ManifestModule,
  afterLessonId?: string,
): string | undefined {
  const from = module.lessons.findIndex((lesson) => lesson.id === afterLessonId) + 1;
  const ordered = [...module.lessons.slice(from), ...module.lessons.slice(0, from)];
  return ordered.find((lesson) => lessonStatus(doc, manifest, module.id, lesson.id) !== 'completed')?.id;
}

/**
 * Where "continue" goes: the lesson the learner was reading while it is unfinished; otherwise the
 * next unfinished lesson of the module they were in (after the place they were), or its knowledge
 * check when only that is left; otherwise the first unfinished lesson in course order, then the
 * first knowledge check not passed; null when all is done. Never a page already finished.
 */
export function resumeTarget(doc: ProgressDocument, manifest: CourseManifest): ResumeTarget | null {
  const location = doc.lastLocation;
  const module = location ? findModule(manifest, location.moduleId) : undefined;
  if (location && module) {
    const { lessonId } = location;
    const known = lessonId !== undefined && module.lessons.some((lesson) => lesson.id === lessonId);
    if (known && lessonStatus(doc, manifest, module.id, lessonId) !== 'completed') {
      return { kind: 'lesson', moduleId: module.id, lessonId };
    }
    const next = nextLessonInModule(doc, manifest, module, known ? lessonId : undefined);
    if (next) return { kind: 'lesson', moduleId: module.id, lessonId: next };
    if (hasQuiz(module) && quizStatus(doc, manifest, module.id) !== 'completed') {
      return { kind: 'quiz', moduleId: module.id };
    }
  }
  const lesson = nextLesson(doc, manifest);
  if (lesson) return { kind: 'lesson', ...lesson };
  const quiz = manifest.modules.find(
    (candidate) => hasQuiz(candidate) && quizStatus(doc, manifest, candidate.id) !== 'completed',
  );
  return quiz ? { kind: 'quiz', moduleId: quiz.id } : null;
}

/** The certificate can be printed once the course is (or once was) completed. */
export function isCertificateUnlocked(doc: ProgressDocument, manifest: CourseManifest): boolean {
  return courseStatus(doc, manifest) === 'completed';
}
