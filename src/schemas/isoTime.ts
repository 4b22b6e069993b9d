import { z } from 'zod/mini';

// An ISO 8601 date-time with seconds optional and a Z or ±hh:mm offset, e.g. 2026-11-22T10:00:00.000Z.
// Checked with one small pattern and Date.parse instead of zod's ISO module, which is large for a
// browser bundle that only needs this one check.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A moment as an ISO 8601 date-time string. */
export const isoTime = (error = 'must be an ISO date-time such as 2025-01-31T12:00:00.000Z') =>
  z.string({ error }).check(
    z.regex(ISO_DATE_TIME, { error }),
    z.refine((value) => !Number.isNaN(Date.parse(value)), { error }),
  );
