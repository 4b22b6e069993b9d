/*
 * The competence self-assessment: statements mapped to the course modules, each answered on a 1–5
 * scale, once "before" the studies and again "after".
 *
 * Stored shape (key 'selfAssessment', schemaVersion 1): { kind: 'hankintapolku.selfAssessment',
 * schemaVersion, before?: Round, after?: Round } where Round = { answers: { [statementId]: 1–5 },
 * updatedAt }. Statement texts live in src/i18n/ui.ts (`assess.s.<id>`); ids never change.
 * Lifecycle: each answer is saved as it is chosen; tabs merge round by round, the later one winning.
 * Migration cases: only v1 exists; a newer stored one is left in place. Answering, merging and
 * scoring are the self-assessment feature's rules (src/features/selfAssessment/model.ts).
 */
import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from './isoTime';
import type { ModuleId } from './ids';

export const SELF_ASSESSMENT_KIND = 'hankintapolku.selfAssessment';
export const SELF_ASSESSMENT_SCHEMA_VERSION = 1;

/** Two statements per module of the basic course, in course order (a module without statements is not scored). */
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
