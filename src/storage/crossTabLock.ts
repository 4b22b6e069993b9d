/*
 * Serialises read–merge–write cycles on one stored document across every tab of the browser, so no
 * tab can write over what another has just stored. The Web Locks API does it where present (every
 * current browser): the lock is held by the tab until `run` settles, and is released if the tab is
 * closed meanwhile. Where it is missing, writes are still serialised within the tab, and because
 * each write merges with what is stored at that moment, the window in which two tabs could overlap
 * is the few milliseconds between one read and its write instead of the whole life of a page.
 */

/** The part of navigator.locks used here (structurally typed, so Node and test doubles fit). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const inTab = new Map<string, Promise<unknown>>();

/** Runs `run` while holding this tab's lock `name` (the fallback: a promise chain per name). */
function withTabLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const previous = inTab.get(name) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  inTab.set(name, settled);
  void settled.then(() => {
    if (inTab.get(name) === settled) inTab.delete(name);
  });
  return next;
}

function browserLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

/**
 * Runs `run` holding the cross-tab lock `hankintapolku:<name>`; `locks` defaults to the browser's
 * and falls back to a lock within this tab.
 */
export function withCrossTabLock<T>(
  name: string,
  run: () => Promise<T>,
  locks: LockManagerLike | undefined = browserLocks(),
): Promise<T> {
  const lockName = `hankintapolku:${name}`;
  if (!locks) return withTabLock(lockName, run);
  return locks.request(lockName, run);
}
