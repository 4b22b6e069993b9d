// The only file that imports localforage (an ESLint rule keeps it so): swapping the library means
// rewriting this file and nothing else.
// The library's ES module sources: the build leaves out its WebSQL driver and Promise polyfill, and
// loads its localStorage driver only when that driver is used (astro.config.mjs, localforageTrimmed),
// which its packaged builds cannot.
import localforage from 'localforage/src/localforage.js';
import { storageKeys } from './keys';
import { StorageUnavailableError, timeBox, withTimeout, type KeyValueStore } from './keyValueStore';

export { StorageUnavailableError } from './keyValueStore';

export type StorageDriver = 'indexeddb' | 'localstorage';

/** Tried in this order; IndexedDB first because localStorage blocks the main thread and is small. */
const drivers: ReadonlyArray<{ name: StorageDriver; id: string }> = [
  { name: 'indexeddb', id: localforage.INDEXEDDB },
  { name: 'localstorage', id: localforage.LOCALSTORAGE },
];

function wrap(instance: LocalForage): KeyValueStore {
  return {
    getItem: (key) => instance.getItem<unknown>(key),
    setItem: async (key, value) => {
      await instance.setItem(key, value);
    },
    removeItem: (key) => instance.removeItem(key),
    keys: () => instance.keys(),
  };
}

/**
 * Opens browser storage under the name 'hankintapolku'. A driver counts as usable only after a
 * real write and removal succeed, because private modes may open IndexedDB (or expose
 * localStorage) and then refuse every write. Every call is time-boxed by withTimeout.
 */
export async function createLocalforageStore(
  options: { timeoutMs?: number } = {},
): Promise<{ store: KeyValueStore; driver: StorageDriver }> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const problems: string[] = [];
  for (const driver of drivers) {
    try {
      if (!localforage.supports(driver.id)) throw new Error('not supported by this browser');
      const instance = localforage.createInstance({ name: 'hankintapolku', storeName: 'data', driver: driver.id });
      const store = withTimeout(wrap(instance), timeoutMs);
      await timeBox(`opening ${driver.name}`, timeoutMs, () => instance.ready());
      await store.setItem(storageKeys.probe, Date.now());
      await store.removeItem(storageKeys.probe);
      return { store, driver: driver.name };
    } catch (error) {
      problems.push(`${driver.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new StorageUnavailableError(`No browser storage could be used (${problems.join('; ')})`);
}
