// The main thread's handle on the database worker: each call is a message and a promise, so the
// thread that serves pages never waits on SQLite. A worker that dies (it should not) is started again
// on the next request; the requests it held are answered as failed and the outboxes retry them.
import { Worker } from 'node:worker_threads';
import type { FeedbackItem } from '../../src/shared/feedback.ts';
import type { FeedbackFilter, LessonCounts, StoredFeedback } from './db.ts';
import type { StoreFailure, StoreMessage, StoreRequest, StoreResult } from './storeMessages.ts';

/** A request the database could not do; `failure` says whether waiting helps. */
export class StoreError extends Error {
  readonly failure: StoreFailure;
  constructor(failure: StoreFailure, message: string) {
    super(message);
    this.failure = failure;
  }
}

export interface FeedbackStoreClient {
  readonly path: string;
  /** Resolves once the item's transaction is on disk, i.e. when it is safe to acknowledge. */
  insert(item: FeedbackItem, receivedAt: Date): Promise<{ inserted: boolean }>;
  list(filter: FeedbackFilter): Promise<StoredFeedback[]>;
  countsByLesson(filter: FeedbackFilter): Promise<LessonCounts[]>;
  /** Writes a consistent copy of the database to `target` while posts go on being stored. */
  backupTo(target: string): Promise<void>;
  close(): Promise<void>;
}

type Payload<T> = T extends unknown ? Omit<T, 'seq'> : never;

interface Pending {
  resolve: (result: StoreResult) => void;
  reject: (error: StoreError) => void;
}

function spawn(dataDir: string): Promise<{ worker: Worker; path: string }> {
  const worker = new Worker(new URL('./dbWorker.ts', import.meta.url), { workerData: { dataDir } });
  return new Promise((resolve, reject) => {
    const onMessage = (message: StoreMessage): void => {
      worker.off('message', onMessage);
      if (message.kind === 'ready') resolve({ worker, path: message.path });
      else if (message.kind === 'unusable') reject(new Error(message.message));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the database thread stopped with code ${String(code)}`));
    });
  });
}

/** Opens the database in its worker; rejects with one line when the folder or file cannot be used. */
export async function startFeedbackStore(dataDir: string): Promise<FeedbackStoreClient> {
  const first = await spawn(dataDir);
  let worker: Worker | undefined = first.worker;
  let closing = false;
  let seq = 0;
  const pending = new Map<number, Pending>();

  function attach(next: Worker): void {
    worker = next;
    next.on('message', (message: StoreMessage) => {
      if (message.kind !== 'reply' && message.kind !== 'error') return;
      const waiting = pending.get(message.seq);
      pending.delete(message.seq);
      if (message.kind === 'reply') waiting?.resolve(message.result);
      else waiting?.reject(new StoreError(message.failure, message.message));
    });
    next.once('exit', () => {
      worker = undefined;
      for (const waiting of pending.values()) waiting.reject(new StoreError('failed', 'the database thread stopped'));
      pending.clear();
    });
  }
  attach(first.worker);

  /** The live worker, started again if the last one stopped. */
  let restarting: Promise<Worker> | undefined;
  async function live(): Promise<Worker> {
    if (worker) return worker;
    if (closing) throw new StoreError('failed', 'the collector is shutting down');
    restarting ??= spawn(dataDir)
      .then((next) => {
        attach(next.worker);
        return next.worker;
      })
      .catch((error: unknown) => {
        throw new StoreError('failed', `the database thread could not start again: ${String(error)}`);
      })
      .finally(() => {
        restarting = undefined;
      });
    return restarting;
  }

  async function call(request: Payload<StoreRequest>): Promise<StoreResult> {
    const target = await live();
    const id = ++seq;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ ...request, seq: id });
    });
  }

  return {
    path: first.path,
    async insert(item, receivedAt) {
      return (await call({ op: 'insert', item, receivedAt: receivedAt.toISOString() })) as { inserted: boolean };
    },
    async list(filter) {
      return ((await call({ op: 'list', filter })) as { items: StoredFeedback[] }).items;
    },
    async countsByLesson(filter) {
      return ((await call({ op: 'counts', filter })) as { lessons: LessonCounts[] }).lessons;
    },
    async backupTo(target) {
      await call({ op: 'backup', target });
    },
    async close() {
      if (!worker) return;
      const stopping = worker;
      const exited = new Promise((resolve) => stopping.once('exit', resolve));
      await call({ op: 'close' }).catch(() => undefined);
      closing = true;
      // The worker exits by itself once the database is closed; terminate() is for one that hangs.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      await stopping.terminate();
    },
  };
}
