/*
 * Progress persistence on top of any KeyValueStore, through the one saving policy (documentStore.ts).
 *
 * Stored shape: the stored form of the progress document (StoredProgress, src/schemas/progress.ts;
 * converted by src/storage/progressFormat.ts) as a plain object under the key 'progress'; unreadable
 * values are copied to 'quarantine/<iso-time>/progress' (src/storage/keys.ts).
 * Lifecycle: load() once per page before anything is written; save() is a read–merge–write under the
 * cross-tab lock and hands back what another tab had stored, for the machine to adopt; clear() only
 * on an explicit reset.
 * Migration cases: older formats are migrated on load (src/storage/migrations.ts); a newer format
 * makes load() and save() reject with NewerSchemaVersionError (a NewerFormatError) and nothing is
 * touched; anything unreadable is quarantined, never deleted, and load() reports it.
 * The migrations, with the schemas that check stored data, load only when there is stored data: a
 * first visit does not evaluate them at all.
 */
import type { ProgressDocument, ProgressStore } from '../schemas/progress';
import { isSameDocument, merge } from '../progress/mergeProgress';
import { createDocumentStore, type DocumentFormat } from './documentStore';
import type { LockManagerLike } from './crossTabLock';
import type { LeaveJournal } from './leaveJournal';
import { isQuarantineKey, storageKeys } from './keys';
import type { KeyValueStore } from './keyValueStore';
import { encodeProgress } from './progressFormat';

/** How progress is stored: the registry's storage half for it. */
export const progressFormat: DocumentFormat<ProgressDocument> = {
  key: storageKeys.progress,
  parse: async (raw) => (await import('./migrations')).migrateProgress(raw),
  // Not validated on the way out: every document the machine holds was built by the typed updates in
  // src/progress/ or validated where it came in (load, import, another tab), and validating the
  // whole document on every save cost more than the save itself on a long course.
  encode: encodeProgress,
  merge,
  isSame: isSameDocument,
  // Anything else (the migrations failing to load while offline, a bug) must not set progress aside.
  isUnreadable: (error) => error instanceof Error && error.name === 'InvalidProgressError',
};

export function createProgressStore(
  kv: KeyValueStore,
  options: { clock?: () => Date; locks?: LockManagerLike | undefined; journal?: LeaveJournal | undefined } = {},
): ProgressStore {
  const store = createDocumentStore(kv, progressFormat, options);
  return {
    load: () => store.load(),
    save: (doc) => store.save(doc),
    clear: () => store.clear(),
    journal: (doc) => store.journal(doc),
    async listQuarantined(): Promise<string[]> {
      return (await kv.keys()).filter(isQuarantineKey).sort();
    },
  };
}
