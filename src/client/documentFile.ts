/*
 * Reading a JSON file the learner chose (a plan, a team summary): size first, then JSON, then whose
 * file it is, then its version and content. Reading never changes anything: it returns the document
 * or the reason it was refused.
 */
import type { z } from 'zod/mini';
import { describeIssues } from '../schemas/describeIssues';
import { NewerFormatError } from '../storage/documentStore';

/** Why a file was refused; each has its own message for the learner. */
export type FileRefusal = 'size' | 'json' | 'kind' | 'newer' | 'invalid';

export type FileReadResult<T> = { ok: true; doc: T } | { ok: false; reason: FileRefusal; detail?: string };

export function readDocumentFile<T>(
  text: string,
  byteSize: number,
  options: { maxBytes: number; kind: string; parse: (raw: unknown) => T },
): FileReadResult<T> {
  if (byteSize > options.maxBytes) return { ok: false, reason: 'size' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    (data as { kind?: unknown }).kind !== options.kind
  ) {
    return { ok: false, reason: 'kind' };
  }
  try {
    return { ok: true, doc: options.parse(data) };
  } catch (error) {
    if (error instanceof NewerFormatError) return { ok: false, reason: 'newer' };
    const detail = error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error);
    return { ok: false, reason: 'invalid', detail };
  }
}

/**
 * The text of a file the learner chose, read only when it is within `maxBytes`: a bigger file is
 * never read into memory (its reader then refuses it by its size).
 */
export function textWithin(file: { size: number; text(): Promise<string> }, maxBytes: number): Promise<string> {
  return file.size > maxBytes ? Promise.resolve('') : file.text();
}

/**
 * A stored or imported document checked against its schema: NewerFormatError (stored data is then
 * left in place, a file refused) when `raw.schemaVersion` is above `current`, an Error listing the
 * problems when the schema refuses it.
 */
export function parseDocument<T>(raw: unknown, schema: z.ZodMiniType<T>, current: number, what: string): T {
  if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw) {
    const version = raw.schemaVersion;
    if (typeof version === 'number' && version > current)
      throw new NewerFormatError(`${what} was saved by a newer version`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}
