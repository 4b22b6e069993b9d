/*
 * Converts the progress document between its readable form (in memory, between tabs) and its
 * stored form (browser storage, export files); both are described in src/schemas/progress.ts.
 *
 * Stored shape (v2): lessons grouped by module, each lesson as [first opened ms, completed − first
 * opened ms], e.g. { "goals": { "why-it-matters": [1741590131004, 809216] } }. Times keep their
 * instant to the millisecond; an offset written in an imported v1 time comes back as UTC.
 * Lifecycle: encode on every save (cheap: lessons whose facts did not change reuse their encoding);
 * decode once per load or import, after the stored form has been validated.
 */
import type { LessonFacts, ProgressDocument, StoredLessonTimes, StoredProgress } from '../schemas/progress';
import { lessonKeyOf } from '../schemas/progressBasics';

/**
 * Encodings of facts objects already seen. Documents are immutable and an update copies only the
 * facts it changes, so on a long course almost every lesson is found here and its times are not
 * parsed again on each save.
 */
const encoded = new WeakMap<LessonFacts, StoredLessonTimes>();

/** Parses a validated ISO time to milliseconds. */
const toMillis = (time: string): number => Date.parse(time);

function encodeTimes(facts: LessonFacts): StoredLessonTimes {
  const cached = encoded.get(facts);
  if (cached !== undefined) return cached;
  const opened = facts.firstOpenedAt === undefined ? null : toMillis(facts.firstOpenedAt);
  const times: StoredLessonTimes =
    facts.completedAt === undefined ? [opened] : [opened, toMillis(facts.completedAt) - (opened ?? 0)];
  encoded.set(facts, times);
  return times;
}

function decodeTimes([opened, completedAfter]: StoredLessonTimes): LessonFacts {
  const facts: LessonFacts = {};
  if (opened !== undefined && opened !== null) facts.firstOpenedAt = new Date(opened).toISOString();
  if (completedAfter !== undefined && completedAfter !== null) {
    facts.completedAt = new Date((opened ?? 0) + completedAfter).toISOString();
  }
  return facts;
}

/** Readable "moduleId/lessonId" facts → stored lessons by module. Used by the v1 → v2 migration too. */
export function encodeLessons(lessons: Record<string, LessonFacts>): StoredProgress['lessons'] {
  const byModule: StoredProgress['lessons'] = {};
  for (const [key, facts] of Object.entries(lessons)) {
    const slash = key.indexOf('/');
    const moduleId = key.slice(0, slash);
    (byModule[moduleId] ??= {})[key.slice(slash + 1)] = encodeTimes(facts);
  }
  return byModule;
}

/** The form to store or export. */
export function encodeProgress(doc: ProgressDocument): StoredProgress {
  // kind and schemaVersion first, so an export file says what it is in its first lines.
  const { kind, schemaVersion, lessons, ...rest } = doc;
  return { kind, schemaVersion, ...rest, lessons: encodeLessons(lessons) };
}

/**
 * The readable form of a validated stored document. Throws RangeError when a completion time lands
 * outside what a Date can hold (each number alone was validated, their sum cannot be).
 */
export function decodeProgress(stored: StoredProgress): ProgressDocument {
  const lessons: Record<string, LessonFacts> = {};
  for (const [moduleId, moduleLessons] of Object.entries(stored.lessons)) {
    for (const [lessonId, times] of Object.entries(moduleLessons)) {
      lessons[lessonKeyOf(moduleId, lessonId)] = decodeTimes(times);
    }
  }
  return { ...stored, lessons };
}
