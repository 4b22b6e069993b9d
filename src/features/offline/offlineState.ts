/**
 * Whether this browser can use the course offline, as the page's offline module (offlineClient.ts)
 * finds out and publishes it: on `<html data-offline="…">` and as an `offline:state` event on window,
 * so the My data page (and the tests) can read it without importing the module.
 */
export type OfflineState = 'unsupported' | 'installing' | 'ready' | 'failed';

export const offlineStateEvent = 'offline:state';

/** The parts of a ServiceWorkerRegistration the state depends on. */
export interface RegistrationLike {
  active: unknown;
  installing: unknown;
  waiting: unknown;
}

/**
 * An active worker has finished precaching (install succeeds only when every file is cached), so the
 * course is available offline even while a newer version installs. A worker still installing or
 * waiting for the first time: not yet. No worker at all: the install failed (storage full, blocked).
 */
export function offlineStateOf(registration: RegistrationLike | undefined): OfflineState {
  if (registration?.active) return 'ready';
  if (registration?.installing || registration?.waiting) return 'installing';
  return 'failed';
}
