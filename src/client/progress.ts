/*
 * The page's progress actor and the one door islands use to it. Started on first use in the browser:
 * fetches the course manifest the page links to, opens browser storage (IndexedDB, then localStorage,
 * else memory), starts the machine, keeps other tabs in step through a BroadcastChannel, and saves
 * before the page is hidden or left. Events sent before the manifest has arrived are handed to the
 * machine in order when it starts. Islands read through `getProgressView` and write with `sendProgress`.
 */
import type { CourseManifest } from '../schemas/manifest';
import type { ProgressDocument, ProgressStore } from '../schemas/progress';
import type { ProgressActor, ProgressEvent } from '../progress/progressMachine';
import * as select from '../progress/selectors';
import { pathFor } from '../i18n/routes';
import type { Lang } from '../shared/languages';
import { fetchCourseManifest } from './courseManifest';
import { nextTask } from './nextTask';

export type Status = 'not-started' | 'in-progress' | 'completed';

/** What islands see: the document, the manifest and answers computed from them. */
export interface ProgressView {
  doc: ProgressDocument;
  manifest: CourseManifest;
  degraded: boolean;
  /** Degraded because storage holds progress from a newer version of the course (left untouched). */
  newer: boolean;
  recovered: boolean;
  lessonStatus(moduleId: string, lessonId: string): Status;
  moduleStatus(moduleId: string): Status;
  quizStatus(moduleId: string): Status;
  moduleLessonsDone(moduleId: string): boolean;
  moduleCompletedAt(moduleId: string): string | undefined;
  percentComplete(): number;
  courseCompleted(): boolean;
  certificateUnlocked(): boolean;
  resumeTarget(lang: Lang): { href: string; title: string } | null;
}

const CHANNEL = 'hankintapolku-progress';
/** A message on the channel: a saved document to merge, or an explicit reset made in another tab. */
type ChannelMessage = { kind: 'doc'; doc: ProgressDocument; stored?: boolean } | { kind: 'reset' };
let actor: ProgressActor | undefined;
/** The page's progress store, for the synchronous copy taken as the page is left. */
let leavingStore: ProgressStore | undefined;
let channel: BroadcastChannel | undefined;
let starting: Promise<ProgressActor | undefined> | undefined;
/** The manifest could not be loaded: progress can neither be shown nor kept until a reload. */
let unavailable = false;
/** Events that arrived before the machine started, in order. */
const early: ProgressEvent[] = [];
const listeners = new Set<() => void>();
const beforeFlush = new Set<() => void>();

let notifying = false;
/**
 * Tells the listeners (islands, status marks) in a task of their own, once for all changes made
 * meanwhile: re-rendering never lengthens the machine's own work, and a burst of transitions (the
 * stored document arriving, events replayed on it) renders once.
 */
const notify = (): void => {
  if (notifying) return;
  notifying = true;
  void nextTask().then(() => {
    notifying = false;
    for (const listener of listeners) listener();
  });
};
const deliver = (event: ProgressEvent): void => {
  if (actor) actor.send(event);
  else early.push(event);
};

/**
 * Starts the page's progress wiring on first use: the channel and the saves on leaving at once, the
 * machine when the manifest has arrived. Resolves to the actor, or to nothing if the manifest failed.
 */
function startProgress(): Promise<ProgressActor | undefined> {
  if (starting) return starting;
  const bc = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
  channel = bc;
  // Another tab may run a different deploy, so its document is checked before it is merged; the
  // schemas load with the first such message. Messages are handled one after another, in order.
  let inbound = Promise.resolve();
  bc?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<ChannelMessage> | null;
    inbound = inbound
      .then(async () => {
        if (message?.kind === 'reset') {
          deliver({ type: 'data.reset' });
          return;
        }
        if (message?.kind !== 'doc') return;
        const { progressDocumentSchema } = await import('../schemas/progress');
        const parsed = progressDocumentSchema.safeParse(message.doc);
        // A stored document is only shown here; one kept in the other tab's memory (no storage there)
        // is merged as new work, so this tab saves it if it can.
        if (parsed.success)
          deliver({ type: message.stored === false ? 'doc.external' : 'tab.saved', doc: parsed.data });
        else console.warn('Ignored a progress document from another tab that is not valid progress.');
      })
      .catch((error: unknown) => {
        console.error(error);
      });
  });
  const flushNow = (): void => {
    for (const hook of beforeFlush) hook();
    // The save that storage.flush starts may not finish before the browser unloads the page (it
    // takes several IndexedDB steps under a lock): unsaved progress is copied synchronously first.
    const snapshot = actor?.getSnapshot();
    if (
      snapshot &&
      !snapshot.hasTag('loading') &&
      !snapshot.hasTag('degraded') &&
      snapshot.context.revision !== snapshot.context.savedRevision
    )
      leavingStore?.journal?.(snapshot.context.doc);
    deliver({ type: 'storage.flush' });
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushNow();
  });
  window.addEventListener('pagehide', flushNow);
  // The machine (with XState) and the storage code (with localforage; the stored-data schemas follow
  // only if there is stored progress) are loaded here rather than with the page's script, so the
  // browser evaluates them in tasks of their own after the page has rendered, instead of in one long
  // task that delays input. Each request starts in a task of its own as well: on a slow phone,
  // starting the manifest's fetch and each import took 5-25 ms, and together with the page's progress
  // script they made one long task.
  const requestApart = async () => {
    // Each is handled at once (its failure is reported through Promise.all below), so one that fails
    // while the next is still waiting for its task is not taken for an unhandled rejection.
    const handled = <T>(promise: Promise<T>): Promise<T> => {
      promise.catch(() => undefined);
      return promise;
    };
    await nextTask();
    const manifest = handled(fetchCourseManifest());
    await nextTask();
    const machine = handled(import('../progress/progressMachine'));
    await nextTask();
    const storage = handled(import('../storage/browserStore'));
    return Promise.all([manifest, machine, storage]);
  };
  starting = requestApart().then(
    async ([loaded, { createProgressActor }, { openBrowserProgressStore }]) => {
      // Creating the actor (its first state) and starting it (reading storage, replaying early events)
      // each get a task of their own, apart from the evaluation of the modules just loaded.
      await nextTask();
      const created = createProgressActor({
        manifest: loaded,
        store: (leavingStore = openBrowserProgressStore()),
        clock: () => new Date(),
        ...(bc
          ? {
              channel: {
                post: (doc: ProgressDocument, stored: boolean) => {
                  bc.postMessage({ kind: 'doc', doc, stored } satisfies ChannelMessage);
                },
              },
            }
          : {}),
      });
      await nextTask();
      created.subscribe(notify);
      created.start();
      actor = created;
      for (const event of early.splice(0)) created.send(event);
      notify();
      return created;
    },
    (error: unknown) => {
      console.error(error);
      unavailable = true;
      notify();
      return undefined;
    },
  );
  return starting;
}

