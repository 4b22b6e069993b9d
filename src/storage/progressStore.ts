/*
 * Progress persistence on top of any KeyValueStore.
 *
 * Stored shape: the stored form of the progress document (StoredProgress, src/schemas/progress.ts;
 * converted by src/storage/progressFormat.ts) as a plain object under the key 'progress'; unreadable values are copied to 'quarantine/<iso-time>/progress' (src/storage/keys.ts).
 * Lifecycle: load() once per page before anything is written; save() after the machine has merged
 * the loaded document; clear() only on an explicit reset.
 * Migration cases: older formats are migrated on load (src/storage/migrations.ts); a newer format
 * makes load() reject with NewerSchemaVersionError and nothing is touched; anything unreadable is
 * quarantined, never deleted, and load() reports it so the learner can be told.
 * The migrations, with the schemas that check stored data, load only when there is stored data: a
 * first visit does not evaluate them at all.
 */
import type { ProgressDocument, ProgressLoadResult, ProgressStore } from '../schemas/progress';
import { isQuarantineKey, quarantineKey, storageKeys } from './keys';
import type { KeyValueStore } from './keyValueStore';
import { encodeProgress } from './progressFormat';

export function createProgressStore(kv: KeyValueStore, options: { clock?: () => Date } = {}): ProgressStore {
  const clock = options.clock ?? (() => new Date());

  /** Copies the value aside under a key no other quarantined copy uses. */
  async function quarantine(value: unknown): Promise<string> {
    const existing = new Set(await kv.keys());
    let at = clock();
    while (existing.has(quarantineKey(at, storageKeys.progress))) at = new Date(at.getTime() + 1);
    const key = quarantineKey(at, storageKeys.progress);
    await kv.setItem(key, value);
    return key;
  }

  return {
    async load(): Promise<ProgressLoadResult> {
      const raw = await kv.getItem(storageKeys.progress);
      if (raw === null || raw === undefined) return { kind: 'empty' };
      const { InvalidProgressError, migrateProgress } = await import('./migrations');
      try {
        return { kind: 'ok', doc: migrateProgress(raw) };
      } catch (error) {
        // A newer format is refused, not quarantined: the newer build must still find it in place.
        if (!(error instanceof InvalidProgressError)) throw error;
        const key = await quarantine(raw);
        // Only removed once the copy is safely written; the next save would replace it anyway.
        await kv.removeItem(storageKeys.progress);
        return { kind: 'quarantined', quarantineKey: key, reason: error.message };
      }
    },

    async save(doc: ProgressDocument): Promise<void> {
      // Not validated again: every document the machine holds was built by the typed updates in
      // src/progress/ or validated where it came in (load, import, another tab), and validating
      // the whole document on every save cost more than the save itself on a long course.
      await kv.setItem(storageKeys.progress, encodeProgress(doc));
    },

    async clear(): Promise<void> {
      await kv.removeItem(storageKeys.progress);
    },

    async listQuarantined(): Promise<string[]> {
      return (await kv.keys()).filter(isQuarantineKey).sort();
    },
  };
}
