import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson, emptyDocument, recordQuizAttempt } from '../../src/progress/progressDocument';
import { createProgressActor, type ProgressActor, type ProgressMachineInput } from '../../src/progress/progressMachine';
import type { ProgressDocument, ProgressLoadResult } from '../../src/schemas/progress';
import { StorageUnavailableError } from '../../src/storage/keyValueStore';
import { NewerSchemaVersionError } from '../../src/storage/migrations';
import { sampleManifest as manifest } from './helpers/sampleManifest';

const START = new Date('2025-05-01T08:00:00.000Z');
const clock = (): Date => new Date(Date.now());
const lesson = { moduleId: 'goals', lessonId: 'measuring' } as const;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A store whose load the test controls, recording what is written. */
function fakeStore(load: () => Promise<ProgressLoadResult> = () => Promise.resolve({ kind: 'empty' })) {
  const saves: ProgressDocument[] = [];
  const store = {
    load: vi.fn(load),
    save: vi.fn((doc: ProgressDocument) => {
      saves.push(doc);
      // Storage held nothing the document lacked.
      return Promise.resolve<ProgressDocument | undefined>(undefined);
    }),
    clear: vi.fn(() => Promise.resolve()),
  };
  return { store, saves };
}

function start(input: Partial<ProgressMachineInput> & Pick<ProgressMachineInput, 'store'>): ProgressActor {
  const actor = createProgressActor({ manifest, clock, ...input });
  actor.start();
  return actor;
}

/** Lets promises settle and moves fake time on. */
const wait = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

const stored = (): ProgressDocument => {
  const context = { manifest, now: new Date('2025-04-01T10:00:00.000Z') };
  const doc = completeLesson(
    emptyDocument(manifest.contentVersion, context.now),
    { moduleId: 'background', lessonId: 'key-terms' },
    context,
  );
  return recordQuizAttempt(
    recordQuizAttempt(doc, { moduleId: 'goals', score: 0.2 }, context),
    { moduleId: 'goals', score: 0.4 },
    context,
  );
};

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('loading', () => {
  it('reads the stored document and becomes ready without writing it back', async () => {
    const { store, saves } = fakeStore(() => Promise.resolve({ kind: 'ok', doc: stored() }));
    const actor = start({ store });
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await wait(1000);
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toEqual({ ready: 'idle' });
    expect(snapshot.hasTag('loaded') && snapshot.hasTag('persistent')).toBe(true);
    expect(snapshot.context.doc).toEqual(stored());
    expect(saves).toHaveLength(0);
  });

  it('never writes before the stored document has been loaded and merged', async () => {
    const load = deferred<ProgressLoadResult>();
    const { store, saves } = fakeStore(() => load.promise);
    const actor = start({ store });
    actor.send({ type: 'lesson.complete', ...lesson });
    actor.send({ type: 'storage.flush' });
    await wait(5000);
    expect(saves).toHaveLength(0);
    load.resolve({ kind: 'ok', doc: stored() });
    await wait(0);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.lessons['background/key-terms']?.completedAt).toBeDefined();
    expect(saves[0]?.lessons['goals/measuring']?.completedAt).toBeDefined();
  });

  it('keeps events that arrive while loading and replays them on the loaded document', async () => {
    const load = deferred<ProgressLoadResult>();
    const { store, saves } = fakeStore(() => load.promise);
    const actor = start({ store });
    actor.send({ type: 'quiz.submit', moduleId: 'goals', score: 0.9 });
    actor.send({ type: 'note.save', ...lesson, text: 'Kirjoitettu latauksen aikana' });
    // Shown at once, before the load finishes.
    expect(actor.getSnapshot().context.doc.quizzes['goals']?.attempts).toBe(1);
    load.resolve({ kind: 'ok', doc: stored() });
    await wait(250);
    const doc = actor.getSnapshot().context.doc;
    expect(doc.quizzes['goals']).toMatchObject({ attempts: 3, bestScore: 0.9, passedAt: START.toISOString() });
    expect(doc.notes['goals/measuring']?.text).toBe('Kirjoitettu latauksen aikana');
    expect(saves.at(-1)).toEqual(doc);
  });

  it('writes the document once when it had to be reconciled with new content', async () => {
    const old = { ...stored(), contentVersion: 'older' };
    const { store, saves } = fakeStore(() => Promise.resolve({ kind: 'ok', doc: old }));
    start({ store });
    await wait(250);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.contentVersion).toBe(manifest.contentVersion);
  });
});

