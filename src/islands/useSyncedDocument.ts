import { useBrowserValue } from './useHydrated';
import type { SyncedDocument, SyncedState } from '../client/syncedDocument';

/**
 * Follows a synced document in an island. The server render and hydration see `null`, so islands
 * render their "loading" state first and never overwrite stored data with an empty form.
 */
export function useSyncedDocument<T>(doc: () => SyncedDocument<T>): SyncedState<T> | null {
  return useBrowserValue<SyncedState<T> | null>(
    (listener) => doc().subscribe(listener),
    () => doc().get(),
    null,
  );
}
