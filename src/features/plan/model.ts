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
import { describeIssues } from '../../schemas/describeIssues';
import { readDocumentFile, refuseNewer, type FileReadResult } from '../../client/documentFile';

/** Reads a stored or imported plan; throws with a reason when it cannot. */
export function parsePlan(raw: unknown): Plan {
  refuseNewer(raw, PLAN_SCHEMA_VERSION, 'the plan');
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

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

/** Two tabs' plans as one: each part from the side that edited it last (ties keep `mine`). */
export function mergePlans(mine: Plan, theirs: Plan): Plan {
  let merged: Plan = { ...mine, texts: { ...mine.texts }, edits: { ...mine.edits } };
  for (const part of planParts) {
    if (editedAt(theirs, part) <= editedAt(mine, part)) continue;
    const value =
      part === 'actions' || part === 'challenges' || part === 'questions' ? theirs[part] : theirs.texts[part];
    merged = editPlan(merged, part, value as never, new Date(editedAt(theirs, part)));
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
