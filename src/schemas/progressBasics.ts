/*
 * The parts of the progress format that need no schema library: the version this build writes, the
 * length limits and the lesson key. Kept apart from the schemas (./progress.ts) so that the code
 * every page runs (the status marks, the progress machine, the save) does not load zod; the schemas
 * load only where stored or incoming data has to be checked.
 */

/** The schemaVersion this build writes. Bump it together with a migration step. */
export const PROGRESS_SCHEMA_VERSION = 2;

/** Longest reflection answer kept, so a pasted book cannot fill the storage quota. */
export const NOTE_MAX_LENGTH = 20_000;
/** Longest name printed on the certificate. */
export const CERTIFICATE_NAME_MAX_LENGTH = 200;

/** The key of a lesson in a progress document's `lessons` and `notes`. */
export function lessonKeyOf(moduleId: string, lessonId: string): string {
  return `${moduleId}/${lessonId}`;
}
