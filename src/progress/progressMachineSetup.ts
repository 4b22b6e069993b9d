/*
 * The vocabulary of the progress machine: injected dependencies, context, actors, guards and
 * actions. The states that use them, and the lifecycle, are in progressMachine.ts.
 */
import { assign, cancel, enqueueActions, fromPromise, setup } from 'xstate';
import type { CourseManifest } from '../schemas/manifest';
import type { ProgressDocument, ProgressLoadResult, ProgressStore } from '../schemas/progress';
import {
  applyProgressEvent,
  progressDomainEventTypes,
  type ProgressDomainEvent,
  type ProgressEvent,
} from './progressEvents';
import { emptyDocument, reconcile } from './progressDocument';

/** Where a saved document is announced to other tabs (a BroadcastChannel wrapper in the browser). */
export interface ProgressChannel {
  /** `stored`: the document is in storage (other tabs only show it), or only in this tab's memory. */
  post(doc: ProgressDocument, stored: boolean): void;
}

/** Everything the machine depends on, injected so tests can use fakes and fake timers. */
export interface ProgressMachineInput {
  manifest: CourseManifest;
  store: Pick<ProgressStore, 'load' | 'save' | 'clear'>;
  clock: () => Date;
  channel?: ProgressChannel | undefined;
  /** Debounce before a change is written; 250 ms unless a test says otherwise. */
  saveDelayMs?: number | undefined;
}

export interface ProgressContext {
  manifest: CourseManifest;
  store: ProgressMachineInput['store'];
  clock: () => Date;
  channel: ProgressChannel | undefined;
  saveDelayMs: number;
  /** The learner's progress; what the UI reads through the selectors. */
  doc: ProgressDocument;
  /** Events received while loading, with the time they happened, replayed after the load. */
  queued: Array<{ event: ProgressDomainEvent | { type: 'storage.flush' }; at: string }>;
  /** Bumped on every change of doc; equal to savedRevision when storage is up to date. */
  revision: number;
  savedRevision: number;
  /** A flush arrived while a write was running: write again as soon as it ends. */
  flushRequested: boolean;
  /** Set when the stored data was unreadable and set aside; for the notice to the learner. */
  quarantine: { key: string; reason: string } | undefined;
  /** Why storage is not used, when degraded. */
  storageProblem: string | undefined;
  /** Storage holds progress from a newer version of the course: kept untouched, and the learner told so. */
  newerFormat: boolean;
}

/** Tags the UI reads instead of state names. */
export type ProgressTag = 'loading' | 'loaded' | 'persistent' | 'saving' | 'degraded' | 'recovered';

/** Emitted after each successful write. */
export type ProgressEmitted = { type: 'progress.saved'; doc: ProgressDocument };

const AUTOSAVE_ID = 'autosave';

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function replay(context: ProgressContext, start: ProgressDocument): ProgressDocument {
  let doc = start;
  for (const { event, at } of context.queued) {
    if (event.type === 'storage.flush') continue;
    doc = applyProgressEvent(doc, event, { manifest: context.manifest, now: new Date(at) });
  }
  return doc;
}

function adoptStored(context: ProgressContext, stored: ProgressDocument): Partial<ProgressContext> {
  const doc = applyProgressEvent(
    context.doc,
    { type: 'tab.saved', doc: stored },
    { manifest: context.manifest, now: context.clock() },
  );
  return doc === context.doc ? {} : { doc };
}

