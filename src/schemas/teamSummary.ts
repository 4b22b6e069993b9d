/*
 * The team view without a server. A learner exports a small summary file (the name they choose, the
 * status of each module, their self-assessment averages); a coordinator imports several into their
 * own browser and sees members × modules. Nothing is uploaded anywhere.
 *
 * Summary file (kind 'hankintapolku.summary', schemaVersion 1): { kind, schemaVersion, id, name,
 * exportedAt, modules: { [moduleId]: status }, assessment: { before, after } }.
 * Stored team (key 'team', schemaVersion 1): { kind: 'hankintapolku.team', schemaVersion, updatedAt,
 * myName, members: Summary[] }. Tabs merge by keeping every member once (the latest export of each id)
 * and the later `myName`. Migration cases: only v1 exists; newer files are refused. Reading, building
 * and merging are the team feature's rules (src/features/team/model.ts).
 */
import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from './isoTime';
import { stableIdPattern } from './ids';

export const SUMMARY_KIND = 'hankintapolku.summary';
export const SUMMARY_SCHEMA_VERSION = 1;
export const TEAM_KIND = 'hankintapolku.team';
export const TEAM_SCHEMA_VERSION = 1;
/** A summary is well under 2 KB; anything far bigger is not one. */
export const SUMMARY_FILE_MAX_BYTES = 64 * 1024;
export const TEAM_MEMBERS_MAX = 200;
export const MEMBER_NAME_MAX = 100;

export const moduleStatuses = ['not-started', 'in-progress', 'completed'] as const;
export type ModuleStatus = (typeof moduleStatuses)[number];

const isoTime = isoTimeSchema('must be an ISO date-time');
const average = z.nullable(z.number().check(z.minimum(1), z.maximum(5)));

export const summarySchema = z.object({
  kind: z.literal(SUMMARY_KIND),
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
  /** Random id made once per learner, so a newer file from the same person replaces the older. */
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'must be an id made by the course' })),
  /** The name the learner chose to show. */
  name: z.string().check(z.trim(), z.minLength(1, { error: 'name is empty' }), z.maxLength(MEMBER_NAME_MAX)),
  exportedAt: isoTime,
  /** Every module's status, by module id (the modules of the course the learner studied). */
  modules: z.record(
    z.string().check(z.regex(stableIdPattern, { error: 'must be a module id' }), z.maxLength(100)),
    z.enum(moduleStatuses),
  ),
  /** Self-assessment averages, 1–5, or null when that round is not taken. */
  assessment: z.object({ before: average, after: average }),
});
export type Summary = z.infer<typeof summarySchema>;

export const teamSchema = z.object({
  kind: z.literal(TEAM_KIND),
  schemaVersion: z.literal(TEAM_SCHEMA_VERSION),
  /** When the learner's own name or id last changed. */
  updatedAt: isoTime,
  /** The name this learner shows in their own summary. */
  myName: z.string().check(z.maxLength(MEMBER_NAME_MAX)),
  /** This learner's summary id, made on first export. */
  myId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/))),
  /** Summaries imported by the coordinator, in import order. */
  members: z.array(summarySchema).check(z.maxLength(TEAM_MEMBERS_MAX)),
});
export type Team = z.infer<typeof teamSchema>;

export const emptyTeam = (): Team => ({
  kind: TEAM_KIND,
  schemaVersion: TEAM_SCHEMA_VERSION,
  updatedAt: new Date(0).toISOString(),
  myName: '',
  members: [],
});
