import type { Lang } from '../schemas/common';

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

type Word = Exclude<Route['kind'], 'home' | 'lesson' | 'meetingBrief'>;

/** Localised path words. Finnish lives at the root, English under /en/. */
const words: Record<Lang, Record<Word, string>> = {
  fi: {
    module: 'moduulit',
    quiz: 'osaamistesti',
    search: 'haku',
    notes: 'muistiinpanot',
    certificate: 'todistus',
    myData: 'omat-tiedot',
    accessibility: 'saavutettavuus',
    privacy: 'tietosuoja',
    glossary: 'sanasto',
    feedback: 'palaute',
    feedbackReview: 'palaute/tarkastelu',
    schedule: 'aikataulu',
    plan: 'kehittamissuunnitelma',
    selfAssessment: 'itsearviointi',
    team: 'tiimi',
    offline: 'ei-yhteytta',
  },
  en: {
    module: 'modules',
    quiz: 'knowledge-check',
    search: 'search',
    notes: 'notes',
    certificate: 'certificate',
    myData: 'my-data',
    accessibility: 'accessibility',
    privacy: 'privacy',
    glossary: 'glossary',
    feedback: 'feedback',
    feedbackReview: 'feedback/review',
    schedule: 'schedule',
    plan: 'development-plan',
    selfAssessment: 'self-assessment',
    team: 'team',
    offline: 'offline',
  },
};

/** Lesson ids that would collide with a path word inside a module. */
export const reservedLessonIds: readonly string[] = [words.fi.quiz, words.en.quiz];

const prefix = (lang: Lang): string => (lang === 'fi' ? '/' : '/en/');

/** The path of a page in a language, with a trailing slash. */
export function pathFor(route: Route, lang: Lang): string {
  const w = words[lang];
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
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'fi';
}
