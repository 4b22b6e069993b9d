import { defaultLang, isLang, languages, type Lang } from '../shared/languages';
import { routeWords } from './routeWords';

/** Every kind of page the site has. Paths are built from these, never written by hand. */
export type Route =
  | { kind: 'home' }
  | { kind: 'module'; moduleId: string }
  | { kind: 'lesson'; moduleId: string; lessonId: string }
  | { kind: 'quiz'; moduleId: string }
  | { kind: 'search' }
  | { kind: 'notes' }
  | { kind: 'certificate' }
  | { kind: 'myData' }
  | { kind: 'accessibility' }
  | { kind: 'privacy' }
  | { kind: 'glossary' }
  | { kind: 'feedback' }
  | { kind: 'feedbackReview' }
  | { kind: 'schedule' }
  | { kind: 'meetingBrief'; academyId: string; meetingId: string }
  | { kind: 'plan' }
  | { kind: 'selfAssessment' }
  | { kind: 'team' }
  | { kind: 'offline' };

/** Lesson ids that would collide with a path word inside a module. */
export const reservedLessonIds: readonly string[] = languages.map((lang) => routeWords[lang].quiz);

const prefix = (lang: Lang): string => (lang === defaultLang ? '/' : `/${lang}/`);

/** The path of a page in a language, with a trailing slash. */
export function pathFor(route: Route, lang: Lang): string {
  const w = routeWords[lang];
  const p = prefix(lang);
  switch (route.kind) {
    case 'home':
      return p;
    case 'module':
      return `${p}${w.module}/${route.moduleId}/`;
    case 'lesson':
      return `${p}${w.module}/${route.moduleId}/${route.lessonId}/`;
    case 'quiz':
      return `${p}${w.module}/${route.moduleId}/${w.quiz}/`;
    case 'meetingBrief':
      return `${p}${w.schedule}/${route.academyId}/${route.meetingId}/`;
    default:
      return `${p}${w[route.kind]}/`;
  }
}

/** The language a path belongs to. */
export function langOfPath(path: string): Lang {
  const first = path.split('/')[1];
  return isLang(first) ? first : defaultLang;
}
