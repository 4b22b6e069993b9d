/*
 * The rules of the team view (the shapes are src/schemas/teamSummary.ts): reading summary files and
 * the stored team, building the learner's own summary and its file name, and merging members.
 */
import type { ModuleId } from '../../schemas/common';
import {
  SUMMARY_FILE_MAX_BYTES,
  SUMMARY_KIND,
  SUMMARY_SCHEMA_VERSION,
  summarySchema,
  TEAM_MEMBERS_MAX,
  TEAM_SCHEMA_VERSION,
  teamSchema,
  type ModuleStatus,
  type Summary,
  type Team,
} from '../../schemas/teamSummary';
import { readDocumentFile, parseDocument, type FileReadResult } from '../../client/documentFile';

export const parseSummary = (raw: unknown): Summary =>
  parseDocument(raw, summarySchema, SUMMARY_SCHEMA_VERSION, 'the summary');

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

/** A file name such as hankintapolku-yhteenveto-maija.json (`word` is the language's word for a summary). */
export function summaryFileName(name: string, word: string): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'member';
  return `hankintapolku-${word}-${slug}.json`;
}

export const parseTeam = (raw: unknown): Team => parseDocument(raw, teamSchema, TEAM_SCHEMA_VERSION, 'the team');

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
