// The collector's database thread. Every SQLite call runs here, so a locked, slow or failing database
// delays only the posts waiting for it, never a page served by the main thread.
// Inserts that arrive in one turn of this thread's event loop share one transaction (group commit).
import { parentPort, workerData } from 'node:worker_threads';
import { createBatchWriter, openFeedbackStore, type FeedbackStore } from './db.ts';
import { classifyFailure, oneLine, type StoreMessage, type StoreRequest, type StoreResult } from './storeMessages.ts';

const port = parentPort;
if (!port) throw new Error('dbWorker.ts runs only as a worker thread.');
const send = (message: StoreMessage): void => {
  port.postMessage(message);
};

let store: FeedbackStore;
try {
  store = openFeedbackStore((workerData as { dataDir: string }).dataDir);
  send({ kind: 'ready', path: store.path });
} catch (error) {
  send({ kind: 'unusable', message: oneLine(error) });
  process.exit(1);
}
const writer = createBatchWriter(store);

async function handle(request: StoreRequest): Promise<StoreResult> {
  switch (request.op) {
    case 'insert':
      return writer.write(request.item, new Date(request.receivedAt));
    case 'list':
      return { items: store.list(request.filter) };
    case 'counts':
      return { lessons: store.countsByLesson(request.filter) };
    case 'backup':
      store.backupTo(request.target);
      return { backedUp: true };
    case 'close':
      store.close();
      return { closed: true };
  }
}

port.on('message', (request: StoreRequest) => {
  handle(request).then(
    (result) => {
      send({ kind: 'reply', seq: request.seq, result });
      if (request.op === 'close') port.close();
    },
    (error: unknown) => {
      send({ kind: 'error', seq: request.seq, failure: classifyFailure(error), message: oneLine(error) });
    },
  );
});
