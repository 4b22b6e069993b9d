/*
 * The learner's progress while a page is open.
 *
 * Stored shape: the ProgressDocument (src/schemas/progress.ts) held in context.doc and written
 * through the injected store; never a machine snapshot, so state names can change freely.
 * Lifecycle: loading → ready (storage works) | recovering (stored data was unreadable and has
 * been quarantined; tag 'recovered' until recovery.dismiss) | degraded (no storage, or a newer
 * format is stored: progress lives in memory and still syncs to other tabs through the channel).
 * Events that arrive while loading are applied at once for the UI AND queued, then replayed on
 * the loaded document, so nothing is lost and nothing is written before that merge. Saves are
 * debounced (saveDelayMs, 250 ms by default); storage.flush writes at once. After each save the
 * document is posted to the channel so other tabs merge it.
 * Migration cases are handled below this machine, by the store (src/storage/migrations.ts).
 */
import { createActor, type Actor, type ActorOptions } from 'xstate';
import { progressDomainEventTypes, type ProgressDomainEvent } from './progressEvents';
import { emptyDocument } from './progressDocument';
import { progressSetup, type ProgressMachineInput } from './progressMachineSetup';

export type { ProgressDomainEvent, ProgressEvent } from './progressEvents';
export type {
  ProgressChannel,
  ProgressContext,
  ProgressEmitted,
  ProgressMachineInput,
  ProgressTag,
} from './progressMachineSetup';

