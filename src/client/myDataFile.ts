/*
 * The "My data" file: everything the learner has, as one JSON file they can move to another device.
 * Shape (formatVersion 1): { kind: 'hankintapolku.export', formatVersion, exportedAt, progress }.
 * Reading a file never changes anything: it either returns the documents to import or a reason.
 */
import type { ProgressDocument } from '../schemas/progress';
import { InvalidProgressError, NewerSchemaVersionError, migrateProgress } from '../storage/migrations';

export const EXPORT_KIND = 'hankintapolku.export';
export const EXPORT_FORMAT_VERSION = 1;
/** Far above any real learner's data (a full course with long notes is well under 100 KB). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export interface ExportFile {
  kind: typeof EXPORT_KIND;
  formatVersion: number;
  exportedAt: string;
  progress: ProgressDocument;
}

export type ImportRefusal = 'size' | 'json' | 'kind' | 'newer' | 'invalid';
export type ImportResult =
  { ok: true; progress: ProgressDocument } | { ok: false; reason: ImportRefusal; detail?: string };

/** The file to download. */
export function buildExportFile(progress: ProgressDocument, now: Date): ExportFile {
  return { kind: EXPORT_KIND, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: now.toISOString(), progress };
}

/** A file name with the date, e.g. hankintapolku-2026-11-22.json. */
export function exportFileName(now: Date): string {
  return `hankintapolku-${now.toISOString().slice(0, 10)}.json`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks an imported file: size, JSON, kind, version, and every stored document in it. */
export function readImportFile(text: string, byteSize: number): ImportResult {
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
  try {
    return { ok: true, progress: migrateProgress(data['progress']) };
  } catch (error) {
    if (error instanceof NewerSchemaVersionError) return { ok: false, reason: 'newer' };
    if (error instanceof InvalidProgressError)
      return { ok: false, reason: 'invalid', detail: `progress: ${error.message.split('\n')[0] ?? ''}` };
    throw error;
  }
}
