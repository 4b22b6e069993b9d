/**
 * Every storage key the app uses, in one place. Keys are part of the stored format: renaming one
 * orphans what learners already have, so add new keys instead and migrate.
 */
export const storageKeys = {
  /** The progress document (src/schemas/progress.ts). */
  progress: 'progress',
  /** Written and removed once to check that storage really accepts writes. */
  probe: 'probe',
} as const;

const QUARANTINE_PREFIX = 'quarantine/';

/** Where an unreadable value of `key` is kept: 'quarantine/<iso-time>/<key>'. */
export function quarantineKey(at: Date, key: string): string {
  return `${QUARANTINE_PREFIX}${at.toISOString()}/${key}`;
}

export function isQuarantineKey(key: string): boolean {
  return key.startsWith(QUARANTINE_PREFIX);
}
