import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from './isoTime';
import { CERTIFICATE_NAME_MAX_LENGTH, NOTE_MAX_LENGTH, PROGRESS_SCHEMA_VERSION } from './progressBasics';

/*
 * The learner's progress: a document of FACTS keyed by stable ids (module and lesson ids from
 * content/), never URLs, titles or machine state names, so renaming a page, a title or a state never
 * breaks stored data. Facts are only ever added or moved earlier in time, which is what makes tabs
 * mergeable (src/progress/mergeProgress.ts).
 *
 * Two forms of the same document:
 * - the READABLE form (ProgressDocument, below): what the code works with in memory and what tabs
 *   send each other. Times are ISO strings, lessons are keyed "moduleId/lessonId".
 * - the STORED form (StoredProgress, below): what is written to browser storage and into export
 *   files. It differs only in `lessons`, which are grouped by module with their two times as numbers,
 *   so a long course stays small. src/storage/progressFormat.ts converts between the two.
 * Changing either form means a new schemaVersion and a named step in src/storage/migrations.ts, plus
 * a fixture in tests/fixtures/.
 */

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const lessonKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A moment as an ISO 8601 date-time; offsets are accepted because imports may carry them. */
const isoTime = isoTimeSchema();
const stableIdString = z.string().check(z.regex(idPattern, { error: 'must be an id such as "goals"' }));
const lessonKey = z
  .string()
  .check(z.regex(lessonKeyPattern, { error: 'must be "moduleId/lessonId", e.g. "goals/why-it-matters"' }));

/** What is known about one lesson. */
export const lessonFactsSchema = z.object({
  /** When the learner first opened the lesson. */
  firstOpenedAt: z.optional(isoTime),
  /** When the learner first marked the lesson done. Never cleared except by a reset. */
  completedAt: z.optional(isoTime),
});
export type LessonFacts = z.infer<typeof lessonFactsSchema>;

/** What is known about one module's knowledge check. */
export const quizFactsSchema = z.object({
  /** How many times the learner has submitted the check. */
  attempts: z.int().check(z.minimum(0)),
  /** Best share of right answers so far, 0–1. */
  bestScore: z.number().check(z.minimum(0), z.maximum(1)),
  /** When the learner first reached the pass mark. */
  passedAt: z.optional(isoTime),
  /** When the learner last submitted the check. */
  lastAttemptAt: z.optional(isoTime),
});
export type QuizFacts = z.infer<typeof quizFactsSchema>;

/** A reflection answer written by the learner in a lesson. An empty text is a deleted answer. */
export const noteSchema = z.object({
  /** The learner's own words. */
  text: z.string().check(z.maxLength(NOTE_MAX_LENGTH)),
  /** When the text was last saved; the later one wins when tabs disagree. */
  updatedAt: isoTime,
});
export type Note = z.infer<typeof noteSchema>;

/** The name to print on the course certificate. */
export const certificateSchema = z.object({
  /** The name as the learner typed it, trimmed. */
  name: z.string().check(z.maxLength(CERTIFICATE_NAME_MAX_LENGTH)),
  /** When the name was last changed; the later one wins when tabs disagree. */
  updatedAt: isoTime,
});
export type Certificate = z.infer<typeof certificateSchema>;

/** Where the learner last was, for "continue where you left off". */
export const locationSchema = z.object({
  /** The module the learner was in. */
  moduleId: stableIdString,
  /** The lesson, when the learner was on a lesson page rather than the module page or its check. */
  lessonId: z.optional(stableIdString),
  /** When the learner was there. */
  at: isoTime,
});
export type Location = z.infer<typeof locationSchema>;

