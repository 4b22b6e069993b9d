import type { Lang, Localized, ModuleId } from './common';

/** A lesson as browser code knows it. */
export interface ManifestLesson {
  /** Stable lesson id, unique within its module. */
  id: string;
  /** Study minutes per language, computed from the words (src/course/studyTime.ts). */
  minutes: Record<Lang, number>;
  /** Title per language. */
  title: Localized;
}

/** A module as browser code knows it. Lessons are in course order. */
export interface ManifestModule {
  id: ModuleId;
  /** Study minutes per language: the lessons and the knowledge check. */
  minutes: Record<Lang, number>;
  title: Localized;
  lessons: ManifestLesson[];
  /** Number of knowledge-check questions. */
  questionCount: number;
}

/**
 * The course structure, generated at build from `content/`. It is the one thing browser code knows
 * about the course: ids, order (array order), titles, minutes and a content version.
 */
export interface CourseManifest {
  /** A short hash of every content file; changes whenever the content does. */
  contentVersion: string;
  /** Share of knowledge-check questions answered right needed to pass, 0–1. */
  passMark: number;
  /** Modules in course order. */
  modules: ManifestModule[];
}
