/*
 * One versioned document under one storage key, for the stored kinds other than progress (feedback
 * outbox, development plan, self-assessment, chosen schedule).
 *
 * Stored shape: whatever the feature's schema says, as a plain object under `key`; it must carry its
 * own kind and schemaVersion. Lifecycle: load() before anything is written; save() after merging.
 * Migration cases: `parse` reads every format ever shipped; it throws NewerFormatError for a future
 * one (left in place, nothing written) and any other error for unreadable data, which is copied to a
 * quarantine key before the original is removed: never silently deleted.
 */
import type { KeyValueStore } from './keyValueStore';
import { quarantineKey } from './keys';

/** The stored document was written by a newer version of the course. */
export class NewerFormatError extends Error {
  override name = 'NewerFormatError';
}

export type DocumentLoadResult<T> =
  { kind: 'ok'; doc: T } | { kind: 'empty' } | { kind: 'quarantined'; quarantineKey: string; reason: string };

export interface DocumentStore<T> {
  load(): Promise<DocumentLoadResult<T>>;
  save(doc: T): Promise<void>;
  clear(): Promise<void>;
}

export function createDocumentStore<T>(
  kv: KeyValueStore,
  options: { key: string; parse: (raw: unknown) => T; clock?: () => Date },
): DocumentStore<T> {
  const { key, parse } = options;
  const clock = options.clock ?? (() => new Date());
  return {
    async load() {
      const raw = await kv.getItem(key);
      if (raw === null || raw === undefined) return { kind: 'empty' };
      try {
        return { kind: 'ok', doc: parse(raw) };
      } catch (error) {
        if (error instanceof NewerFormatError) throw error;
        const existing = new Set(await kv.keys());
        let at = clock();
        while (existing.has(quarantineKey(at, key))) at = new Date(at.getTime() + 1);
        const aside = quarantineKey(at, key);
        await kv.setItem(aside, raw);
        await kv.removeItem(key);
        return {
          kind: 'quarantined',
          quarantineKey: aside,
          reason: error instanceof Error ? error.message : String(error),
        };
      }
    },
    async save(doc) {
      // Validated on the way out too: a bug must not store what the next load would set aside.
      await kv.setItem(key, parse(doc));
    },
    async clear() {
      await kv.removeItem(key);
    },
  };
}
