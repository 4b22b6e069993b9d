/*
 * Browser storage for the page: opens localforage (IndexedDB, then localStorage) once, on the first
 * call, and shares it between progress and the other stored documents. When no storage works, every
 * call rejects with StorageUnavailableError and the progress machine runs in memory (degraded).
 */
import type { ProgressStore } from '../schemas/progress';
import type { KeyValueStore } from './keyValueStore';
import { createLocalforageStore, type StorageDriver } from './localforageStore';
import { createProgressStore } from './progressStore';
import { isQuarantineKey } from './keys';
import { browserLeaveJournal, type LeaveJournal } from './leaveJournal';

let leaveJournal: LeaveJournal | undefined;

/** The page's leave journal (localStorage), shared by every stored document of the page. */
export function pageLeaveJournal(): LeaveJournal {
  return (leaveJournal ??= browserLeaveJournal());
}

let opened: Promise<{ store: KeyValueStore; driver: StorageDriver }> | undefined;

/** The page's key-value store, opened on first use. */
export function openBrowserKeyValueStore(): Promise<{ store: KeyValueStore; driver: StorageDriver }> {
  opened ??= createLocalforageStore().then((result) => {
    // Ask the browser not to evict the learner's data; the answer is shown on the My data page.
    if ('storage' in navigator && 'persist' in navigator.storage) void navigator.storage.persist().catch(() => false);
    return result;
  });
  return opened;
}

let progressStore: Promise<ProgressStore> | undefined;

/**
 * A ProgressStore over the browser store; opening happens inside the first call. One per page, as it
 * remembers what it last read and wrote (a save then skips parsing its own write again).
 */
export function openBrowserProgressStore(): ProgressStore {
  let opened: ProgressStore | undefined;
  const progress = (): Promise<ProgressStore> =>
    (progressStore ??= openBrowserKeyValueStore().then(({ store }) =>
      createProgressStore(store, { journal: pageLeaveJournal() }),
    )).then((store) => (opened = store));
  return {
    load: async () => (await progress()).load(),
    save: async (doc) => (await progress()).save(doc),
    clear: async () => (await progress()).clear(),
    listQuarantined: async () => (await progress()).listQuarantined(),
    // Synchronous, for pagehide: before storage has opened nothing has been loaded, so nothing is unsaved.
    journal: (doc) => opened?.journal?.(doc),
  };
}

export interface StorageInfo {
  driver: StorageDriver | 'memory';
  /** Whether the browser has granted persistent storage; null when it cannot say. */
  persisted: boolean | null;
  /** Bytes used and available for this site, when the browser tells. */
  usage?: number | undefined;
  quota?: number | undefined;
}

/** Where data is kept and whether it is safe from eviction, for the My data page. */
export async function storageInfo(): Promise<StorageInfo> {
  const driver = await openBrowserKeyValueStore().then(
    (r) => r.driver,
    () => 'memory' as const,
  );
  // StorageManager is missing in some embedded browsers even though the types say otherwise.
  const manager = 'storage' in navigator ? navigator.storage : undefined;
  const persisted = manager && 'persisted' in manager ? await manager.persisted().catch(() => null) : null;
  const estimate = manager && 'estimate' in manager ? await manager.estimate().catch(() => undefined) : undefined;
  return { driver, persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Every quarantined copy with its raw value, for download from the My data page. */
export async function readQuarantined(): Promise<{ key: string; value: unknown }[]> {
  const { store } = await openBrowserKeyValueStore();
  const keys = (await store.keys()).filter(isQuarantineKey).sort();
  return Promise.all(keys.map(async (key) => ({ key, value: await store.getItem(key) })));
}
