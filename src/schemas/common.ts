import { z } from 'zod';

export { languages, moduleIds, type Lang, type ModuleId } from './ids';

/** A stable id: lowercase letters, digits and single hyphens. */
export const stableId = z
  .string({ error: 'must be an id such as "why-it-matters"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must use only lowercase letters, digits and hyphens, e.g. "why-it-matters"',
  });

/** Text given in both languages. */
export const localized = z.object(
  {
    /** Finnish text. */
    fi: z.string({ error: 'Finnish text is required' }).trim().min(1, { error: 'Finnish text is empty' }),
    /** English text. */
    en: z.string({ error: 'English text is required' }).trim().min(1, { error: 'English text is empty' }),
  },
  { error: 'must give the text in both languages, as fi: and en:' },
);
export type Localized = z.infer<typeof localized>;
