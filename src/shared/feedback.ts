// The pilot-feedback item a learner sends to the collector. Shared by the browser (outbox) and the
// server (POST /api/feedback), so it uses zod/mini: the full zod API would weigh down the island.
// The id is lowercased, so a UUID sent in upper case is the same item as in lower case.
// Every schema carries its own message because zod/mini ships no English locale ("Invalid input").
import { z } from 'zod/mini';
import { languages, stableIdPattern } from '../schemas/ids.ts';
import { isRealDateTime } from './isoDateTime.ts';
import {
  CONTENT_VERSION_MAX,
  FEEDBACK_EMAIL_MAX,
  FEEDBACK_NAME_MAX,
  FEEDBACK_TEXT_MAX,
  feedbackTypes,
} from './feedbackLimits.ts';

export { CONTENT_VERSION_MAX, FEEDBACK_EMAIL_MAX, FEEDBACK_NAME_MAX, FEEDBACK_TEXT_MAX, feedbackTypes };
export type { FeedbackType } from './feedbackLimits.ts';

// Own patterns instead of zod's uuid, email and ISO checks keep the browser bundle small (the browser
// loads this schema for its outbox); they accept the same forms.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Distinguishes a missing field from a wrong one, so the learner is told which fix is needed. */
const required =
  (missing: string, wrong: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? missing : wrong;

export const feedbackItemSchema = z.object(
  {
    /** UUID v4 made by the browser when the item is written; a retry reuses it, so the collector stores it once. */
    id: z
      .string({ error: required('An id is required.', 'The id must be a UUID v4.') })
      .check(z.regex(UUID_V4, { error: 'The id must be a UUID v4.' }), z.toLowerCase()),
    /** What kind of feedback this is: kommentti, kysymys or toive. */
    type: z.enum(feedbackTypes, {
      error: required('Choose a feedback type.', 'The type must be comment, question or wish.'),
    }),
    /** Optional star rating of the lesson, a whole number from 1 to 5. */
    rating: z.optional(
      z
        .int({ error: 'The rating must be a whole number from 1 to 5.' })
        .check(
          z.gte(1, { error: 'The rating must be a whole number from 1 to 5.' }),
          z.lte(5, { error: 'The rating must be a whole number from 1 to 5.' }),
        ),
    ),
    /** The feedback itself, trimmed; required. */
    text: z.string({ error: required('Write your feedback.', 'The feedback text must be text.') }).check(
      z.trim(),
      z.minLength(1, { error: 'Write your feedback: the text is empty.' }),
      z.maxLength(FEEDBACK_TEXT_MAX, {
        error: `The feedback text is too long: at most ${FEEDBACK_TEXT_MAX} characters.`,
      }),
    ),
    /** Optional name of the pilot tester, trimmed. */
    name: z.optional(
      z
        .string({ error: 'The name must be text.' })
        .check(
          z.trim(),
          z.maxLength(FEEDBACK_NAME_MAX, { error: `The name is too long: at most ${FEEDBACK_NAME_MAX} characters.` }),
        ),
    ),
    /** Optional email address for a reply. */
    email: z.optional(
      z.string({ error: 'The email address must be text.' }).check(
        z.trim(),
        z.maxLength(FEEDBACK_EMAIL_MAX, {
          error: `The email address is too long: at most ${FEEDBACK_EMAIL_MAX} characters.`,
        }),
        z.regex(EMAIL, { error: 'The email address is not valid, e.g. name@example.fi.' }),
      ),
    ),
    /**
     * The module the feedback is about: its stable id, e.g. "goals". Checked for its shape, like the
     * lesson id: the modules are the content's, which the collector does not read.
     */
    moduleId: z.optional(
      z
        .string({ error: 'The module id must be text.' })
        .check(
          z.regex(stableIdPattern, {
            error: 'The module id must use only lowercase letters, digits and hyphens, e.g. "goals".',
          }),
        )
        // Branded: a module id this schema has checked, told apart from any string by its type.
        .brand<'ModuleId'>(),
    ),
    /** The lesson the feedback is about: its stable id, e.g. "why-it-matters". */
    lessonId: z.optional(
      z.string({ error: 'The lesson id must be text.' }).check(
        z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
          error: 'The lesson id must use only lowercase letters, digits and hyphens, e.g. "why-it-matters".',
        }),
      ),
    ),
    /** The language the learner was reading in. */
    lang: z.enum(languages, {
      error: required('The language is required.', `The language must be one of: ${languages.join(', ')}.`),
    }),
    /** The version of the course content the learner saw, so feedback can be matched to the text. */
    contentVersion: z
      .string({ error: required('The content version is required.', 'The content version must be text.') })
      .check(
        z.minLength(1, { error: 'The content version is empty.' }),
        z.maxLength(CONTENT_VERSION_MAX, {
          error: `The content version is too long: at most ${CONTENT_VERSION_MAX} characters.`,
        }),
      ),
    /** When the learner wrote the item (ISO 8601 date and time), which can be long before it is delivered. */
    createdAt: z
      .string({
        error: required('The creation time is required.', 'The creation time must be an ISO 8601 date and time.'),
      })
      .check(
        z.refine(isRealDateTime, {
          error: 'The creation time must be an ISO 8601 date and time that exists, e.g. 2025-01-31T10:15:00Z.',
        }),
      ),
  },
  { error: 'The feedback must be a JSON object.' },
);

export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

/** Where an error about the request as a whole (not one field) is reported in fieldErrors(). */
export const WHOLE_ITEM = '_item';

/**
 * One clear English message per field, e.g. `{ text: 'Write your feedback.' }`; the first problem
 * found for a field wins, so a form can show one message beside each input.
 */
export function fieldErrors(error: Pick<z.core.$ZodError, 'issues'>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [first] = issue.path;
    const field = first === undefined ? WHOLE_ITEM : String(first);
    fields[field] ??= issue.message;
  }
  return fields;
}
