import type { OfflineState, offlineStateEvent as publishedEvent } from './offlineState';

// Only types come from offlineState.ts, so the page's offline module stays one small chunk of its own
// (a shared value would split it in two); the type keeps the event name in step.
export const offlineStateEvent: typeof publishedEvent = 'offline:state';

/** The state the page's offline module published on `<html data-offline>`, if it has yet. */
export function currentOfflineState(): OfflineState | undefined {
  const value = document.documentElement.dataset['offline'];
  return value === 'unsupported' || value === 'installing' || value === 'ready' || value === 'failed'
    ? value
    : undefined;
}
