/*
 * When a lesson's facts are due for another check. The build warns about such lessons and the content
 * report lists them. No imports, so the report can run this file directly under Node.
 */

/** A lesson is due for review when it was last checked longer ago than this. */
export const REVIEW_INTERVAL_MONTHS = 12;

/** The date a lesson checked on `reviewed` falls due for review again. */
export function reviewDueDate(reviewed: Date): Date {
  const due = new Date(reviewed);
  due.setUTCMonth(due.getUTCMonth() + REVIEW_INTERVAL_MONTHS);
  return due;
}

/**
 * Whether a lesson needs checking on `today`: it was never reviewed, or its review is older than the
 * interval. `reviewed` is the frontmatter value: a Date from the content schema, or the YYYY-MM-DD
 * string a plain YAML parser gives.
 */
export function isReviewDue(reviewed: Date | string | undefined, today: Date): boolean {
  if (reviewed === undefined) return true;
  const date = reviewed instanceof Date ? reviewed : new Date(`${reviewed}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return true;
  return reviewDueDate(date).getTime() <= today.getTime();
}
