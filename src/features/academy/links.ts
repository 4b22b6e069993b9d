import type { Lang } from '../../schemas/common';
import type { Course } from '../../course/course';
import { pathFor } from '../../i18n/routes';
import type { AcademyView } from './types';

/** Module titles and addresses in a language, for the schedule islands. */
export function moduleLinks(
  course: Course,
  lang: Lang,
): { titles: Record<string, string>; hrefs: Record<string, string> } {
  return {
    titles: Object.fromEntries(course.modules.map((m) => [m.id, m.data.title[lang]])),
    hrefs: Object.fromEntries(course.modules.map((m) => [m.id, pathFor({ kind: 'module', moduleId: m.id }, lang)])),
  };
}

/** Every brief page's address by "academyId/meetingId". */
export function briefLinks(academies: AcademyView[], lang: Lang): Record<string, string> {
  return Object.fromEntries(
    academies.flatMap((a) =>
      a.meetings.map((m) => [
        `${a.id}/${m.id}`,
        pathFor({ kind: 'meetingBrief', academyId: a.id, meetingId: m.id }, lang),
      ]),
    ),
  );
}