describe('saving', () => {
  it('waits until changes pause for 250 ms, then writes once', async () => {
    const { store, saves } = fakeStore();
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'lesson.open', ...lesson });
    await wait(200);
    actor.send({ type: 'lesson.complete', ...lesson });
    await wait(249);
    expect(saves).toHaveLength(0);
    await wait(1);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.lessons['goals/measuring']?.completedAt).toBeDefined();
    await wait(5000);
    expect(saves).toHaveLength(1);
  });

  it('writes at once on storage.flush', async () => {
    const { store, saves } = fakeStore();
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'certificate.setName', name: 'Aino' });
    actor.send({ type: 'storage.flush' });
    await wait(0);
    expect(saves).toHaveLength(1);
    await wait(1000);
    expect(saves).toHaveLength(1);
  });

  it('does not write when a flush finds nothing new', async () => {
    const { store, saves } = fakeStore();
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'storage.flush' });
    await wait(1000);
    expect(saves).toHaveLength(0);
  });

  it('writes again right away when a flush arrives during a write', async () => {
    const first = deferred<undefined>();
    const { store, saves } = fakeStore();
    store.save.mockImplementationOnce((doc) => {
      saves.push(doc);
      return first.promise;
    });
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'lesson.open', ...lesson });
    actor.send({ type: 'storage.flush' });
    expect(actor.getSnapshot().hasTag('saving')).toBe(true);
    actor.send({ type: 'lesson.complete', ...lesson });
    actor.send({ type: 'storage.flush' });
    first.resolve(undefined);
    await wait(0);
    expect(saves).toHaveLength(2);
    expect(saves[1]?.lessons['goals/measuring']?.completedAt).toBeDefined();
  });

  it('posts each saved document to the other tabs and announces it', async () => {
    const { store } = fakeStore();
    const posted: ProgressDocument[] = [];
    const actor = start({ store, channel: { post: (doc) => posted.push(doc) } });
    const announced = vi.fn();
    actor.on('progress.saved', announced);
    await wait(0);
    actor.send({ type: 'location.set', moduleId: 'goals' });
    expect(posted).toHaveLength(0);
    await wait(250);
    expect(posted).toEqual([actor.getSnapshot().context.doc]);
    expect(announced).toHaveBeenCalledTimes(1);
  });
});

describe('when storage cannot be used', () => {
  it('runs in memory, tagged degraded, when storage is unavailable', async () => {
    const { store } = fakeStore(() => Promise.reject(new StorageUnavailableError('private mode')));
    const actor = start({ store });
    actor.send({ type: 'lesson.open', ...lesson });
    await wait(0);
    actor.send({ type: 'lesson.complete', ...lesson });
    await wait(1000);
    const snapshot = actor.getSnapshot();
    expect(snapshot.hasTag('degraded')).toBe(true);
    expect(snapshot.hasTag('persistent')).toBe(false);
    expect(snapshot.context.storageProblem).toMatch(/StorageUnavailableError/);
    expect(snapshot.context.doc.lessons['goals/measuring']?.completedAt).toBeDefined();
    expect(store.save).not.toHaveBeenCalled();
  });

  it('still shares changes with other tabs while degraded', async () => {
    const { store } = fakeStore(() => Promise.reject(new StorageUnavailableError('blocked')));
    const post = vi.fn();
    const actor = start({ store, channel: { post } });
    await wait(0);
    actor.send({ type: 'lesson.complete', ...lesson });
    await wait(250);
    // Posted as kept only in memory, so a tab with storage saves it.
    expect(post).toHaveBeenCalledWith(actor.getSnapshot().context.doc, false);
  });

  it('never overwrites a document written by a newer version of the site', async () => {
    const { store } = fakeStore(() => Promise.reject(new NewerSchemaVersionError(2, 1)));
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'lesson.complete', ...lesson });
    actor.send({ type: 'storage.flush' });
    await wait(1000);
    expect(actor.getSnapshot().hasTag('degraded')).toBe(true);
    // So the learner is told exactly that, not that the browser refuses storage.
    expect(actor.getSnapshot().context.newerFormat).toBe(true);
    expect(store.save).not.toHaveBeenCalled();
    expect(store.clear).not.toHaveBeenCalled();
  });

  it('falls back to memory when a write fails, keeping the changes', async () => {
    const { store } = fakeStore();
    store.save.mockRejectedValueOnce(new Error('QuotaExceededError'));
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'lesson.complete', ...lesson });
    await wait(250);
    expect(actor.getSnapshot().hasTag('degraded')).toBe(true);
    expect(actor.getSnapshot().context.doc.lessons['goals/measuring']?.completedAt).toBeDefined();
  });
});

