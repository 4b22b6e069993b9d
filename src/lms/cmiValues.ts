import type { CourseManifest } from '../schemas/manifest';
import type { ProgressDocument } from '../schemas/progress';
import { courseStatus } from '../progress/selectors';

/**
 * What the package reports to the LMS for a progress document (SCORM 1.2 `cmi.core.*`), apart from
 * `cmi.suspend_data` (suspendData.ts) and the session time (the launcher's).
 */
export interface CmiValues {
  /** Left unset ('not attempted') until the learner starts; 'passed' once everything is done. */
  lessonStatus?: 'incomplete' | 'passed';
  /** 0–100: the mean best result of the knowledge checks, once every check has been tried. */
  scoreRaw?: number;
  /** Where the learner is: "moduleId/lessonId" or "moduleId". */
  lessonLocation?: string;
}

export function cmiValuesOf(doc: ProgressDocument, manifest: CourseManifest): CmiValues {
  const values: CmiValues = {};
  const status = courseStatus(doc, manifest);
  if (status === 'completed') values.lessonStatus = 'passed';
  else if (status === 'in-progress') values.lessonStatus = 'incomplete';
  const checked = manifest.modules.filter((m) => m.questionCount > 0);
  // A score from only some checks would read as a failed course (below the mastery score) to an LMS
  // that judges status by score, so none is sent until every check has been tried.
  if (checked.length > 0 && checked.every((m) => (doc.quizzes[m.id]?.attempts ?? 0) > 0)) {
    const sum = checked.reduce((total, m) => total + (doc.quizzes[m.id]?.bestScore ?? 0), 0);
    values.scoreRaw = Math.round((sum / checked.length) * 100);
  }
  const at = doc.lastLocation;
  if (at) values.lessonLocation = at.lessonId ? `${at.moduleId}/${at.lessonId}` : at.moduleId;
  return values;
}
