/*
 * The competence self-assessment: statements mapped to the course modules, each answered on a 1–5
 * scale, once "before" the studies and again "after".
 *
 * Stored shape (key 'selfAssessment', schemaVersion 1): { kind: 'hankintapolku.selfAssessment',
 * schemaVersion, before?: Round, after?: Round } where Round = { answers: { [statementId]: 1–5 },
 * updatedAt }. Statement texts live in src/i18n/ui.ts (`assess.s.<id>`); ids never change.
 * Lifecycle: each answer is saved as it is chosen; tabs merge round by round, the later one winning.
 * Migration cases: only v1 exists; a newer stored one is left in place.
 */
import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from './isoTime';
import { moduleIds, type ModuleId } from './ids';
import { refuseNewer } from './documentFile';
import { describeIssues } from './describeIssues';

export const SELF_ASSESSMENT_KIND = 'hankintapolku.selfAssessment';
export const SELF_ASSESSMENT_SCHEMA_VERSION = 1;

/** Two statements per module, in course order. */
export const statements = [
  { id: 'background-why', moduleId: 'background' },
  { id: 'background-policy', moduleId: 'background' },
  { id: 'teamwork-roles', moduleId: 'teamwork' },
  { id: 'teamwork-cooperation', moduleId: 'teamwork' },
  { id: 'goals-set', moduleId: 'goals' },
  { id: 'goals-strategy', moduleId: 'goals' },
  { id: 'constraints-law', moduleId: 'constraints' },
  { id: 'constraints-market', moduleId: 'constraints' },
  { id: 'tools-criteria', moduleId: 'tools' },
  { id: 'tools-procedures', moduleId: 'tools' },
  { id: 'measurement-indicators', moduleId: 'measurement' },
  { id: 'measurement-learning', moduleId: 'measurement' },
  { id: 'support-services', moduleId: 'support' },
  { id: 'support-sharing', moduleId: 'support' },
] as const satisfies readonly { id: string; moduleId: ModuleId }[];
export type StatementId = (typeof statements)[number]['id'];
export const statementIds = statements.map((s) => s.id) as [StatementId, ...StatementId[]];

export const rounds = ['before', 'after'] as const;
export type Round = (typeof rounds)[number];
export const SCALE = [1, 2, 3, 4, 5] as const;

const roundSchema = z.object({
  /** The answer to each statement answered so far, 1 (not at all) – 5 (fully). */
  answers: z.partialRecord(z.enum(statementIds), z.int().check(z.minimum(1), z.maximum(5))),
  /** When an answer of this round last changed; the later round wins between tabs. */
  updatedAt: isoTimeSchema(),
});
export type RoundAnswers = z.infer<typeof roundSchema>;

export const selfAssessmentSchema = z.object({
  kind: z.literal(SELF_ASSESSMENT_KIND),
  schemaVersion: z.literal(SELF_ASSESSMENT_SCHEMA_VERSION),
  /** Taken at the start of the studies. */
  before: z.optional(roundSchema),
  /** Taken at the end. */
  after: z.optional(roundSchema),
});
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

export const emptySelfAssessment = (): SelfAssessment => ({
  kind: SELF_ASSESSMENT_KIND,
  schemaVersion: SELF_ASSESSMENT_SCHEMA_VERSION,
});

export function parseSelfAssessment(raw: unknown): SelfAssessment {
  refuseNewer(raw, SELF_ASSESSMENT_SCHEMA_VERSION, 'the self-assessment');
  const parsed = selfAssessmentSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

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
  byModule: Record<ModuleId, number | null>;
  answered: number;
}

/** Averages of a round, overall and per module. */
export function averages(round: RoundAnswers | undefined): RoundAverages {
  const answers = round?.answers ?? {};
  const values = (ids: readonly StatementId[]): number[] =>
    ids.flatMap((id) => (answers[id] === undefined ? [] : [answers[id]]));
  const byModule = Object.fromEntries(
    moduleIds.map((m) => [m, mean(values(statements.filter((s) => s.moduleId === m).map((s) => s.id)))]),
  ) as Record<ModuleId, number | null>;
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
  const scored = moduleIds
    .flatMap((m) => (by[m] === null ? [] : [{ m, v: by[m] }]))
    .sort((x, y) => x.v - y.v || moduleIds.indexOf(x.m) - moduleIds.indexOf(y.m));
  const low = scored.filter((s) => s.v < 3.5);
  return (low.length ? low : scored.slice(0, 2)).map((s) => s.m);
}
