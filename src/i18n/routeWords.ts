import type { Lang } from '../shared/languages';
import type { Route } from './routes';

/** The kinds of page whose path has a word of its own. */
export type RouteWord = Exclude<Route['kind'], 'home' | 'lesson' | 'meetingBrief'>;

/**
 * The words of the paths, per language: a new language adds its block here. The primary language
 * lives at the site root, the others under /<code>/ (src/shared/languages.ts).
 */
export const routeWords: Record<Lang, Record<RouteWord, string>> = {
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
