import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/progress/mergeProgress';
import { emptyDocument } from '../../src/progress/progressDocument';
import type { ProgressDocument } from '../../src/schemas/progress';
import type { LockManagerLike } from '../../src/storage/crossTabLock';
import { withCrossTabLock } from '../../src/storage/crossTabLock';
import { createDocumentStore, NewerFormatError, type DocumentFormat } from '../../src/storage/documentStore';
import { isQuarantineKey, storageKeys } from '../../src/storage/keys';
import type { KeyValueStore } from '../../src/storage/keyValueStore';
import { createMemoryStore } from '../../src/storage/memoryStore';
import { createLeaveJournal, type JournalStorage } from '../../src/storage/leaveJournal';
import { createProgressStore } from '../../src/storage/progressStore';

const T0 = Date.parse('2026-11-01T08:00:00.000Z');
const at = (n: number): string => new Date(T0 + n * 1000).toISOString();
const lessonKeys = ['background', 'goals', 'tools'].flatMap((m) =>
  ['one', 'two', 'three', 'four'].map((l) => `${m}/${l}`),
);

/** A Web Locks stand-in shared by every simulated tab: one holder per name at a time, in order. */
function sharedLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<R>(name: string, callback: () => Promise<R>): Promise<R> {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(callback, callback);
      tails.set(
        name,
        result.catch(() => undefined),
      );
      return result;
    },
  };
}

/** Sets of strings under one key: merge is union; the smallest format the engine accepts. */
const setFormat: DocumentFormat<string[]> = {
  key: 'set',
  parse: (raw) => {
    if (!Array.isArray(raw)) throw new Error('not a list');
    if (raw.includes('from-the-future')) throw new NewerFormatError('newer');
    return raw.map(String);
  },
  merge: (a, b) => [...new Set([...a, ...b])].sort(),
};

describe('the storage engine', () => {
  it('merges with what another writer stored instead of writing over it, and hands that back', async () => {
    const kv = createMemoryStore();
    const a = createDocumentStore(kv, setFormat);
    const b = createDocumentStore(kv, setFormat);
    await a.load();
    await b.load();
    await expect(a.save(['a'])).resolves.toBeUndefined();
    await expect(b.save(['b'])).resolves.toEqual(['a', 'b']);
    expect(kv.dump()['set']).toEqual(['a', 'b']);
  });

  it('replace and clear take away what the document no longer has; save never does', async () => {
    const kv = createMemoryStore({ set: ['a', 'b'] });
    const store = createDocumentStore(kv, setFormat);
    await store.load();
    await store.replace(['c']);
    expect(kv.dump()['set']).toEqual(['c']);
    await store.clear();
    expect(kv.dump()['set']).toBeUndefined();
  });

  it('leaves data from a newer version exactly as it is, on load and on save', async () => {
    const kv = createMemoryStore({ set: ['from-the-future'] });
    const store = createDocumentStore(kv, setFormat);
    await expect(store.load()).rejects.toBeInstanceOf(NewerFormatError);
    await expect(store.save(['mine'])).rejects.toBeInstanceOf(NewerFormatError);
    expect(kv.dump()).toEqual({ set: ['from-the-future'] });
  });

  it('sets unreadable data aside before the next write replaces it', async () => {
    const kv = createMemoryStore();
    const store = createDocumentStore(kv, setFormat, { clock: () => new Date(T0) });
    await store.load();
    await kv.setItem('set', 'garbage');
    await store.save(['mine']);
    const dump = kv.dump();
    expect(dump['set']).toEqual(['mine']);
    expect(Object.entries(dump).filter(([key]) => isQuarantineKey(key))).toEqual([
      [`quarantine/${new Date(T0).toISOString()}/set`, 'garbage'],
    ]);
  });

  it('holds the lock for the whole read–merge–write, so two saves never interleave', async () => {
    const locks = sharedLocks();
    const order: string[] = [];
    const run = (name: string) =>
      withCrossTabLock(
        'x',
        async () => {
          order.push(`${name}:start`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name}:end`);
        },
        locks,
      );
    await Promise.all([run('a'), run('b')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  it('falls back to a lock within the tab when the browser has no Web Locks', async () => {
    const order: string[] = [];
    const run = (name: string) =>
      withCrossTabLock(
        'y',
        async () => {
          order.push(`${name}:start`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name}:end`);
        },
        undefined,
      );
    await Promise.all([run('a'), run('b')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });
});

type Op =
  | { kind: 'complete'; tab: number; lesson: number }
  | { kind: 'note'; tab: number; lesson: number; text: string }
  | { kind: 'reload'; tab: number }
  | { kind: 'close'; tab: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('complete' as const), tab: fc.nat(3), lesson: fc.nat(11) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      tab: fc.nat(3),
      lesson: fc.nat(11),
      text: fc.string({ minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), tab: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), tab: fc.nat(3) }) },
);

