import { Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import { nextTask } from '../../client/nextTask';

/** Each part waits for the one before it, so the parts of an island hydrate in tasks of their own. */
let queue: Promise<void> = Promise.resolve();
const settled = new WeakSet<Promise<void>>();
const turn = (): Promise<void> => {
  const wait = (queue = queue.then(nextTask));
  void wait.then(() => settled.add(wait));
  return wait;
};

/**
 * Each part's wait, by the part's useId. Not in the part's state: React drops the state of a component
 * that suspends before it mounts, so a wait kept there would be a new one on every retry.
 */
const waits = new Map<string, Promise<void>>();

function Deferred({ children }: { children: ReactNode }): ReactNode {
  const id = useId();
  if (typeof document === 'undefined') return children;
  let wait = waits.get(id);
  if (!wait) {
    wait = turn();
    waits.set(id, wait);
  }
  // Suspending while hydrating leaves the server's markup in place; React and Preact hydrate it when
  // the wait is over, in a later task than the rest of the island.
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- suspending is how Suspense is told to wait
  if (!settled.has(wait)) throw wait;
  return children;
}

/**
 * Hydrates `children` (one element, as Preact resumes a suspended hydration from a single node) in a
 * task after the rest of the island, each `Later` after the one before. A large form is then made
 * live in several short tasks instead of one long one, and the markup stays as it was until then.
 * Only for parts of an island's first render: rendered later from scratch, it would show nothing for a task.
 */
export default function Later({ children }: { children: ReactNode }): ReactNode {
  return (
    <Suspense fallback={null}>
      <Deferred>{children}</Deferred>
    </Suspense>
  );
}

/**
 * False until every `Later` part rendered so far has hydrated. An island keeps its fields disabled
 * until then, so nothing is typed into markup that is not live yet.
 */
export function useLaterHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    let live = true;
    void queue.then(() => {
      if (live) setHydrated(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return hydrated;
}