describe('after unreadable data was quarantined', () => {
  const quarantined = (): Promise<ProgressLoadResult> =>
    Promise.resolve({
      kind: 'quarantined',
      quarantineKey: 'quarantine/2025-05-01T08:00:00.000Z/progress',
      reason: 'bad JSON',
    });

  it('tells the learner through the recovered tag and keeps saving as usual', async () => {
    const { store, saves } = fakeStore(quarantined);
    const actor = start({ store });
    await wait(0);
    const snapshot = actor.getSnapshot();
    expect(snapshot.hasTag('recovered') && snapshot.hasTag('persistent')).toBe(true);
    expect(snapshot.context.quarantine).toEqual({
      key: 'quarantine/2025-05-01T08:00:00.000Z/progress',
      reason: 'bad JSON',
    });
    actor.send({ type: 'lesson.complete', ...lesson });
    await wait(250);
    expect(saves).toHaveLength(1);
  });

  it('drops the notice once the learner dismisses it', async () => {
    const { store } = fakeStore(quarantined);
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'recovery.dismiss' });
    expect(actor.getSnapshot().hasTag('recovered')).toBe(false);
    expect(actor.getSnapshot().value).toEqual({ ready: 'idle' });
    expect(actor.getSnapshot().context.quarantine).toBeUndefined();
  });
});

describe('documents from elsewhere and resets', () => {
  it('merges a document from another tab and saves the result', async () => {
    const { store, saves } = fakeStore();
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'lesson.open', ...lesson });
    actor.send({ type: 'doc.external', doc: stored() });
    await wait(250);
    const doc = actor.getSnapshot().context.doc;
    expect(doc.lessons['goals/measuring']?.firstOpenedAt).toBeDefined();
    expect(doc.lessons['background/key-terms']?.completedAt).toBeDefined();
    expect(saves).toEqual([doc]);
  });

  it('does not save or echo a document that adds nothing', async () => {
    const { store } = fakeStore(() => Promise.resolve({ kind: 'ok', doc: stored() }));
    const post = vi.fn();
    const actor = start({ store, channel: { post } });
    await wait(0);
    actor.send({ type: 'doc.external', doc: stored() });
    await wait(1000);
    expect(store.save).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
  });

  it('empties the document and clears storage on data.reset', async () => {
    const { store, saves } = fakeStore(() => Promise.resolve({ kind: 'ok', doc: stored() }));
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'data.reset' });
    await wait(1000);
    const doc = actor.getSnapshot().context.doc;
    expect(doc.lessons).toEqual({});
    expect(doc.quizzes).toEqual({});
    expect(store.clear).toHaveBeenCalledTimes(1);
    expect(saves).toHaveLength(0);
    actor.send({ type: 'lesson.open', ...lesson });
    await wait(250);
    expect(Object.keys(saves.at(-1)?.lessons ?? {})).toEqual(['goals/measuring']);
  });

  it('cancels a pending save of the old progress when reset', async () => {
    const { store, saves } = fakeStore();
    const actor = start({ store });
    await wait(0);
    actor.send({ type: 'lesson.complete', ...lesson });
    actor.send({ type: 'data.reset' });
    await wait(1000);
    expect(saves).toHaveLength(0);
    expect(actor.getSnapshot().context.doc.lessons).toEqual({});
  });

  it('applies a reset sent while loading to the loaded document', async () => {
    const { store, saves } = fakeStore(() => Promise.resolve({ kind: 'ok', doc: stored() }));
    const actor = start({ store });
    actor.send({ type: 'data.reset' });
    await wait(250);
    expect(actor.getSnapshot().context.doc.lessons).toEqual({});
    expect(saves.at(-1)?.lessons).toEqual({});
  });
});
