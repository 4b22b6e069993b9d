/*
 * A synchronous copy of a document taken as the page is left, so that a save still in flight cannot
 * be lost. A save is a read–merge–write under a cross-tab lock and takes several IndexedDB steps; the
 * browser closes the page's database connections when it unloads the page, which aborts whatever has
 * not committed yet (a learner who passes a check and follows "Next module" at once). localStorage
 * writes are synchronous and survive the unload.
 *
 * Stored shape: 'journal/<document key>/<tab id>' → the document's stored form as JSON, one entry per
 * tab, so tabs leaving at once never overwrite each other's copy.
 * Lifecycle: write() on pagehide / visibilitychange hidden; the next load() of the document merges
 * every entry into what is stored, writes the result and only then removes the entries.
 */

/** The journal's storage, injectable for tests; the browser's localStorage by default. */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface JournalEntry {
  id: string;
  value: unknown;
}

export interface LeaveJournal {
  /** This tab's id: the last part of its entries' names. */
  readonly id: string;
  /** Keeps this tab's latest copy of `key`'s document. Never throws (a full or missing storage). */
  write(key: string, stored: unknown): void;
  /** Every tab's copy of `key`'s document; entries that are not JSON come back as their raw text. */
  read(key: string): JournalEntry[];
  remove(ids: readonly string[]): void;
}

const PREFIX = 'journal/';
const tabId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random()).slice(2);

export function createLeaveJournal(storage: JournalStorage | undefined, id: string = tabId()): LeaveJournal {
  return {
    id,
    write(key, stored) {
      try {
        storage?.setItem(`${PREFIX}${key}/${id}`, JSON.stringify(stored));
      } catch {
        // No room or no localStorage: the ordinary save is still on its way.
      }
    },
    read(key) {
      if (!storage) return [];
      const entries: JournalEntry[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (!name?.startsWith(`${PREFIX}${key}/`)) continue;
          const text = storage.getItem(name);
          if (text === null) continue;
          let value: unknown = text;
          try {
            value = JSON.parse(text);
          } catch {
            // Kept as text: the store sets it aside as unreadable, never drops it.
          }
          entries.push({ id: name, value });
        }
      } catch {
        return [];
      }
      return entries;
    },
    remove(ids) {
      for (const name of ids) {
        try {
          storage?.removeItem(name);
        } catch {
          // Left for the next load, which merges it again (merging is idempotent).
        }
      }
    },
  };
}

/** The page's journal over localStorage, where the browser has it. */
export function browserLeaveJournal(): LeaveJournal {
  let storage: JournalStorage | undefined;
  try {
    storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    storage = undefined;
  }
  return createLeaveJournal(storage);
}
