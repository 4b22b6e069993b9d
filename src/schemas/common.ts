import { z } from 'zod';
import { languageName, languages, type Lang } from '../shared/languages';
import { stableIdPattern } from './ids';

export { languages, type Lang, type ModuleId } from './ids';

/** A stable id: lowercase letters, digits and single hyphens. */
export const stableId = z.string({ error: 'must be an id such as "why-it-matters"' }).regex(stableIdPattern, {
  error: 'must use only lowercase letters, digits and hyphens, e.g. "why-it-matters"',
});

/** Text given in every language of the course (src/shared/languages.ts). */
export const localized = z.object(
  Object.fromEntries(
    languages.map((lang) => [
      lang,
      z
        .string({ error: `${languageName(lang)} text is required` })
        .trim()
        .min(1, { error: `${languageName(lang)} text is empty` }),
    ]),
  ) as Record<Lang, z.ZodString>,
  { error: `must give the text in every language, as ${languages.map((lang) => `${lang}:`).join(' and ')}` },
);
export type Localized = z.infer<typeof localized>;
