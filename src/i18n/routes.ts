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
  | { kind: 'privacy' };

type Word = Exclude<Route['kind'], 'home' | 'lesson'>;

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
    default:
      return `${p}${w[route.kind]}/`;
  }
}

/** The language a path belongs to. */
export function langOfPath(path: string): Lang {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'fi';
}
