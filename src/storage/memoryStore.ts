import type { KeyValueStore } from './keyValueStore';

/**
 * A KeyValueStore in memory: for tests, and a reference for how a store must behave (values are
 * copied in and out, as structured clone does in real storage, so callers cannot mutate what
 * is stored).
 */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore & {
  /** A copy of everything stored, for assertions in tests. */
  dump(): Record<string, unknown>;
} {
  const items = new Map<string, unknown>(Object.entries(initial).map(([key, value]) => [key, structuredClone(value)]));
  return {
    getItem: (key) => Promise.resolve(items.has(key) ? structuredClone(items.get(key)) : null),
    setItem: (key, value) => {
      items.set(key, structuredClone(value));
      return Promise.resolve();
    },
    removeItem: (key) => {
      items.delete(key);
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...items.keys()]),
    dump: () => Object.fromEntries([...items].map(([key, value]) => [key, structuredClone(value)])),
  };
}
