/*
 * The procurement development plan (kehittämissuunnitelma / toimenpidesuunnitelma) that an
 * organisation draws up with its mentor, and the open questions to bring to the next sprint meeting.
 *
 * Stored shape (key 'plan', schemaVersion 1): { kind: 'hankintapolku.plan', schemaVersion, updatedAt,
 * texts: { [PlanTextField]: string }, actions: PlanAction[], challenges: PlanChallenge[],
 * questions: PlanQuestion[], edits: { [PlanPart]: ISO time } }. The export file is the same document.
 * Lifecycle: autosaved while the learner types; tabs merge part by part, the later edit of each part
 * winning (`edits`), so two tabs editing different parts keep both. Migration cases: only v1 exists;
 * a newer stored plan is left in place and a newer file is refused. Reading, editing and merging are
 * the plan feature's rules (src/features/plan/model.ts); this file only describes the shape.
 */
import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from './isoTime';

export const PLAN_KIND = 'hankintapolku.plan';
export const PLAN_SCHEMA_VERSION = 1;
/** Longest text of one field: a long plan is a few pages, not a book. */
export const PLAN_TEXT_MAX = 20_000;
/** Longest cell or list item. */
export const PLAN_ITEM_MAX = 2_000;
export const PLAN_ACTIONS_MAX = 100;
export const PLAN_CHALLENGES_MAX = 3;
export const PLAN_QUESTIONS_MAX = 50;
/** An imported plan file is refused above this size. */
export const PLAN_FILE_MAX_BYTES = 512 * 1024;

/** The free-text parts of the plan, in the order of the worksheet. */
export const planTextFields = [
  'goals',
  'operatingModel',
  'responsibilities',
  'budgetCycle',
  'annualCalendar',
  'performanceManagement',
  'investmentPlans',
  'mentorNotes',
] as const;
export type PlanTextField = (typeof planTextFields)[number];

/** The parts merged one by one between tabs. */
export const planParts = [...planTextFields, 'actions', 'challenges', 'questions'] as const;
export type PlanPart = (typeof planParts)[number];

export const actionStatuses = ['planned', 'in-progress', 'done', 'on-hold'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/*
 * The schema is built on first use (z.lazy), not when the module loads: constructing zod schemas
 * is start-up work on every page that shows the plan, and a first visit has no stored plan to read.
 */
export const planSchema = z.lazy(() => {
  const isoTime = isoTimeSchema('must be an ISO date-time');
  const itemId = z.string().check(z.minLength(1), z.maxLength(100));
  const item = z.string().check(z.maxLength(PLAN_ITEM_MAX));
  /** One row of the action table. */
  const action = z.object({
    id: itemId,
    /** What is done. */
    what: item,
    /** Who is responsible. */
    who: item,
    /** By when: YYYY-MM-DD, or empty when not decided. */
    due: z.union([
      z.literal(''),
      z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date such as 2027-03-31' })),
    ]),
    status: z.enum(actionStatuses),
  });
  /** An innovation challenge: the need for renewal and how procurement could answer it. */
  const challenge = z.object({ id: itemId, need: item, response: item });
  /** An open question to bring to the next sprint meeting. */
  const question = z.object({ id: itemId, text: item });
  const texts = z.object(
    Object.fromEntries(planTextFields.map((f) => [f, z.string().check(z.maxLength(PLAN_TEXT_MAX))])) as Record<
      PlanTextField,
      z.ZodMiniString
    >,
  );
  return z.object({
    /** Marks the document (and an exported file) as a Hankintapolku plan. */
    kind: z.literal(PLAN_KIND),
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    /** When anything last changed. */
    updatedAt: isoTime,
    /** The free-text parts. */
    texts,
    /** The action table, in the learner's order. */
    actions: z.array(action).check(z.maxLength(PLAN_ACTIONS_MAX)),
    /** 1–3 innovation challenges (none until the first is written). */
    challenges: z.array(challenge).check(z.maxLength(PLAN_CHALLENGES_MAX)),
    /** Open questions for the next sprint meeting. */
    questions: z.array(question).check(z.maxLength(PLAN_QUESTIONS_MAX)),
    /** When each part was last edited, for merging tabs part by part. */
    edits: z.partialRecord(z.enum(planParts), isoTime),
  });
});
export type Plan = z.infer<typeof planSchema>;
/** One row of the action table. */
export type PlanAction = Plan['actions'][number];
/** An innovation challenge: the need for renewal and how procurement could answer it. */
export type PlanChallenge = Plan['challenges'][number];
/** An open question to bring to the next sprint meeting. */
export type PlanQuestion = Plan['questions'][number];

export function emptyPlan(): Plan {
  return {
    kind: PLAN_KIND,
    schemaVersion: PLAN_SCHEMA_VERSION,
    updatedAt: new Date(0).toISOString(),
    texts: Object.fromEntries(planTextFields.map((f) => [f, ''])) as Record<PlanTextField, string>,
    actions: [],
    challenges: [],
    questions: [],
    edits: {},
  };
}
