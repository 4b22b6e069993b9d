import type { Lang } from '../schemas/common';

/** The course language of an Astro locale (Astro.currentLocale); Finnish when unknown. */
export function langOf(locale: string | undefined): Lang {
  return locale === 'en' ? 'en' : 'fi';
}