/** Writing and clearing, shared by `ready` and `recovering`. */
const persistence = progressSetup.createStateConfig({
  initial: 'idle',
  states: {
    idle: {
      description: 'Storage holds everything up to the last write; changes wait for the debounce.',
      on: {
        'storage.flush': { guard: 'isDirty', target: 'saving', actions: ['cancelScheduledSave', 'clearFlushRequest'] },
      },
    },
    saving: {
      description: 'Writing the document; a flush meanwhile writes again right after.',
      tags: ['saving'],
      invoke: {
        src: 'saveProgress',
        input: ({ context }) => ({ store: context.store, doc: context.doc, revision: context.revision }),
        onDone: [
          {
            guard: {
              type: 'isFlushRequestedAndChangedSince',
              params: ({ event }) => ({ revision: event.output.revision }),
            },
            target: 'saving',
            reenter: true,
            actions: [
              { type: 'markSaved', params: ({ event }) => ({ revision: event.output.revision }) },
              { type: 'adoptSaved', params: ({ event }) => event.output },
              { type: 'postToChannel', params: ({ event }) => ({ doc: event.output.doc, stored: true }) },
              { type: 'emitSaved', params: ({ event }) => ({ doc: event.output.doc }) },
            ],
          },
          {
            target: 'idle',
            actions: [
              { type: 'markSaved', params: ({ event }) => ({ revision: event.output.revision }) },
              { type: 'adoptSaved', params: ({ event }) => event.output },
              { type: 'postToChannel', params: ({ event }) => ({ doc: event.output.doc, stored: true }) },
              { type: 'emitSaved', params: ({ event }) => ({ doc: event.output.doc }) },
              'scheduleSave',
            ],
          },
        ],
        onError: {
          target: '#progress.degraded',
          actions: { type: 'rememberStorageProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
      on: { 'storage.flush': { actions: 'requestFlush' } },
    },
    clearing: {
      description: 'Removing stored progress after data.reset; quarantined copies stay.',
      invoke: {
        src: 'clearProgress',
        input: ({ context }) => ({ store: context.store, revision: context.revision }),
        onDone: [
          {
            guard: {
              type: 'isFlushRequestedAndChangedSince',
              params: ({ event }) => ({ revision: event.output.revision }),
            },
            target: 'saving',
            actions: { type: 'markSaved', params: ({ event }) => ({ revision: event.output.revision }) },
          },
          {
            target: 'idle',
            actions: [
              { type: 'markSaved', params: ({ event }) => ({ revision: event.output.revision }) },
              'scheduleSave',
            ],
          },
        ],
        onError: {
          target: '#progress.degraded',
          actions: { type: 'rememberStorageProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
      on: { 'storage.flush': { actions: 'requestFlush' } },
    },
  },
  on: {
    'data.reset': { target: '.clearing', actions: ['applyEvent', 'cancelScheduledSave'] },
  },
});

const domainTransitions = Object.fromEntries(
  progressDomainEventTypes.map((type) => [type, { actions: ['applyEvent', 'scheduleSave'] }]),
) as Record<ProgressDomainEvent['type'], { actions: ['applyEvent', 'scheduleSave'] }>;

/** Another tab's save is shown, never saved or announced again (it is in storage already). */
const tabSaved = progressSetup.createStateConfig({
  on: {
    'tab.saved': { actions: { type: 'adoptStored', params: ({ event }) => ({ doc: event.doc }) } },
  },
});

const queueTransitions = Object.fromEntries(
  [...progressDomainEventTypes, 'storage.flush' as const].map((type) => [type, { actions: 'queueEvent' }]),
) as Record<ProgressDomainEvent['type'] | 'storage.flush', { actions: 'queueEvent' }>;

export const progressMachine = progressSetup.createMachine({
  id: 'progress',
  description: 'Holds the learner progress document and keeps it in storage and in step with other tabs.',
  context: ({ input }) => ({
    manifest: input.manifest,
    store: input.store,
    clock: input.clock,
    channel: input.channel,
    saveDelayMs: input.saveDelayMs ?? 250,
    doc: emptyDocument(input.manifest.contentVersion, input.clock()),
    queued: [],
    revision: 0,
    savedRevision: 0,
    flushRequested: false,
    quarantine: undefined,
    storageProblem: undefined,
    newerFormat: false,
  }),
  initial: 'loading',
  on: { ...domainTransitions, ...tabSaved.on },
  states: {
    loading: {
      description: 'Reading stored progress. Changes are shown but queued, and nothing is written yet.',
      tags: ['loading'],
      on: queueTransitions,
      invoke: {
        src: 'loadProgress',
        input: ({ context }) => ({ store: context.store }),
        onDone: [
          {
            guard: { type: 'isQuarantined', params: ({ event }) => ({ result: event.output }) },
            target: 'recovering',
            actions: [
              { type: 'adoptLoadedDocument', params: ({ event }) => ({ result: event.output }) },
              'resumeSaving',
            ],
          },
          {
            target: 'ready',
            actions: [
              { type: 'adoptLoadedDocument', params: ({ event }) => ({ result: event.output }) },
              'resumeSaving',
            ],
          },
        ],
        onError: {
          target: 'degraded',
          actions: [
            { type: 'rememberStorageProblem', params: ({ event }) => ({ error: event.error }) },
            'dropQueue',
            'resumeSaving',
          ],
        },
      },
    },
    ready: {
      ...persistence,
      description: 'Progress is loaded and every change is written to storage after a short pause.',
      tags: ['loaded', 'persistent'],
    },
    recovering: {
      ...persistence,
      description:
        'Stored progress was unreadable and has been set aside (quarantined); the learner starts afresh ' +
        'and is told so until they dismiss the notice. Otherwise behaves exactly like ready.',
      tags: ['loaded', 'persistent', 'recovered'],
      on: {
        ...persistence.on,
        'data.reset': { target: '#progress.ready.clearing', actions: ['applyEvent', 'cancelScheduledSave'] },
        'recovery.dismiss': { target: 'ready', actions: ['forgetQuarantine', 'scheduleSave'] },
      },
    },
    degraded: {
      description:
        'Storage cannot be used (unavailable, timed out, or holds a newer format that must not be ' +
        'overwritten). Progress lives in memory and is still shared with other tabs on each flush.',
      tags: ['loaded', 'degraded'],
      on: {
        'storage.flush': {
          guard: 'isDirty',
          actions: [
            'cancelScheduledSave',
            { type: 'postToChannel', params: ({ context }) => ({ doc: context.doc, stored: false }) },
            'markPosted',
          ],
        },
      },
    },
  },
});

export type ProgressActor = Actor<typeof progressMachine>;

/** An actor for one page. Not started: subscribe first, then call start(). */
export function createProgressActor(
  input: ProgressMachineInput,
  options: Omit<ActorOptions<typeof progressMachine>, 'input'> = {},
): ProgressActor {
  return createActor(progressMachine, { ...options, input });
}
