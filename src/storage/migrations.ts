/*
 * Stored formats of the progress document, and the named steps between them.
 *
 * Shipped formats: v1 (tests/fixtures/progress-v1.json): the readable form was stored as is;
 * v2 (tests/fixtures/progress-v2.json), the current one: lesson times grouped by module as numbers
 * (src/storage/progressFormat.ts). To ship v3: change src/schemas/progress.ts, bump
 * PROGRESS_SCHEMA_VERSION, append ONE step { name: 'v2-to-v3-<what changed>', from: 2, to: 3,
 * migrate } below, and add tests/fixtures/progress-v3.json. Never edit or remove a shipped step:
 * some browser or export file still holds that format. A document with a NEWER schemaVersion than this build knows (the learner used a
 * newer deploy, then an older one was served) is refused with NewerSchemaVersionError and left
 * untouched, so the newer build can still read it.
 */
import { progressV1Schema, storedProgressSchema, type ProgressDocument } from '../schemas/progress';
import { PROGRESS_SCHEMA_VERSION } from '../schemas/progressBasics';
import { describeIssues } from '../schemas/describeIssues';
import { decodeProgress, encodeLessons } from './progressFormat';
import { NewerFormatError } from './documentStore';

/** The stored value before it is known to be valid. */
export type StoredRecord = Record<string, unknown>;

export interface MigrationStep {
  /** Says what changed, e.g. 'v1-to-v2-split-notes'. */
  name: string;
  from: number;
  to: number;
  /** Pure: returns the document in the `to` format, with schemaVersion set to `to`. */
  migrate(doc: StoredRecord): StoredRecord;
}

/** The first format ever shipped. */
export const FIRST_SCHEMA_VERSION = 1;

/** One rule for data from a newer version everywhere: a NewerFormatError, left untouched. */
export class NewerSchemaVersionError extends NewerFormatError {
  override readonly name = 'NewerSchemaVersionError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`Stored progress has schemaVersion ${found}; this version of the site reads up to ${supported}`);
  }
}

/** The stored value is not a progress document this or any earlier build wrote. */
export class InvalidProgressError extends Error {
  override readonly name = 'InvalidProgressError';
}

/** Every step ever shipped, oldest first. */
export const progressMigrations: readonly MigrationStep[] = [
  {
    // v1 stored the readable form, whose ISO times and "module/lesson" keys made a 1,000-lesson
    // course over 100 KB; v2 stores the same facts in about a third of that.
    name: 'v1-to-v2-lesson-times-by-module',
    from: 1,
    to: 2,
    migrate(doc) {
      const parsed = progressV1Schema.safeParse(doc);
      if (!parsed.success) throw new InvalidProgressError(describeIssues(parsed.error));
      return { ...parsed.data, schemaVersion: 2, lessons: encodeLessons(parsed.data.lessons) };
    },
  },
];

/** Checks that the steps lead from the first format to `target` one version at a time. */
export function assertMigrationChain(steps: readonly MigrationStep[], target: number): void {
  steps.forEach((step, index) => {
    const expectedFrom = FIRST_SCHEMA_VERSION + index;
    if (step.from !== expectedFrom || step.to !== expectedFrom + 1) {
      throw new Error(`Migration "${step.name}" should go from v${expectedFrom} to v${expectedFrom + 1}`);
    }
  });
  if (FIRST_SCHEMA_VERSION + steps.length !== target) {
    throw new Error(`Migrations end at v${FIRST_SCHEMA_VERSION + steps.length}, but the schema is v${target}`);
  }
}

function isRecord(value: unknown): value is StoredRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Brings a stored value up to `target` through the named steps, without validating the result. */
export function runMigrations(raw: unknown, steps: readonly MigrationStep[], target: number): StoredRecord {
  assertMigrationChain(steps, target);
  let doc: unknown = raw;
  // The localStorage driver or an import may hand over JSON text rather than an object.
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      throw new InvalidProgressError('Stored progress is not valid JSON');
    }
  }
  if (!isRecord(doc) || doc.kind !== 'hankintapolku.progress') {
    throw new InvalidProgressError('Stored value is not a Hankintapolku progress document');
  }
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < FIRST_SCHEMA_VERSION) {
    throw new InvalidProgressError(`Stored progress has an unknown schemaVersion: ${String(version)}`);
  }
  if (version > target) throw new NewerSchemaVersionError(version, target);
  let current: StoredRecord = doc;
  for (const step of steps.slice(version - FIRST_SCHEMA_VERSION)) {
    current = step.migrate(current);
    if (current.schemaVersion !== step.to) {
      throw new Error(`Migration "${step.name}" did not set schemaVersion to ${step.to}`);
    }
  }
  return current;
}

/**
 * Reads any stored format ever shipped as a current ProgressDocument. Throws
 * NewerSchemaVersionError for a future format and InvalidProgressError (with a readable list of
 * problems) for anything else that does not fit.
 */
export function migrateProgress(raw: unknown): ProgressDocument {
  const migrated = runMigrations(raw, progressMigrations, PROGRESS_SCHEMA_VERSION);
  const parsed = storedProgressSchema.safeParse(migrated);
  if (!parsed.success) throw new InvalidProgressError(describeIssues(parsed.error));
  try {
    return decodeProgress(parsed.data);
  } catch (error) {
    if (error instanceof RangeError) throw new InvalidProgressError(`lessons: ${error.message}`);
    throw error;
  }
}
