import { defaultLang, isLang, type Lang } from '../shared/languages';

/** The course language of an Astro locale (Astro.currentLocale); the primary language when unknown. */
export function langOf(locale: string | undefined): Lang {
  return isLang(locale) ? locale : defaultLang;
}