describe('several tabs saving progress at once (randomized)', () => {
  it('loses no completion and no last note over 1,000 runs of interleaved saves, reloads and closes', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(opArb, { minLength: 1, maxLength: 24 }), async (s, ops) => {
        runs++;
        const kv = createMemoryStore();
        const locks = sharedLocks();
        // Every storage call of every tab resolves when the scheduler says: reads and writes of
        // different tabs interleave in every order fast-check tries.
        const scheduled: KeyValueStore = {
          getItem: (key) => s.schedule(kv.getItem(key)),
          setItem: (key, value) => s.schedule(kv.setItem(key, value)),
          removeItem: (key) => s.schedule(kv.removeItem(key)),
          keys: () => s.schedule(kv.keys()),
        };
        interface Tab {
          doc: ProgressDocument;
          store: ReturnType<typeof createProgressStore>;
          chain: Promise<void>;
        }
        const open = (): Tab => ({
          doc: emptyDocument('test', new Date(T0)),
          store: createProgressStore(scheduled, { locks }),
          chain: Promise.resolve(),
        });
        const load = async (tab: Tab): Promise<void> => {
          const result = await tab.store.load();
          if (result.kind === 'ok') tab.doc = merge(tab.doc, result.doc);
        };
        /** A save as the machine does it: adopt whatever other tabs had stored. */
        const save = async (tab: Tab): Promise<void> => {
          const stored = await tab.store.save(tab.doc);
          if (stored) tab.doc = merge(tab.doc, stored);
        };
        const tabs: (Tab | undefined)[] = [open(), open(), open(), open()];
        for (const tab of tabs) if (tab) tab.chain = load(tab);
        const completed = new Set<string>();
        const notes = new Map<string, string>();
        let clock = 1;
        for (const op of ops) {
          const tab = tabs[op.tab] ?? open();
          if (!tabs[op.tab]) {
            tabs[op.tab] = tab;
            tab.chain = load(tab);
          }
          if (op.kind === 'complete') completed.add(lessonKeys[op.lesson] ?? 'background/one');
          tab.chain = tab.chain.then(async () => {
            // One clock for every tab, read when the learner acts, as in one browser: the note
            // written last is the one to keep.
            const time = at(clock++);
            if (op.kind === 'complete') {
              const key = lessonKeys[op.lesson] ?? 'background/one';
              tab.doc = { ...tab.doc, lessons: { ...tab.doc.lessons, [key]: { completedAt: time } }, updatedAt: time };
              await save(tab);
            } else if (op.kind === 'note') {
              const key = lessonKeys[op.lesson] ?? 'background/one';
              tab.doc = { ...tab.doc, notes: { ...tab.doc.notes, [key]: { text: op.text, updatedAt: time } } };
              notes.set(key, op.text);
              await save(tab);
            } else if (op.kind === 'reload') {
              // pagehide saves, then the new page loads with a store of its own.
              await save(tab);
              const fresh = open();
              await load(fresh);
              tab.doc = fresh.doc;
              tab.store = fresh.store;
            } else {
              await save(tab);
              tabs[op.tab] = undefined;
            }
          });
        }
        await s.waitFor(Promise.all(tabs.flatMap((tab) => (tab ? [tab.chain] : []))));
        const final = await createProgressStore(kv).load();
        const doc = final.kind === 'ok' ? final.doc : emptyDocument('test', new Date(T0));
        const lost = [...completed].filter((key) => !doc.lessons[key]?.completedAt);
        const notesLost = [...notes].filter(([key, text]) => doc.notes[key]?.text !== text);
        expect(lost).toEqual([]);
        expect(notesLost).toEqual([]);
        expect(Object.keys(kv.dump()).filter((key) => key !== storageKeys.progress)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);
  }, 60_000);
});

