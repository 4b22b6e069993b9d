/**
 * The languages of the course, in one place. Astro's i18n (astro.config.mjs), the paths
 * (src/i18n/routeWords.ts), the dictionaries (src/i18n/ui.ts), the content schemas and the stored
 * documents all take their list from here. The first language is the primary one and lives at the
 * site root; each other language lives under /<code>/. Plain data with no imports, so the server,
 * the build and the browser can all read it.
 */
const config = {
  fi: { intlLocale: 'fi-FI', name: 'Finnish' },
  en: { intlLocale: 'en-GB', name: 'English' },
} as const satisfies Record<string, { intlLocale: string; name: string }>;

/** A language of the course, by its two-letter code. */
export type Lang = keyof typeof config;

/** Every language, the primary one first. */
export const languages = Object.keys(config) as [Lang, ...Lang[]];

/** The primary language, served at the site root. */
export const defaultLang: Lang = languages[0];

/** Whether a string is one of the course's language codes. */
export const isLang = (value: unknown): value is Lang => typeof value === 'string' && Object.hasOwn(config, value);

/** The locale that `Intl` and `toLocaleString` format a language's dates and numbers with. */
export const intlLocale = (lang: Lang): string => config[lang].intlLocale;

/** The language's name in English, for the build's messages to course authors. */
export const languageName = (lang: Lang): string => config[lang].name;

/** An object with one value for every language, made by `make`. */
export const byLanguage = <T>(make: (lang: Lang) => T): Record<Lang, T> =>
  Object.fromEntries(languages.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
