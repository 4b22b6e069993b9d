/*
 * A stored document that the page edits, kept in browser storage and in step with other tabs: the
 * same rules as progress, for features (feedback outbox, plan, self-assessment, schedule choice).
 * Loads once; changes made before the load finishes are applied to the loaded document, so nothing
 * is written before the merge; saves are debounced (250 ms) and flushed on pagehide or when the page
 * is hidden; other tabs merge what was saved (BroadcastChannel). Without storage it works in memory
 * and says so (`degraded`).
 */
import { createDocumentStore, NewerFormatError, type DocumentStore } from '../storage/documentStore';

export interface SyncedState<T> {
  doc: T;
  loaded: boolean;
  degraded: boolean;
  /** Set when stored data could not be read and was set aside. */
  quarantined: boolean;
  /** Set when a newer version of the course stored this document: it is kept untouched, and this page works in memory. */
  newer: boolean;
}

export interface SyncedDocument<T> {
  get(): SyncedState<T>;
  subscribe(listener: () => void): () => void;
  /** Changes the document; `change` must be pure (it may run again on the loaded document). */
  update(change: (doc: T) => T): void;
  /** Replaces the document (explicit import or delete). */
  replace(doc: T): void;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /** Resolves once the first load has finished. */
  ready(): Promise<void>;
  /** How the document is read, started empty and merged (for My data's import and delete). */
  readonly options: SyncedDocumentOptions<T>;
}

export interface SyncedDocumentOptions<T> {
  key: string;
  parse: (raw: unknown) => T;
  empty: () => T;
  /** Combines this tab's document with another tab's; must not lose either side's work. */
  merge: (mine: T, theirs: T) => T;
  saveDelayMs?: number;
}

// One document per key and page; the key decides the type, so the entries are stored untyped.
const instances = new Map<string, unknown>();

/** The page's synced document for `key`, created on first use. */
export function syncedDocument<T>(options: SyncedDocumentOptions<T>): SyncedDocument<T> {
  const existing = instances.get(options.key);
  if (existing) return existing as SyncedDocument<T>;
  const created = createSyncedDocument(options);
  instances.set(options.key, created);
  return created;
}

function createSyncedDocument<T>(options: SyncedDocumentOptions<T>): SyncedDocument<T> {
  const { key, parse, empty, merge, saveDelayMs = 250 } = options;
  let state: SyncedState<T> = { doc: empty(), loaded: false, degraded: false, quarantined: false, newer: false };
  const pending: ((doc: T) => T)[] = [];
  const listeners = new Set<() => void>();
  let store: DocumentStore<T> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  /** The next write replaces what is stored (import with replace, delete) instead of merging. */
  let replacing = false;
  let writing: Promise<void> = Promise.resolve();
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`hankintapolku-${key}`);

  const set = (next: Partial<SyncedState<T>>): void => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  const write = (): Promise<void> => {
    clearTimeout(timer);
    if (!dirty || !state.loaded) return writing;
    dirty = false;
    const doc = state.doc;
    const replace = replacing;
    replacing = false;
    writing = writing
      .then(async () => {
        if (!store || state.degraded) {
          channel?.postMessage(doc);
          return;
        }
        if (replace) {
          await store.replace(doc);
          channel?.postMessage({ replaced: doc });
          return;
        }
        const stored = await store.save(doc);
        // Another tab had stored work this one lacked: take it in (it is stored already).
        if (stored !== undefined) set({ doc: merge(state.doc, stored) });
        channel?.postMessage(stored ?? doc);
      })
      .catch((error: unknown) => {
        set({ degraded: true, newer: error instanceof NewerFormatError });
      });
    return writing;
  };
  const schedule = (): void => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => void write(), saveDelayMs);
  };

  // The storage code (with localforage) loads here rather than with the island, so the browser
  // evaluates it in a task of its own instead of in the task that starts the island.
  const loading = import('../storage/browserStore')
    .then(async ({ openBrowserKeyValueStore, pageLeaveJournal }) => ({
      kv: (await openBrowserKeyValueStore()).store,
      journal: pageLeaveJournal(),
    }))
    .then(async ({ kv, journal }) => {
      store = createDocumentStore(kv, { key, parse, merge }, { journal });
      const result = await store.load();
      const base = result.kind === 'ok' ? result.doc : empty();
      set({
        doc: pending.reduce((doc, change) => change(doc), base),
        loaded: true,
        quarantined: result.kind === 'quarantined',
      });
    })
    .catch((error: unknown) => {
      set({
        doc: pending.reduce((doc, change) => change(doc), empty()),
        loaded: true,
        degraded: true,
        newer: error instanceof NewerFormatError,
      });
    })
    .then(() => {
      if (pending.length > 0) schedule();
      pending.length = 0;
    });

  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    // What another tab stored is shown here, and not saved again: storage holds it already.
    try {
      const data = event.data as { replaced?: unknown } | null;
      if (data && typeof data === 'object' && 'replaced' in data) set({ doc: parse(data.replaced) });
      else set({ doc: merge(state.doc, parse(event.data)) });
    } catch {
      // Another tab running a different version may send what this one cannot read; ignore it.
    }
  });
  const flushNow = (): void => {
    // The write below may not finish before the browser unloads the page: keep a copy at once.
    if (dirty && state.loaded && !replacing && !state.degraded) store?.journal(state.doc);
    void write();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushNow();
  });
  window.addEventListener('pagehide', flushNow);

  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update: (change) => {
      if (!state.loaded) pending.push(change);
      set({ doc: change(state.doc) });
      if (state.loaded) schedule();
    },
    replace: (doc) => {
      pending.length = 0;
      if (!state.loaded) pending.push(() => doc);
      replacing = true;
      set({ doc });
      if (state.loaded) schedule();
    },
    flush: async () => {
      await loading;
      await write();
    },
    ready: () => loading,
    options,
  };
}
