/**
 * Resolves in a later task, so the browser can paint and answer input in between. Long start-up
 * work is cut into such steps: each stays short, and none of them delays a tap or a key press.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
