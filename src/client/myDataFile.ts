/*
 * The "My data" file: everything the learner has, as one JSON file they can move to another device.
 * Shape (formatVersion 1): { kind: 'hankintapolku.export', formatVersion, exportedAt, progress,
 * sections?: { [section key]: data } }, where progress is in its stored form (any version ever
 * shipped is read; the current one is written) — sections are the other stored kinds (src/client/dataSections.ts).
 * Reading a file never changes anything: it either returns the documents to import or a reason.
 */
import type { ProgressDocument, StoredProgress } from '../schemas/progress';
import { InvalidProgressError, NewerSchemaVersionError, migrateProgress } from '../storage/migrations';
import { encodeProgress } from '../storage/progressFormat';
import type { DataSection } from './dataSection';

export const EXPORT_KIND = 'hankintapolku.export';
export const EXPORT_FORMAT_VERSION = 1;
/** Far above any real learner's data (a full course with long notes is well under 100 KB). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export interface ExportFile {
  kind: typeof EXPORT_KIND;
  formatVersion: number;
  exportedAt: string;
  progress: StoredProgress;
  /** The other kinds of stored data, by section key. */
  sections?: Record<string, unknown>;
}

export type ImportRefusal = 'size' | 'json' | 'kind' | 'newer' | 'invalid';
export type ImportResult =
  | { ok: true; progress: ProgressDocument; sections: { section: DataSection; data: unknown }[] }
  | { ok: false; reason: ImportRefusal; detail?: string };

/** The file to download. */
export function buildExportFile(
  progress: ProgressDocument,
  now: Date,
  sections: Record<string, unknown> = {},
): ExportFile {
  return {
    kind: EXPORT_KIND,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    progress: encodeProgress(progress),
    sections,
  };
}

/** A file name with the date, e.g. hankintapolku-2026-11-22.json. */
export function exportFileName(now: Date): string {
  return `hankintapolku-${now.toISOString().slice(0, 10)}.json`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an imported file: size, JSON, kind, version, and every stored document in it. A section
 * that cannot be read refuses the whole file, so an import is all or nothing.
 */
export function readImportFile(
  text: string,
  byteSize: number,
  knownSections: readonly DataSection[] = [],
): ImportResult {
  if (byteSize > MAX_IMPORT_BYTES) return { ok: false, reason: 'size' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (!isRecord(data) || data['kind'] !== EXPORT_KIND) return { ok: false, reason: 'kind' };
  const version = data['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', detail: 'formatVersion' };
  }
  if (version > EXPORT_FORMAT_VERSION) return { ok: false, reason: 'newer' };
  let progress: ProgressDocument;
  try {
    progress = migrateProgress(data['progress']);
  } catch (error) {
    if (error instanceof NewerSchemaVersionError) return { ok: false, reason: 'newer' };
    if (error instanceof InvalidProgressError)
      return { ok: false, reason: 'invalid', detail: `progress: ${error.message.split('\n')[0] ?? ''}` };
    throw error;
  }
  const raw = isRecord(data['sections']) ? data['sections'] : {};
  const sections: { section: DataSection; data: unknown }[] = [];
  for (const section of knownSections) {
    if (raw[section.key] === undefined) continue;
    try {
      sections.push({ section, data: section.parse(raw[section.key]) });
    } catch (error) {
      return {
        ok: false,
        reason: 'invalid',
        detail: `${section.key}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return { ok: true, progress, sections };
}
