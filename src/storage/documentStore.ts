/*
 * The one saving policy for every stored document (progress, feedback outbox, development plan,
 * self-assessment, team view, schedule choice): one versioned document under one key.
 *
 * Stored shape: whatever the document's type says (`encode`, or the document itself), as a plain
 * object under `key`; it carries its own kind and schemaVersion.
 * Lifecycle: load() once before anything is written. save(doc) is a read–merge–write under the
 * cross-tab lock of its key: what is stored at that moment is read, merged with `doc`, and the
 * result written, so a tab whose copy is older can never write over what another tab has stored.
 * The stored document only grows (merge never loses a fact); only replace() and clear(), the
 * learner's explicit import-and-replace and delete, take anything away.
 * A page being left copies its unsaved document to the leave journal (leaveJournal.ts) at once;
 * load() merges those copies into what is stored before anything else, so a save the browser cut
 * short when it unloaded the page is not lost.
 * Migration cases: `parse` reads every format ever shipped. A format from a newer version of the
 * course makes it throw NewerFormatError: the data is left exactly as it is and nothing is written,
 * so the newer version still finds it. Anything else it cannot read is copied to a quarantine key
 * and reported; never silently deleted.
 */
import { withCrossTabLock, type LockManagerLike } from './crossTabLock';
import type { LeaveJournal } from './leaveJournal';
import type { KeyValueStore } from './keyValueStore';
import { quarantineKey } from './keys';

/** The stored document was written by a newer version of the course: left in place, untouched. */
export class NewerFormatError extends Error {
  override name = 'NewerFormatError';
}

/** How one kind of document is stored: the storage half of a registry entry. */
export interface DocumentFormat<T> {
  key: string;
  /** Any stored format ever shipped → the current document; NewerFormatError for a future one. */
  parse(raw: unknown): T | Promise<T>;
  /** The form written to storage; the document itself when absent. */
  encode?(doc: T): unknown;
  /** Joins the stored document with this tab's; must keep every fact of both. */
  merge(stored: T, mine: T): T;
  /** Whether two documents hold the same facts; by default, equal JSON with keys in any order. */
  isSame?(a: T, b: T): boolean;
  /** Which errors of `parse` mean "this data cannot be read" (set aside); by default all but NewerFormatError. */
  isUnreadable?(error: unknown): boolean;
}

export type DocumentLoadResult<T> =
  { kind: 'ok'; doc: T } | { kind: 'empty' } | { kind: 'quarantined'; quarantineKey: string; reason: string };

export interface DocumentStore<T> {
  load(): Promise<DocumentLoadResult<T>>;
  /**
   * Read–merge–write under the cross-tab lock. Resolves to the stored result when storage held
   * facts `doc` lacks (another tab's work, for the caller to adopt), or undefined when `doc` was
   * stored as it is.
   */
  save(doc: T): Promise<T | undefined>;
  /** Writes `doc` over what is stored (import with replace), under the same lock. */
  replace(doc: T): Promise<void>;
  /** Removes the document (delete everything); quarantined copies stay. */
  clear(): Promise<void>;
  /**
   * Copies `doc` to the leave journal synchronously, for a page that is being left while its last
   * changes may not be stored yet. The copy is dropped once a save has stored everything in it.
   */
  journal(doc: T): void;
}

/** Deep equality of stored values (plain objects, arrays, primitives), stopping at the first difference. */
export function isEqualValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => isEqualValue(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && isEqualValue(left[key], right[key]));
}

