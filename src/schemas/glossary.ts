import { z } from 'zod';
import { languages, type Lang } from '../shared/languages';
import { stableId } from './common';

/** A term in one language: the term as the course writes it and its definition. */
const termText = z.object(
  {
    /** The term, in lower case unless it is a name (e.g. "Procurement Act"). */
    term: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
    /** One or two sentences saying what the term means in this course. */
    definition: z.string({ error: 'is required' }).trim().min(1, { error: 'is empty' }),
  },
  { error: 'must give the term and its definition, as { term: …, definition: … }' },
);

/** One glossary term in every language of the course (src/shared/languages.ts). */
export const glossaryTermSchema = z.object({
  /**
   * The term's anchor on the glossary page (`/sanasto/#<id>`, `/en/glossary/#<id>`): an English slug,
   * unique across the course. Lessons link to it, so it never changes once published.
   */
  id: stableId,
  /** The term and its definition in each language, under the language's code (fi:, en:). */
  ...(Object.fromEntries(languages.map((lang) => [lang, termText])) as Record<Lang, typeof termText>),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** `content/modules/<id>/glossary.yaml`: the terms first taught in that module. */
export const glossarySchema = z.object({
  /** The terms, in any order; the glossary page sorts them per language. */
  terms: z.array(glossaryTermSchema, { error: 'must be a list of terms' }).min(1, { error: 'needs at least one term' }),
});
export type GlossaryData = z.infer<typeof glossarySchema>;
