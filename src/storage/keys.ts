/**
 * Every storage key the app uses, in one place. Keys are part of the stored format: renaming one
 * orphans what learners already have, so add new keys instead and migrate.
 */
export const storageKeys = {
  /** The progress document (src/schemas/progress.ts). */
  progress: 'progress',
  /** The development plan (src/schemas/plan.ts). */
  plan: 'plan',
  /** The competence self-assessment (src/schemas/selfAssessment.ts). */
  selfAssessment: 'selfAssessment',
  /** The team view: own summary settings and imported members (src/schemas/teamSummary.ts). */
  team: 'team',
  /** The feedback outbox (src/features/feedback/outbox.ts). */
  feedback: 'feedback',
  /** The chosen academy schedule (src/features/academy/choice.ts). */
  academy: 'academy',
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