/** Named actors, guards, actions and delays of the progress machine (see progressMachine.ts). */
export const progressSetup = setup({
  types: {
    context: {} as ProgressContext,
    events: {} as ProgressEvent,
    input: {} as ProgressMachineInput,
    tags: {} as ProgressTag,
    emitted: {} as ProgressEmitted,
  },
  actors: {
    loadProgress: fromPromise<ProgressLoadResult, { store: ProgressContext['store'] }>(({ input }) =>
      input.store.load(),
    ),
    /** Read–merge–write; `doc` is what storage now holds, `foreign` whether it has other tabs' facts. */
    saveProgress: fromPromise<
      { doc: ProgressDocument; revision: number; foreign: boolean },
      { store: ProgressContext['store']; doc: ProgressDocument; revision: number }
    >(async ({ input }) => {
      const stored = await input.store.save(input.doc);
      return { doc: stored ?? input.doc, revision: input.revision, foreign: stored !== undefined };
    }),
    clearProgress: fromPromise<{ revision: number }, { store: ProgressContext['store']; revision: number }>(
      async ({ input }) => {
        await input.store.clear();
        return { revision: input.revision };
      },
    ),
  },
  delays: {
    saveDelay: ({ context }) => context.saveDelayMs,
  },
  guards: {
    isDirty: ({ context }) => context.revision !== context.savedRevision,
    /** Evaluated when a write ends, before markSaved: compares with the revision just written. */
    isFlushRequestedAndChangedSince: ({ context }, params: { revision: number }) =>
      context.flushRequested && context.revision !== params.revision,
    isQuarantined: (_, params: { result: ProgressLoadResult }) => params.result.kind === 'quarantined',
  },
  actions: {
    /** Applies a domain event to the document; the revision moves only if a fact changed. */
    applyEvent: assign(({ context, event }) => {
      if (!isDomainEvent(event)) return {};
      const doc = applyProgressEvent(context.doc, event, { manifest: context.manifest, now: context.clock() });
      return doc === context.doc ? {} : { doc, revision: context.revision + 1 };
    }),
    /** While loading: show the change at once, and keep the event to replay on the loaded document. */
    queueEvent: assign(({ context, event }) => {
      if (event.type !== 'storage.flush' && !isDomainEvent(event)) return {};
      const now = context.clock();
      const doc = isDomainEvent(event)
        ? applyProgressEvent(context.doc, event, { manifest: context.manifest, now })
        : context.doc;
      return {
        doc,
        revision: doc === context.doc ? context.revision : context.revision + 1,
        queued: [...context.queued, { event, at: now.toISOString() }],
      };
    }),
    /** The first load's merge: loaded facts, reconciled with this manifest, then the queued events. */
    adoptLoadedDocument: assign(({ context }, params: { result: ProgressLoadResult }) => {
      const { result } = params;
      const stored =
        result.kind === 'ok' ? result.doc : emptyDocument(context.manifest.contentVersion, context.clock());
      const doc = replay(context, reconcile(stored, context.manifest));
      return {
        doc,
        queued: [],
        // Anything the stored copy lacks (a reconcile, a queued event) must be written.
        revision: doc === stored ? 0 : 1,
        savedRevision: 0,
        flushRequested: context.queued.some(({ event }) => event.type === 'storage.flush'),
        quarantine: result.kind === 'quarantined' ? { key: result.quarantineKey, reason: result.reason } : undefined,
      };
    }),
    /**
     * Takes in facts that are already stored (another tab's save, or what a save found in storage):
     * shown at once, but the revision does not move, so they are not written or announced again.
     */
    adoptStored: assign(({ context }, params: { doc: ProgressDocument }) => adoptStored(context, params.doc)),
    /** After a write: adopt what the write found stored, when another tab had put facts there. */
    adoptSaved: assign(({ context }, params: { doc: ProgressDocument; foreign: boolean }) =>
      params.foreign ? adoptStored(context, params.doc) : {},
    ),
    /** Without storage the in-memory document (queued events already applied) is all there is. */
    dropQueue: assign({ queued: [] }),
    /** After the first load: write at once if a flush was asked for meanwhile, else debounce. */
    resumeSaving: enqueueActions(({ context, enqueue }) => {
      if (context.revision === context.savedRevision) return;
      if (context.flushRequested) enqueue.raise({ type: 'storage.flush' });
      else enqueue.raise({ type: 'storage.flush' }, { id: AUTOSAVE_ID, delay: 'saveDelay' });
    }),
    /** (Re)starts the debounce: the write happens saveDelay after the LAST change. */
    scheduleSave: enqueueActions(({ context, enqueue }) => {
      enqueue.cancel(AUTOSAVE_ID);
      if (context.revision !== context.savedRevision) {
        enqueue.raise({ type: 'storage.flush' }, { id: AUTOSAVE_ID, delay: 'saveDelay' });
      }
    }),
    cancelScheduledSave: cancel(AUTOSAVE_ID),
    requestFlush: assign({ flushRequested: true }),
    clearFlushRequest: assign({ flushRequested: false }),
    markSaved: assign((_, params: { revision: number }) => ({ savedRevision: params.revision, flushRequested: false })),
    /** Degraded: nothing is written, so what was posted to other tabs counts as saved. */
    markPosted: assign(({ context }) => ({ savedRevision: context.revision, flushRequested: false })),
    postToChannel: ({ context }, params: { doc: ProgressDocument; stored: boolean }) => {
      context.channel?.post(params.doc, params.stored);
    },
    emitSaved: enqueueActions(({ enqueue }, params: { doc: ProgressDocument }) => {
      enqueue.emit({ type: 'progress.saved', doc: params.doc });
    }),
    rememberStorageProblem: assign((_, params: { error: unknown }) => ({
      storageProblem: describeError(params.error),
      // By name: the error classes live in src/storage/, which this folder does not import.
      newerFormat:
        params.error instanceof Error && ['NewerFormatError', 'NewerSchemaVersionError'].includes(params.error.name),
    })),
    forgetQuarantine: assign({ quarantine: undefined }),
  },
});

export function isDomainEvent(event: ProgressEvent): event is ProgressDomainEvent {
  return (progressDomainEventTypes as readonly string[]).includes(event.type);
}
