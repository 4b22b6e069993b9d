/*
 * `client:idle-yield`: hydrates an island when the browser is idle, like `client:idle`, but in two
 * tasks: the island's code is loaded and evaluated in one, and the island is hydrated in the next.
 * Astro's own directives do both in one task, which for an island with a large form added the cost
 * of evaluating its modules to the cost of hydrating it, in one long task that delays input.
 * Registered in astro.config.mjs; Astro bundles this file into every page that uses it.
 */
import type { ClientDirective } from 'astro';
import { nextTask } from './nextTask';

const idleYield: ClientDirective = (load) => {
  const run = async (): Promise<void> => {
    const hydrate = await load();
    await nextTask();
    await hydrate();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(() => void run());
  else setTimeout(() => void run(), 200);
};

export default idleYield;
