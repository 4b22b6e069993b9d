/*
 * The page's feedback outbox: stored with the other documents, delivered when online (at load, when
 * the browser comes back online, and when a retry is due), merged across tabs.
 */
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import type { FeedbackItem } from '../../shared/feedback';
import { deliver } from './deliver';
import {
  addItem,
  dueEntries,
  emptyOutbox,
  FEEDBACK_KEY,
  mergeOutboxes,
  nextDueAt,
  parseOutbox,
  recordDelivery,
  retryNow,
  type Outbox,
} from './outbox';

/** Where feedback goes: the same origin's collector unless the build names another endpoint. */
export const FEEDBACK_ENDPOINT: string =
  (import.meta.env['PUBLIC_FEEDBACK_ENDPOINT'] as string | undefined) ?? '/api/feedback';

export const outboxDocument = (): SyncedDocument<Outbox> =>
  syncedDocument({ key: FEEDBACK_KEY, parse: parseOutbox, empty: emptyOutbox, merge: mergeOutboxes });

let running = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** Sends every item that is due, one at a time, then waits for the next one. */
async function pump(): Promise<void> {
  if (running) return;
  running = true;
  const box = outboxDocument();
  try {
    await box.ready();
    while (navigator.onLine) {
      const [entry] = dueEntries(box.get().doc, new Date());
      if (!entry) break;
      const result = await deliver(entry.item, FEEDBACK_ENDPOINT);
      box.update((doc) => recordDelivery(doc, entry.item.id, result, new Date()));
      await box.flush();
    }
  } finally {
    running = false;
  }
  clearTimeout(timer);
  const due = nextDueAt(box.get().doc);
  if (due !== undefined) timer = setTimeout(() => void pump(), Math.max(1000, due - Date.now()));
}

/** Starts delivering (once per page): now, whenever the browser comes back online, and on retries. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void pump());
  void pump();
}

/** Saves a new item to the outbox first, then tries to send it. */
export async function submitFeedback(item: FeedbackItem): Promise<void> {
  const box = outboxDocument();
  box.update((doc) => addItem(doc, item));
  await box.flush();
  startOutbox();
  void pump();
}

/** Tries every waiting item again now, without waiting for its retry time. */
export function sendNow(): void {
  const box = outboxDocument();
  box.update((doc) => doc.entries.reduce((next, e) => retryNow(next, e.item.id), doc));
  void pump();
}
