/*
 * The rules of the competence self-assessment (its shape is src/schemas/selfAssessment.ts): reading a
 * stored one, recording an answer, merging two tabs round by round, and scoring a round per module.
 * The team feature reads the averages for a learner's summary through these same rules.
 */
import type { ModuleId } from '../../schemas/common';
import {
  rounds,
  SELF_ASSESSMENT_SCHEMA_VERSION,
  selfAssessmentSchema,
  statementIds,
  statements,
  type Round,
  type RoundAnswers,
  type SelfAssessment,
  type StatementId,
} from '../../schemas/selfAssessment';
import { parseDocument } from '../../client/documentFile';

/** The modules the statements are about, in course order. */
const scoredModules: ModuleId[] = [...new Set(statements.map((s) => s.moduleId))];

export const parseSelfAssessment = (raw: unknown): SelfAssessment =>
  parseDocument(raw, selfAssessmentSchema, SELF_ASSESSMENT_SCHEMA_VERSION, 'the self-assessment');

/** Records one answer. */
export function answer(doc: SelfAssessment, round: Round, id: StatementId, value: number, now: Date): SelfAssessment {
  return { ...doc, [round]: { answers: { ...doc[round]?.answers, [id]: value }, updatedAt: now.toISOString() } };
}

/** Each round from the tab that changed it last. */
export function mergeSelfAssessments(mine: SelfAssessment, theirs: SelfAssessment): SelfAssessment {
  const merged: SelfAssessment = { ...mine };
  for (const round of rounds) {
    const a = mine[round];
    const b = theirs[round];
    if (b && (!a || Date.parse(b.updatedAt) > Date.parse(a.updatedAt))) merged[round] = b;
  }
  return merged;
}

const mean = (values: number[]): number | null =>
  values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10 : null;

export interface RoundAverages {
  /** Mean of every answered statement, one decimal; null when none is answered. */
  overall: number | null;
  /** Mean per module that has statements; a module of the course without any has no entry. */
  byModule: Partial<Record<ModuleId, number | null>>;
  answered: number;
}

/** Averages of a round, overall and per module (each module that has statements, in course order). */
export function averages(round: RoundAnswers | undefined): RoundAverages {
  const answers = round?.answers ?? {};
  const values = (ids: readonly StatementId[]): number[] =>
    ids.flatMap((id) => (answers[id] === undefined ? [] : [answers[id]]));
  const byModule = Object.fromEntries(
    scoredModules.map((m) => [m, mean(values(statements.filter((s) => s.moduleId === m).map((s) => s.id)))]),
  ) as Partial<Record<ModuleId, number | null>>;
  return { overall: mean(values(statementIds)), byModule, answered: values(statementIds).length };
}

/** Whether every statement of a round is answered. */
export const isComplete = (round: RoundAnswers | undefined): boolean =>
  statementIds.every((id) => round?.answers[id] !== undefined);

/**
 * The modules to focus on: from the latest round with answers, those averaging below 3.5, weakest
 * first; when none is that low, the two weakest. Empty when nothing is answered.
 */
export function focusModules(doc: SelfAssessment): ModuleId[] {
  const latest = doc.after && averages(doc.after).answered > 0 ? doc.after : doc.before;
  const by = averages(latest).byModule;
  const scored = scoredModules
    .flatMap((m) => (by[m] === null || by[m] === undefined ? [] : [{ m, v: by[m] }]))
    .sort((x, y) => x.v - y.v || scoredModules.indexOf(x.m) - scoredModules.indexOf(y.m));
  const low = scored.filter((s) => s.v < 3.5);
  return (low.length ? low : scored.slice(0, 2)).map((s) => s.m);
}