/** Serialises with sorted keys, so values that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : entry,
  );
}

/** Whether two documents are equal as JSON, whatever the order of their keys. */
export function isSameJson(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

export function createDocumentStore<T>(
  kv: KeyValueStore,
  format: DocumentFormat<T>,
  options: { clock?: () => Date; locks?: LockManagerLike | undefined; journal?: LeaveJournal | undefined } = {},
): DocumentStore<T> {
  const { key } = format;
  const clock = options.clock ?? (() => new Date());
  const unreadable = (error: unknown): boolean =>
    !(error instanceof NewerFormatError) && (format.isUnreadable ? format.isUnreadable(error) : true);
  const encode = (doc: T): unknown => (format.encode ? format.encode(doc) : doc);
  const locked = <R>(run: () => Promise<R>): Promise<R> =>
    'locks' in options ? withCrossTabLock(key, run, options.locks) : withCrossTabLock(key, run);
  /**
   * What this tab last read or wrote, in stored form and as a document: when storage still holds
   * exactly that, a save skips parsing (and validating) it again, which on a long course costs more
   * than the rest of the save. Compared value by value: serialising it cost several times more.
   */
  let known: { stored: unknown; doc: T } | undefined;
  /** This tab's last copy in the leave journal, until a save has stored all of it. */
  let journaled: T | undefined;
  const { journal } = options;

  async function quarantine(raw: unknown): Promise<string> {
    const existing = new Set(await kv.keys());
    let at = clock();
    while (existing.has(quarantineKey(at, key))) at = new Date(at.getTime() + 1);
    const aside = quarantineKey(at, key);
    await kv.setItem(aside, raw);
    return aside;
  }

  /** The stored document, or undefined when there is none or it was unreadable (then set aside). */
  async function readStored(): Promise<T | undefined> {
    const raw = await kv.getItem(key);
    if (raw === null || raw === undefined) return undefined;
    if (known !== undefined && isEqualValue(raw, known.stored)) return known.doc;
    try {
      return await format.parse(raw);
    } catch (error) {
      if (!unreadable(error)) throw error;
      // Overwritten by the write that follows, so the unreadable value is copied aside first.
      await quarantine(raw);
      return undefined;
    }
  }

  async function write(doc: T): Promise<void> {
    const stored = encode(doc);
    await kv.setItem(key, stored);
    known = { stored, doc };
  }

  /** Drops every journal copy of this document (after replace or clear, which supersede them). */
  function dropJournal(): void {
    journaled = undefined;
    journal?.remove(journal.read(key).map((entry) => entry.id));
  }

  /**
   * Merges the copies pages left in the leave journal into what is stored, writes the result, and
   * only then removes the copies. A copy that cannot be read is set aside like stored data; one from
   * a newer version stays where it is.
   */
  async function absorbJournal(loaded: DocumentLoadResult<T>): Promise<DocumentLoadResult<T>> {
    const entries = journal?.read(key) ?? [];
    if (!journal || entries.length === 0) return loaded;
    return locked(async () => {
      let doc: T | undefined = await readStored();
      const absorbed: string[] = [];
      for (const entry of entries) {
        try {
          const copy = await format.parse(entry.value);
          doc = doc === undefined ? copy : format.merge(doc, copy);
        } catch (error) {
          if (!unreadable(error)) continue;
          await quarantine(entry.value);
        }
        absorbed.push(entry.id);
      }
      if (doc !== undefined) await write(doc);
      journal.remove(absorbed);
      if (doc === undefined || loaded.kind === 'quarantined') return loaded;
      return { kind: 'ok', doc };
    });
  }

  async function loadStored(): Promise<DocumentLoadResult<T>> {
    const raw = await kv.getItem(key);
    if (raw === null || raw === undefined) return { kind: 'empty' };
    try {
      const doc = await format.parse(raw);
      known = { stored: raw, doc };
      return { kind: 'ok', doc };
    } catch (error) {
      if (!unreadable(error)) throw error;
      const aside = await quarantine(raw);
      // Only removed once the copy is safely written.
      await kv.removeItem(key);
      return {
        kind: 'quarantined',
        quarantineKey: aside,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** After `written` is stored: this tab's journal copy goes once everything in it is stored too. */
  function settleJournal(written: T): void {
    if (journaled === undefined || !journal) return;
    if (!(format.isSame ?? isSameJson)(format.merge(written, journaled), written)) return;
    journaled = undefined;
    journal.remove(
      journal
        .read(key)
        .map((entry) => entry.id)
        .filter((id) => id.endsWith(`/${journal.id}`)),
    );
  }

  return {
    async load() {
      return absorbJournal(await loadStored());
    },
    save: (doc) =>
      locked(async () => {
        const stored = await readStored();
        if (stored === undefined) {
          await write(doc);
          settleJournal(doc);
          return undefined;
        }
        // Storage still holds what this tab last read or wrote, and every change since is this tab's
        // own (callers adopt each result they are given): `doc` is the merge, and is written as it is.
        if (known !== undefined && stored === known.doc) {
          await write(doc);
          settleJournal(doc);
          return undefined;
        }
        const merged = format.merge(stored, doc);
        const foreign = !(format.isSame ?? isSameJson)(merged, doc);
        await write(foreign ? merged : doc);
        settleJournal(foreign ? merged : doc);
        return foreign ? merged : undefined;
      }),
    replace: (doc) =>
      locked(async () => {
        await write(doc);
        dropJournal();
      }),
    clear: () =>
      locked(async () => {
        await kv.removeItem(key);
        known = undefined;
        dropJournal();
      }),
    journal(doc) {
      if (!journal) return;
      journaled = doc;
      journal.write(key, encode(doc));
    },
  };
}
