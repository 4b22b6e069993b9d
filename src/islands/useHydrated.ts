import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * False in the server render and during hydration, true after. Fields stay disabled until then, so
 * nothing a learner types or picks before the island is live can be silently dropped.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
  }, []);
  return hydrated;
}

/**
 * Follows a value that only the browser has (stored progress, the page address, the clock): the
 * server render and the hydration render see `serverValue`, so the HTML hydrates as it was built,
 * and the island re-renders with the browser's value right after. Preact's useSyncExternalStore
 * ignores the server snapshot, so hydration is tracked here rather than left to it; React requires
 * one for the server render.
 */
export function useBrowserValue<T>(subscribe: (onChange: () => void) => () => void, read: () => T, serverValue: T): T {
  const hydrated = useHydrated();
  const server = (): T => serverValue;
  const value = useSyncExternalStore(subscribe, hydrated ? read : server, server);
  return hydrated ? value : serverValue;
}