/** Whether everything is in storage (false until the machine has started). */
export function isProgressSaved(): boolean {
  return actor ? isSettled(actor.getSnapshot()) : false;
}

/** The course manifest could not be loaded, so progress is neither shown nor kept on this page. */
export function isProgressUnavailable(): boolean {
  return unavailable;
}

/** Sends an event to the progress machine. */
export function sendProgress(event: ProgressEvent): void {
  deliver(event);
  void startProgress();
}

/** Deletes the learner's progress in this tab and every other open tab (explicit reset). */
export function resetEverywhere(): void {
  sendProgress({ type: 'data.reset' });
  channel?.postMessage({ kind: 'reset' } satisfies ChannelMessage);
}

/** Writes pending changes now and resolves when they are stored (or storage is unavailable). */
export async function flushProgress(): Promise<void> {
  sendProgress({ type: 'storage.flush' });
  const a = await startProgress();
  if (!a) return;
  const { waitFor } = await import('xstate');
  await waitFor(a, isSettled, { timeout: 4000 }).catch(() => undefined);
}

/** Everything is in storage, or there is no storage to wait for. */
export function isSettled(snapshot: ReturnType<ProgressActor['getSnapshot']>): boolean {
  if (snapshot.hasTag('degraded')) return true;
  return (
    !snapshot.hasTag('loading') &&
    !snapshot.hasTag('saving') &&
    snapshot.context.revision === snapshot.context.savedRevision
  );
}

/** Runs `hook` just before the page's final save, e.g. to hand over text still being typed. */
export function onBeforeFlush(hook: () => void): () => void {
  beforeFlush.add(hook);
  return () => beforeFlush.delete(hook);
}

/** Subscribes to progress changes (for useSyncExternalStore). */
export function subscribeProgress(onChange: () => void): () => void {
  listeners.add(onChange);
  void startProgress();
  return () => {
    listeners.delete(onChange);
  };
}

let cachedSnapshot: unknown;
let cachedView: ProgressView | null = null;

/** The current view; the same object until progress changes. Null until the first load has finished. */
export function getProgressView(): ProgressView | null {
  if (!actor) {
    void startProgress();
    return null;
  }
  const snapshot = actor.getSnapshot();
  if (snapshot === cachedSnapshot) return cachedView;
  cachedSnapshot = snapshot;
  const { doc, manifest } = snapshot.context;
  cachedView = snapshot.hasTag('loading')
    ? null
    : viewOf(doc, manifest, snapshot.hasTag('degraded'), snapshot.hasTag('recovered'), snapshot.context.newerFormat);
  return cachedView;
}

export function viewOf(
  doc: ProgressDocument,
  m: CourseManifest,
  degraded = false,
  recovered = false,
  newer = false,
): ProgressView {
  return {
    doc,
    manifest: m,
    degraded,
    newer,
    recovered,
    lessonStatus: (moduleId, lessonId) => select.lessonStatus(doc, m, moduleId, lessonId),
    moduleStatus: (moduleId) => select.moduleStatus(doc, m, moduleId),
    quizStatus: (moduleId) => select.quizStatus(doc, m, moduleId),
    moduleLessonsDone: (moduleId) => {
      const counts = select.moduleProgress(doc, m, moduleId);
      return counts.completedLessons === counts.totalLessons;
    },
    moduleCompletedAt: (moduleId) => select.moduleCompletedAt(doc, m, moduleId),
    percentComplete: () => select.percentComplete(doc, m),
    courseCompleted: () => select.courseStatus(doc, m) === 'completed',
    certificateUnlocked: () => select.isCertificateUnlocked(doc, m),
    resumeTarget: (lang) => {
      // Nothing to resume for a learner who has not started.
      if (select.courseStatus(doc, m) === 'not-started') return null;
      const target = select.resumeTarget(doc, m);
      const module = target ? m.modules.find((x) => x.id === target.moduleId) : undefined;
      if (!target || !module) return null;
      if (target.kind === 'lesson') {
        const lesson = module.lessons.find((l) => l.id === target.lessonId);
        if (!lesson) return null;
        return {
          href: pathFor({ kind: 'lesson', moduleId: module.id, lessonId: lesson.id }, lang),
          title: lesson.title[lang],
        };
      }
      return { href: pathFor({ kind: target.kind, moduleId: module.id }, lang), title: module.title[lang] };
    },
  };
}
