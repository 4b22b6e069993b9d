import { useBrowserValue } from './useHydrated';
import { getProgressView, sendProgress, subscribeProgress, type ProgressView } from '../client/progress';

export { sendProgress };
export type { ProgressView };

/**
 * Reads the learner's progress in an island through a selector. During the build (server render)
 * and hydration there is no progress yet and `fallback` is used, so the HTML hydrates without a
 * mismatch; then the island follows the page's progress actor.
 */
export function useProgress<T>(select: (view: ProgressView) => T, fallback: T): T {
  const view = useBrowserValue(subscribeProgress, getProgressView, null);
  return view ? select(view) : fallback;
}
