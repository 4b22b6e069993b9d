import type { AcademyData } from '../schemas/academy';
import type { ModuleId } from '../schemas/common';
import { ContentError, type SourceEntry } from './validateCourse';

/**
 * Checks the rules of the academies (content/academies/*.yaml) that their schema cannot see: the file
 * name and id agree, at most one academy is the default, and every module due before a meeting is a
 * module of the course (a folder of content/modules/). Throws a ContentError naming each file and field.
 */
export function validateAcademies(entries: readonly SourceEntry<AcademyData>[], moduleIds: readonly ModuleId[]): void {
  const problems: string[] = [];
  const known = new Set(moduleIds);
  for (const e of entries) {
    if (e.id !== e.data.id)
      problems.push(`${e.filePath}: field "id" "${e.data.id}" must match the file name "${e.id}.yaml"`);
    e.data.meetings.forEach((meeting, i) => {
      meeting.due.forEach((moduleId, j) => {
        if (!known.has(moduleId)) {
          problems.push(
            `${e.filePath}: field "meetings.${i}.due.${j}" "${moduleId}" is not a module of the course; known ids: ${moduleIds.join(', ')}`,
          );
        }
      });
    });
  }
  const defaults = entries.filter((e) => e.data.default);
  if (defaults.length > 1) {
    problems.push(
      `${defaults.map((e) => e.filePath).join(', ')}: field "default": only one academy may set default: true`,
    );
  }
  if (problems.length > 0) throw new ContentError(problems);
}