/** localStorage's shape over a Map, shared by the simulated tabs of one browser. */
function memoryLocalStorage(): Map<string, string> & JournalStorage {
  const map = new Map<string, string>();
  const storage = Object.assign(map, {
    length: 0,
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (name: string) => map.get(name) ?? null,
    setItem: (name: string, value: string) => void map.set(name, value),
    removeItem: (name: string) => void map.delete(name),
  });
  return Object.defineProperty(storage, 'length', { get: () => map.size });
}

describe('the leave journal', () => {
  it('keeps what a page left before its save finished, and the next page finds it stored', async () => {
    const kv = createMemoryStore({ set: ['a'] });
    const local = memoryLocalStorage();
    const leaving = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'tab-1') });
    await leaving.load();
    // The learner acted and left at once: the save never ran, only the synchronous copy did.
    leaving.journal(['a', 'passed-the-check']);

    const next = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'tab-2') });
    await expect(next.load()).resolves.toEqual({ kind: 'ok', doc: ['a', 'passed-the-check'] });
    expect(kv.dump()['set']).toEqual(['a', 'passed-the-check']);
    expect([...local.keys()]).toEqual([]);
  });

  it('merges the copies of several tabs that left at once, with what another tab stored meanwhile', async () => {
    const kv = createMemoryStore();
    const local = memoryLocalStorage();
    const one = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'one') });
    const two = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'two') });
    await one.load();
    await two.load();
    one.journal(['x']);
    two.journal(['y']);
    await createDocumentStore(kv, setFormat).save(['z']);
    const next = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'three') });
    await expect(next.load()).resolves.toEqual({ kind: 'ok', doc: ['x', 'y', 'z'] });
  });

  it('drops the copy once a save has stored all of it, and keeps it while it holds more', async () => {
    const kv = createMemoryStore();
    const local = memoryLocalStorage();
    const store = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'tab') });
    await store.load();
    store.journal(['a', 'b']);
    await store.save(['a']);
    expect([...local.keys()]).toEqual(['journal/set/tab']);
    await store.save(['a', 'b']);
    expect([...local.keys()]).toEqual([]);
  });

  it('sets an unreadable copy aside instead of dropping it, and leaves a newer version’s copy alone', async () => {
    const kv = createMemoryStore();
    const local = memoryLocalStorage();
    local.setItem('journal/set/old', '{"not": "a list"}');
    local.setItem('journal/set/future', '["from-the-future"]');
    const store = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'tab') });
    await store.load();
    const quarantined = Object.entries(kv.dump()).filter(([name]) => isQuarantineKey(name));
    expect(quarantined.map(([, value]) => value)).toEqual([{ not: 'a list' }]);
    expect([...local.keys()]).toEqual(['journal/set/future']);
  });

  it('is emptied by replace and by clear, so an old copy cannot bring back what the learner removed', async () => {
    const kv = createMemoryStore({ set: ['a'] });
    const local = memoryLocalStorage();
    const store = createDocumentStore(kv, setFormat, { journal: createLeaveJournal(local, 'tab') });
    await store.load();
    store.journal(['a', 'b']);
    await store.replace(['c']);
    expect([...local.keys()]).toEqual([]);
    store.journal(['c', 'd']);
    await store.clear();
    expect([...local.keys()]).toEqual([]);
  });
});
