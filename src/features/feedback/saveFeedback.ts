/*
 * Saves a new feedback item to the outbox with only what every page already has loaded (the browser
 * store), so writing feedback works offline even before the outbox code has been fetched. The outbox
 * code itself (validation, delivery, retries) is loaded afterwards to send it.
 * Stored shape: see outbox.ts — an entry { item, state: 'waiting', attempts: 0 } is appended.
 */
import type { FeedbackItem } from '../../shared/feedback';
import { openBrowserKeyValueStore } from '../../storage/browserStore';

const KEY = 'feedback';
interface StoredOutbox {
  kind: 'hankintapolku.feedback';
  schemaVersion: number;
  entries: { item: { id: string } }[];
}

const isOutbox = (value: unknown): value is StoredOutbox =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'hankintapolku.feedback' &&
  (value as { schemaVersion?: unknown }).schemaVersion === 1 &&
  Array.isArray((value as { entries?: unknown }).entries);

/** Stores the item, then starts delivery. Resolves once the item is safely stored. */
export async function saveFeedback(item: FeedbackItem): Promise<void> {
  let stored = false;
  try {
    const { store } = await openBrowserKeyValueStore();
    const raw = await store.getItem(KEY);
    if (raw === null || raw === undefined || isOutbox(raw)) {
      const doc: StoredOutbox = raw ?? { kind: 'hankintapolku.feedback', schemaVersion: 1, entries: [] };
      if (!doc.entries.some((e) => e.item.id === item.id))
        doc.entries.push({ item, state: 'waiting', attempts: 0 } as never);
      await store.setItem(KEY, doc);
      // Pages that hold the outbox open (the feedback page) merge it in instead of overwriting it.
      if (typeof BroadcastChannel !== 'undefined') new BroadcastChannel(`hankintapolku-${KEY}`).postMessage(doc);
      stored = true;
    }
  } catch {
    // No storage, or storage failed: the outbox code below keeps the item (in memory if it must).
  }
  const outbox = import('./outboxClient');
  if (stored) {
    // Adding it again is harmless (the outbox keeps one entry per id); offline, the chunk may not load,
    // and the item waits in storage for the next visit.
    void outbox.then((m) => m.submitFeedback(item)).catch(() => undefined);
    return;
  }
  // Unusual stored data or no storage: the outbox code quarantines or keeps it in memory.
  await (await outbox).submitFeedback(item);
}
