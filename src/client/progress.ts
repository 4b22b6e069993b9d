/*
 * The page's progress actor and the one door islands use to it. Created on first use in the browser:
 * reads the manifest from the page, opens browser storage (IndexedDB, then localStorage, else memory),
 * starts the machine, keeps other tabs in step through a BroadcastChannel, and saves before the page
 * is hidden or left. Islands read through `getProgressView` and write with `sendProgress`.
 */
import { waitFor } from 'xstate';
import type { CourseManifest } from '../schemas/manifest';
import type { ProgressDocument } from '../schemas/progress';
import { createProgressActor, type ProgressActor, type ProgressEvent } from '../progress/progressMachine';
import { emptyDocument } from '../progress/progressDocument';
import * as select from '../progress/selectors';
import { openBrowserProgressStore } from '../storage/browserStore';
import { pathFor } from '../i18n/routes';

export type Status = 'not-started' | 'in-progress' | 'completed';

/** What islands see: the document, the manifest and answers computed from them. */
export interface ProgressView {
  doc: ProgressDocument;
  manifest: CourseManifest;
  degraded: boolean;
  recovered: boolean;
  lessonStatus(moduleId: string, lessonId: string): Status;
  moduleStatus(moduleId: string): Status;
  quizStatus(moduleId: string): Status;
  moduleLessonsDone(moduleId: string): boolean;
  moduleCompletedAt(moduleId: string): string | undefined;
  percentComplete(): number;
  courseCompleted(): boolean;
  certificateUnlocked(): boolean;
  resumeTarget(lang: 'fi' | 'en'): { href: string; title: string } | null;
}

const CHANNEL = 'hankintapolku-progress';
/** A message on the channel: a saved document to merge, or an explicit reset made in another tab. */
type ChannelMessage = { kind: 'doc'; doc: ProgressDocument } | { kind: 'reset' };
let actor: ProgressActor | undefined;
let channel: BroadcastChannel | undefined;
let manifest: CourseManifest | undefined;
const beforeFlush = new Set<() => void>();

function readManifest(): CourseManifest {
  const text = document.getElementById('course-manifest')?.textContent;
  if (!text) throw new Error('This page carries no course manifest');
  return JSON.parse(text) as CourseManifest;
}

/** The page's progress actor, started on first use. */
export function progressActor(): ProgressActor {
  if (actor) return actor;
  manifest = readManifest();
  const bc = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
  channel = bc;
  const created = createProgressActor({
    manifest,
    store: openBrowserProgressStore(),
    clock: () => new Date(),
    ...(bc
      ? {
          channel: {
            post: (doc: ProgressDocument) => {
              bc.postMessage({ kind: 'doc', doc } satisfies ChannelMessage);
            },
          },
        }
      : {}),
  });
  bc?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
    if (event.data.kind === 'reset') created.send({ type: 'data.reset' });
    else created.send({ type: 'doc.external', doc: event.data.doc });
  });
  const flushNow = (): void => {
    for (const hook of beforeFlush) hook();
    created.send({ type: 'storage.flush' });
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushNow();
  });
  window.addEventListener('pagehide', flushNow);
  created.start();
  actor = created;
  return created;
}

/** Sends an event to the progress machine. */
export function sendProgress(event: ProgressEvent): void {
  progressActor().send(event);
}

/** Deletes the learner's progress in this tab and every other open tab (explicit reset). */
export function resetEverywhere(): void {
  sendProgress({ type: 'data.reset' });
  channel?.postMessage({ kind: 'reset' } satisfies ChannelMessage);
}

/** Writes pending changes now and resolves when they are stored (or storage is unavailable). */
export async function flushProgress(): Promise<void> {
  const a = progressActor();
  a.send({ type: 'storage.flush' });
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
  const subscription = progressActor().subscribe(onChange);
  return () => {
    subscription.unsubscribe();
  };
}

let cachedSnapshot: unknown;
let cachedView: ProgressView | null = null;

/** The current view; the same object until progress changes. Null until the first load has finished. */
export function getProgressView(): ProgressView | null {
  const snapshot = progressActor().getSnapshot();
  if (snapshot === cachedSnapshot) return cachedView;
  cachedSnapshot = snapshot;
  cachedView = snapshot.hasTag('loading')
    ? null
    : viewOf(
        snapshot.context.doc,
        manifest ?? readManifest(),
        snapshot.hasTag('degraded'),
        snapshot.hasTag('recovered'),
      );
  return cachedView;
}

export function viewOf(doc: ProgressDocument, m: CourseManifest, degraded = false, recovered = false): ProgressView {
  return {
    doc,
    manifest: m,
    degraded,
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

export { emptyDocument };
