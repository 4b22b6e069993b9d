/*
 * The rules of the development plan (its shape is src/schemas/plan.ts): reading a stored or imported
 * plan, editing one part, merging two tabs' plans part by part, and the names of exported files. The
 * academy's meeting brief edits the plan's questions through these same rules.
 */
import {
  PLAN_FILE_MAX_BYTES,
  PLAN_KIND,
  PLAN_SCHEMA_VERSION,
  planParts,
  planSchema,
  planTextFields,
  type Plan,
  type PlanAction,
  type PlanChallenge,
  type PlanPart,
  type PlanQuestion,
  type PlanTextField,
} from '../../schemas/plan';
import { readDocumentFile, parseDocument, type FileReadResult } from '../../client/documentFile';

/** Reads a stored or imported plan; throws with a reason when it cannot. */
export const parsePlan = (raw: unknown): Plan => parseDocument(raw, planSchema, PLAN_SCHEMA_VERSION, 'the plan');

/** Reads a plan file the learner chose to import. */
export const readPlanFile = (text: string, byteSize: number): FileReadResult<Plan> =>
  readDocumentFile(text, byteSize, { maxBytes: PLAN_FILE_MAX_BYTES, kind: PLAN_KIND, parse: parsePlan });

/** Whether the learner has written anything. */
export const isPlanEmpty = (plan: Plan): boolean =>
  planTextFields.every((f) => plan.texts[f].trim() === '') &&
  plan.actions.length === 0 &&
  plan.challenges.length === 0 &&
  plan.questions.length === 0;

/** The value of one part of the plan. */
export type PlanPartValue<P extends PlanPart> = P extends PlanTextField
  ? string
  : P extends 'actions'
    ? PlanAction[]
    : P extends 'challenges'
      ? PlanChallenge[]
      : PlanQuestion[];

/** The plan with one part changed at `now`. */
export function editPlan<P extends PlanPart>(plan: Plan, part: P, value: PlanPartValue<P>, now: Date): Plan {
  const at = now.toISOString();
  const next: Plan = { ...plan, updatedAt: at, edits: { ...plan.edits, [part]: at } };
  if (part === 'actions') next.actions = value as PlanAction[];
  else if (part === 'challenges') next.challenges = value as PlanChallenge[];
  else if (part === 'questions') next.questions = value as PlanQuestion[];
  else next.texts = { ...plan.texts, [part]: value as string };
  return next;
}

const editedAt = (plan: Plan, part: PlanPart): number => Date.parse(plan.edits[part] ?? '1970-01-01T00:00:00Z');

/** One part's value. */
const partOf = (plan: Plan, part: PlanPart): PlanPartValue<PlanPart> =>
  part === 'actions' || part === 'challenges' || part === 'questions' ? plan[part] : plan.texts[part];

const isPartEmpty = (plan: Plan, part: PlanPart): boolean => {
  const value = partOf(plan, part);
  return typeof value === 'string' ? value.trim() === '' : value.length === 0;
};

/**
 * Two plans as one (two tabs, or a file imported by merging): each part from the side that edited it
 * last. When neither side is later (the same time, or no edit time at all, as in a file written by
 * hand or by an early version), the part that holds something wins over an empty one, and otherwise
 * `mine` stays; so merging a plan into an empty one never quietly drops it.
 */
export function mergePlans(mine: Plan, theirs: Plan): Plan {
  let merged: Plan = { ...mine, texts: { ...mine.texts }, edits: { ...mine.edits } };
  for (const part of planParts) {
    const [theirTime, myTime] = [editedAt(theirs, part), editedAt(mine, part)];
    const theirsWins =
      theirTime > myTime || (theirTime === myTime && isPartEmpty(mine, part) && !isPartEmpty(theirs, part));
    if (!theirsWins) continue;
    merged = editPlan(merged, part, partOf(theirs, part) as never, new Date(theirTime));
  }
  merged.updatedAt = new Date(Math.max(Date.parse(mine.updatedAt), Date.parse(theirs.updatedAt))).toISOString();
  return merged;
}

/** An imported plan, every part marked as edited now, so it wins over what other open tabs hold. */
export function stampAll(plan: Plan, now: Date): Plan {
  const at = now.toISOString();
  return { ...plan, updatedAt: at, edits: Object.fromEntries(planParts.map((p) => [p, at])) };
}

/** The name of an exported plan file, e.g. development-plan-2026-12-02.md (`word` is the language's). */
export const planFileName = (word: string, now: Date, ext: 'md' | 'json'): string =>
  `${word}-${now.toISOString().slice(0, 10)}.${ext}`;
