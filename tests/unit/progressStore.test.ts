import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDocument } from '../../src/progress/progressDocument';
import { PROGRESS_SCHEMA_VERSION } from '../../src/schemas/progressBasics';
import type { ProgressDocument } from '../../src/schemas/progress';
import { isQuarantineKey, quarantineKey, storageKeys } from '../../src/storage/keys';
import { StorageTimeoutError, withTimeout, type KeyValueStore } from '../../src/storage/keyValueStore';
import { createMemoryStore } from '../../src/storage/memoryStore';
import { NewerSchemaVersionError } from '../../src/storage/migrations';
import { createProgressStore } from '../../src/storage/progressStore';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'progress-v1.json'), 'utf8'),
) as ProgressDocument;
const clock = () => new Date('2025-04-01T10:00:00.000Z');

describe('progress store', () => {
  it('reports empty storage as empty', async () => {
    await expect(createProgressStore(createMemoryStore()).load()).resolves.toEqual({ kind: 'empty' });
  });

  it('saves a document and loads it back', async () => {
    const store = createProgressStore(createMemoryStore());
    const doc = emptyDocument('v1', clock());
    await store.save(doc);
    await expect(store.load()).resolves.toEqual({ kind: 'ok', doc });
  });

  it('loads the shipped v1 fixture, and the next save stores it in the current form', async () => {
    const kv = createMemoryStore({ [storageKeys.progress]: fixture });
    const store = createProgressStore(kv);
    const loaded = await store.load();
    expect(loaded).toEqual({ kind: 'ok', doc: { ...fixture, schemaVersion: PROGRESS_SCHEMA_VERSION } });
    if (loaded.kind !== 'ok') return;
    await store.save(loaded.doc);
    const stored = kv.dump()[storageKeys.progress] as Record<string, unknown>;
    expect(stored['schemaVersion']).toBe(PROGRESS_SCHEMA_VERSION);
    expect(stored['lessons']).toEqual({
      background: { 'why-it-matters': [1741590131004, 809216], 'key-terms': [1741590962871, 906132] },
      teamwork: { roles: [1741694445100, 1124900] },
      goals: { 'measurable-goals': [1741944602000] },
    });
    await expect(store.load()).resolves.toEqual(loaded);
  });

  it('copies corrupt data to a quarantine key instead of deleting it, and says why', async () => {
    const kv = createMemoryStore({ [storageKeys.progress]: '{"kind":"hankintapolku.progress", broken' });
    const store = createProgressStore(kv, { clock });
    const result = await store.load();
    const expectedKey = quarantineKey(clock(), storageKeys.progress);
    expect(result).toEqual({ kind: 'quarantined', quarantineKey: expectedKey, reason: expect.any(String) as string });
    expect(kv.dump()).toEqual({ [expectedKey]: '{"kind":"hankintapolku.progress", broken' });
    await expect(store.listQuarantined()).resolves.toEqual([expectedKey]);
    await expect(store.load()).resolves.toEqual({ kind: 'empty' });
  });

  it('quarantines a document that fails validation, keeping it byte for byte', async () => {
    const invalid = { ...fixture, lessons: { 'not a key': {} } };
    const kv = createMemoryStore({ [storageKeys.progress]: invalid });
    const result = await createProgressStore(kv, { clock }).load();
    expect(result.kind).toBe('quarantined');
    expect(kv.dump()[quarantineKey(clock(), storageKeys.progress)]).toEqual(invalid);
  });

  it('never overwrites an earlier quarantined copy made at the same moment', async () => {
    const kv = createMemoryStore({ [storageKeys.progress]: 'first' });
    const store = createProgressStore(kv, { clock });
    await store.load();
    await kv.setItem(storageKeys.progress, 'second');
    await store.load();
    const keys = await store.listQuarantined();
    expect(keys).toHaveLength(2);
    expect(keys.map((key) => kv.dump()[key])).toEqual(['first', 'second']);
  });

  it('refuses a document from a newer version and leaves it in place', async () => {
    const newer = { ...fixture, schemaVersion: PROGRESS_SCHEMA_VERSION + 1 };
    const kv = createMemoryStore({ [storageKeys.progress]: newer });
    await expect(createProgressStore(kv).load()).rejects.toThrow(NewerSchemaVersionError);
    expect(kv.dump()).toEqual({ [storageKeys.progress]: newer });
  });

  it('clears progress on reset but keeps quarantined copies', async () => {
    const kv = createMemoryStore({ [storageKeys.progress]: 'garbage' });
    const store = createProgressStore(kv, { clock });
    await store.load();
    await store.save(emptyDocument('v1', clock()));
    await store.clear();
    expect(Object.keys(kv.dump()).every(isQuarantineKey)).toBe(true);
    await expect(store.listQuarantined()).resolves.toHaveLength(1);
  });

  it('lets a storage failure through, so the machine can run in memory', async () => {
    const failing: KeyValueStore = { ...createMemoryStore(), getItem: () => Promise.reject(new Error('denied')) };
    await expect(createProgressStore(failing).load()).rejects.toThrow('denied');
  });
});

describe('storage time limits', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects with StorageTimeoutError when a call hangs', async () => {
    vi.useFakeTimers();
    const hanging: KeyValueStore = { ...createMemoryStore(), getItem: () => new Promise(() => undefined) };
    const result = withTimeout(hanging, 3000).getItem('progress');
    const assertion = expect(result).rejects.toThrow(StorageTimeoutError);
    await vi.advanceTimersByTimeAsync(3000);
    await assertion;
  });

  it('passes results and errors through when calls are quick', async () => {
    const store = withTimeout(createMemoryStore({ a: 1 }), 50);
    await expect(store.getItem('a')).resolves.toBe(1);
    await expect(store.keys()).resolves.toEqual(['a']);
    const failing = withTimeout({ ...createMemoryStore(), removeItem: () => Promise.reject(new Error('nope')) }, 50);
    await expect(failing.removeItem('a')).rejects.toThrow('nope');
  });

  it('copies values in and out of the memory store like real storage does', async () => {
    const store = createMemoryStore();
    const value = { nested: { n: 1 } };
    await store.setItem('k', value);
    value.nested.n = 2;
    await expect(store.getItem('k')).resolves.toEqual({ nested: { n: 1 } });
    await expect(store.getItem('missing')).resolves.toBeNull();
  });
});