/** Every field but the schema version and the lessons: the same in the readable and stored forms. */
const commonFields = {
  /** Marks the document as ours, so an import of some other JSON file is refused. */
  kind: z.literal('hankintapolku.progress'),
  /** The manifest contentVersion the document was last reconciled with. */
  contentVersion: z.string(),
  /** When anything in the document last changed. */
  updatedAt: isoTime,
  /** When the learner first opened any lesson. */
  courseStartedAt: z.optional(isoTime),
  /** When every module was first completed. Kept when content changes later. */
  courseCompletedAt: z.optional(isoTime),
  /** The certificate name, once the learner has given one. */
  certificate: z.optional(certificateSchema),
  /** The last place the learner visited. */
  lastLocation: z.optional(locationSchema),
  /** Knowledge-check facts keyed by module id. */
  quizzes: z.record(stableIdString, quizFactsSchema),
  /** Reflection answers keyed by "moduleId/lessonId". */
  notes: z.record(lessonKey, noteSchema),
};

/** Lesson facts keyed by "moduleId/lessonId". Facts of lessons removed from the course are kept. */
const readableLessons = z.record(lessonKey, lessonFactsSchema);

/** The readable form of the current version: in memory and between tabs. */
export const progressDocumentSchema = z.object({
  ...commonFields,
  /** The version of the document; see src/storage/migrations.ts. */
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  lessons: readableLessons,
});
export type ProgressDocument = z.infer<typeof progressDocumentSchema>;

/** Format v1 as shipped: the readable form was also what was stored. Read only by its migration. */
export const progressV1Schema = z.object({ ...commonFields, schemaVersion: z.literal(1), lessons: readableLessons });

/** The largest time a Date can hold, in milliseconds either side of 1970. */
const MAX_TIME_MS = 8_640_000_000_000_000;

/**
 * One lesson's times in the stored form: [first opened, completed − first opened], in milliseconds
 * (first opened since 1970-01-01 UTC; null when unknown, and then the second number is the completion
 * time itself). The second number is left out while the lesson is not completed.
 */
export const storedLessonTimesSchema = z.array(z.nullable(z.int())).check(
  z.minLength(1),
  z.maxLength(2),
  z.refine(
    ([opened, completedAfter]) => Math.abs(opened ?? 0) <= MAX_TIME_MS && completedAfter !== null,
    'must be [first opened, completed − first opened] in milliseconds',
  ),
);
export type StoredLessonTimes = z.infer<typeof storedLessonTimesSchema>;

/** The stored form of the current version: in browser storage and in export files. */
export const storedProgressSchema = z.object({
  ...commonFields,
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  /** Lesson times by module id, then lesson id. */
  lessons: z.record(stableIdString, z.record(stableIdString, storedLessonTimesSchema)),
});
export type StoredProgress = z.infer<typeof storedProgressSchema>;

/** What reading the stored progress found. */
export type ProgressLoadResult =
  | { kind: 'ok'; doc: ProgressDocument }
  | { kind: 'empty' }
  /** The stored data was unreadable; a copy was kept under `quarantineKey` and progress starts empty. */
  | { kind: 'quarantined'; quarantineKey: string; reason: string };

/**
 * Where progress is kept. Implemented by src/storage/progressStore.ts; declared here so the progress
 * machine can depend on the shape without importing storage code.
 */
export interface ProgressStore {
  /** Reads, migrates and validates the stored document. Rejects when storage cannot be used at all. */
  load(): Promise<ProgressLoadResult>;
  /**
   * Merges the document with the stored one and writes the result (read–merge–write under a
   * cross-tab lock). Resolves to the stored result when it holds facts `doc` lacks (another tab's
   * work, to adopt), else to undefined.
   */
  save(doc: ProgressDocument): Promise<ProgressDocument | undefined>;
  /** Removes stored progress (explicit reset); quarantined copies are kept. */
  clear(): Promise<void>;
  /** Keys of quarantined copies, oldest first. */
  listQuarantined(): Promise<string[]>;
  /** Copies the document synchronously for a page being left (the next load merges it in). */
  journal?(doc: ProgressDocument): void;
}
