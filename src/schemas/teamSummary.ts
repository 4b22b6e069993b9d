/*
 * The team view without a server. A learner exports a small summary file (the name they choose, the
 * status of each module, their self-assessment averages); a coordinator imports several into their
 * own browser and sees members × modules. Nothing is uploaded anywhere.
 *
 * Summary file (kind 'hankintapolku.summary', schemaVersion 1): { kind, schemaVersion, id, name,
 * exportedAt, modules: { [moduleId]: status }, assessment: { before, after } }.
 * Stored team (key 'team', schemaVersion 1): { kind: 'hankintapolku.team', schemaVersion, updatedAt,
 * myName, members: Summary[] }. Tabs merge by keeping every member once (the latest export of each id)
 * and the later `myName`. Migration cases: only v1 exists; newer files are refused.
 */
import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from './isoTime';
import { moduleIds, type ModuleId } from './ids';
import { readDocumentFile, refuseNewer, type FileReadResult } from './documentFile';
import { describeIssues } from './describeIssues';

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
  /** Every module's status. */
  modules: z.record(z.enum(moduleIds), z.enum(moduleStatuses)),
  /** Self-assessment averages, 1–5, or null when that round is not taken. */
  assessment: z.object({ before: average, after: average }),
});
export type Summary = z.infer<typeof summarySchema>;

export function parseSummary(raw: unknown): Summary {
  refuseNewer(raw, SUMMARY_SCHEMA_VERSION, 'the summary');
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

/** Reads a summary file the coordinator chose. */
export const readSummaryFile = (text: string, byteSize: number): FileReadResult<Summary> =>
  readDocumentFile(text, byteSize, { maxBytes: SUMMARY_FILE_MAX_BYTES, kind: SUMMARY_KIND, parse: parseSummary });

export function buildSummary(input: {
  id: string;
  name: string;
  now: Date;
  modules: Record<ModuleId, ModuleStatus>;
  before: number | null;
  after: number | null;
}): Summary {
  return {
    kind: SUMMARY_KIND,
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    id: input.id,
    name: input.name.trim(),
    exportedAt: input.now.toISOString(),
    modules: input.modules,
    assessment: { before: input.before, after: input.after },
  };
}

/** A file name such as hankintapolku-yhteenveto-maija.json. */
export function summaryFileName(name: string, lang: 'fi' | 'en'): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'member';
  return `hankintapolku-${lang === 'fi' ? 'yhteenveto' : 'summary'}-${slug}.json`;
}

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

export function parseTeam(raw: unknown): Team {
  refuseNewer(raw, TEAM_SCHEMA_VERSION, 'the team');
  const parsed = teamSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

/** Adds summaries: one row per member id, the latest export winning. */
export function addMembers(team: Team, summaries: Summary[]): Team {
  const members = [...team.members];
  for (const s of summaries) {
    const at = members.findIndex((m) => m.id === s.id);
    if (at < 0) members.push(s);
    else if (Date.parse(s.exportedAt) >= Date.parse(members[at]?.exportedAt ?? '')) members[at] = s;
  }
  return { ...team, members: members.slice(0, TEAM_MEMBERS_MAX) };
}

export function mergeTeams(mine: Team, theirs: Team): Team {
  const own = Date.parse(theirs.updatedAt) > Date.parse(mine.updatedAt) ? theirs : mine;
  return addMembers(
    { ...mine, updatedAt: own.updatedAt, myName: own.myName, ...(own.myId ? { myId: own.myId } : {}) },
    theirs.members,
  );
}
