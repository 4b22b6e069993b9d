/**
 * The smallest storage surface the app needs: async get/set/remove/list of structured-cloneable
 * values. localforage, a Map or a test double can all provide it, so nothing above this line
 * knows which browser storage is in use.
 */
export interface KeyValueStore {
  /** The stored value, or null when the key is absent. */
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: unknown): Promise<void>;
  removeItem(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** No usable browser storage (private mode, disabled, quota of zero, blocked by policy…). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** A storage call did not settle in time, e.g. the IndexedDB open that never fires in some browsers. */
export class StorageTimeoutError extends Error {
  override readonly name = 'StorageTimeoutError';
}

/** Runs `run`, rejecting with StorageTimeoutError if it has not settled after `ms`. */
export function timeBox<T>(operation: string, ms: number, run: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new StorageTimeoutError(`Storage ${operation} did not finish within ${ms} ms`));
    }, ms);
    run().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Wraps every call so it rejects with StorageTimeoutError instead of hanging. A hung call may
 * still complete later; callers treat a timeout as "storage unavailable", never as "saved".
 */
export function withTimeout(store: KeyValueStore, ms = 3000): KeyValueStore {
  return {
    getItem: (key) => timeBox(`read of "${key}"`, ms, () => store.getItem(key)),
    setItem: (key, value) => timeBox(`write of "${key}"`, ms, () => store.setItem(key, value)),
    removeItem: (key) => timeBox(`removal of "${key}"`, ms, () => store.removeItem(key)),
    keys: () => timeBox('listing of keys', ms, () => store.keys()),
  };
}
