import type { Certificate, LessonFacts, Location, Note, ProgressDocument, QuizFacts } from '../schemas/progress';
import { compareInstants, earliest, latest } from './instants';

/*
 * Merging two progress documents, e.g. this tab's and one another tab just saved, or an import.
 *
 * merge is commutative, associative and idempotent (a join), so tabs converge whatever order their
 * documents arrive in, and it never loses a fact: a completed lesson or a passed check stays so.
 * Facts take the earliest time they became true; things the learner can change (notes,
 * certificate name, location) take the latest write, with ties broken by comparing content so
 * both sides pick the same winner.
 */

/**
 * The later write wins; at equal times the larger `contentOf` wins, so both sides of a merge pick
 * the same value.
 */
function lastWriterWins<T>(
  a: T | undefined,
  b: T | undefined,
  timeOf: (value: T) => string,
  contentOf: (value: T) => string,
): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const byTime = compareInstants(timeOf(a), timeOf(b));
  if (byTime !== 0) return byTime > 0 ? a : b;
  return contentOf(a) >= contentOf(b) ? a : b;
}

/** Builds an object without the keys whose value is undefined (the stored shape omits them). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function mergeRecords<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  mergeValues: (left: T, right: T) => T,
): Record<string, T> {
  const result: Record<string, T> = { ...a };
  for (const [key, right] of Object.entries(b)) {
    const left = result[key];
    result[key] = left === undefined ? right : mergeValues(left, right);
  }
  // Key order differs with argument order; sort so equal documents also serialise equally.
  return Object.fromEntries(Object.entries(result).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

function mergeLesson(a: LessonFacts, b: LessonFacts): LessonFacts {
  return defined({
    firstOpenedAt: earliest(a.firstOpenedAt, b.firstOpenedAt),
    completedAt: earliest(a.completedAt, b.completedAt),
  });
}

function mergeQuiz(a: QuizFacts, b: QuizFacts): QuizFacts {
  return defined({
    attempts: Math.max(a.attempts, b.attempts),
    bestScore: Math.max(a.bestScore, b.bestScore),
    passedAt: earliest(a.passedAt, b.passedAt),
    lastAttemptAt: latest(a.lastAttemptAt, b.lastAttemptAt),
  });
}

function mergeNote(a: Note, b: Note): Note {
  return (
    lastWriterWins(
      a,
      b,
      (note) => note.updatedAt,
      (note) => note.text,
    ) ?? a
  );
}

/** Combines two progress documents into one that holds every fact of both. */
export function merge(a: ProgressDocument, b: ProgressDocument): ProgressDocument {
  const newer =
    lastWriterWins(
      a,
      b,
      (doc) => doc.updatedAt,
      (doc) => doc.contentVersion,
    ) ?? a;
  return defined({
    kind: 'hankintapolku.progress',
    schemaVersion: a.schemaVersion,
    // The version the newer writer reconciled with; the machine reconciles again after merging.
    contentVersion: newer.contentVersion,
    updatedAt: latest(a.updatedAt, b.updatedAt) ?? a.updatedAt,
    courseStartedAt: earliest(a.courseStartedAt, b.courseStartedAt),
    courseCompletedAt: earliest(a.courseCompletedAt, b.courseCompletedAt),
    certificate: lastWriterWins<Certificate>(
      a.certificate,
      b.certificate,
      (value) => value.updatedAt,
      (value) => value.name,
    ),
    lastLocation: lastWriterWins<Location>(
      a.lastLocation,
      b.lastLocation,
      (value) => value.at,
      (value) => `${value.moduleId}/${value.lessonId ?? ''}`,
    ),
    lessons: mergeRecords(a.lessons, b.lessons, mergeLesson),
    quizzes: mergeRecords(a.quizzes, b.quizzes, mergeQuiz),
    notes: mergeRecords(a.notes, b.notes, mergeNote),
  });
}

/** Serialises with sorted keys, so documents that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : entry,
  );
}

/** Whether two documents hold the same facts; lets tabs stop echoing a merge back and forth. */
export function isSameDocument(a: ProgressDocument, b: ProgressDocument): boolean {
  return a === b || canonical(a) === canonical(b);
}
