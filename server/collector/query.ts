// The filters of the collector's review endpoints. Server-side only, kept apart from the feedback item
// so the browser bundle does not carry it.
import { z } from 'zod/mini';
import { stableIdPattern } from '../../src/schemas/ids.ts';
import { feedbackTypes } from '../../src/shared/feedbackLimits.ts';

/**
 * The query string of the review endpoints (GET /api/feedback, /api/feedback.csv, /api/feedback/summary).
 * Every filter is optional; `since` is compared with the time the collector received the item, so
 * items written offline long ago but delivered late are not missed.
 */
export const feedbackQuerySchema = z.object({
  /** Only feedback about this module. */
  module: z.optional(
    z.string().check(
      z.regex(stableIdPattern, {
        error: 'The module id must use only lowercase letters, digits and hyphens, e.g. "goals".',
      }),
    ),
  ),
  /** Only feedback about this lesson (its stable id). */
  lesson: z.optional(
    z.string().check(
      z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: 'The lesson id must use only lowercase letters, digits and hyphens, e.g. "why-it-matters".',
      }),
    ),
  ),
  /** Only feedback of this type. */
  type: z.optional(z.enum(feedbackTypes, { error: 'The type must be comment, question or wish.' })),
  /** Only feedback received at or after this date (YYYY-MM-DD, UTC midnight) or date and time (ISO 8601). */
  since: z.optional(
    z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'since must be a date (2025-01-31) or an ISO 8601 date and time (2025-01-31T12:00:00Z).',
    }),
  ),
});
