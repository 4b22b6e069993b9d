/*
 * The feedback outbox: what a pilot tester wrote, kept in the browser until the collector has it.
 *
 * Stored shape (key 'feedback', schemaVersion 1): { kind: 'hankintapolku.feedback', schemaVersion,
 * entries: [{ item, state, attempts, nextAttemptAt?, lastError?, sentAt?, refusedReason? }] }.
 * Each entry is a small state machine: waiting → sent (collector stored it, or had it already)
 * | refused (the collector said the item itself is wrong; kept, with the reason, never resent)
 * | waiting again with a later nextAttemptAt (network down, server busy or rate limited).
 * The item's UUID is made once when it is written and reused on every retry, so the collector
 * stores it once however often it is sent. Migration cases: only v1 exists; a newer one is refused.
 */
import { storageKeys } from '../../storage/keys';
import { z } from 'zod/mini';
import { isoTime as isoTimeSchema } from '../../schemas/isoTime';
import { feedbackItemSchema, type FeedbackItem } from '../../shared/feedback';
import { NewerFormatError } from '../../storage/documentStore';
import { describeIssues } from '../../schemas/describeIssues';

export const FEEDBACK_KEY = storageKeys.feedback;
export const OUTBOX_SCHEMA_VERSION = 1;

export const outboxStates = ['waiting', 'sent', 'refused'] as const;
export type OutboxState = (typeof outboxStates)[number];

const isoTime = isoTimeSchema();

const entrySchema = z.object({
  /** The feedback as written, sent as is. */
  item: feedbackItemSchema,
  /** Where the item is in its delivery. */
  state: z.enum(outboxStates),
  /** How many times sending has been tried. */
  attempts: z.int().check(z.minimum(0)),
  /** When to try again, while waiting after a failure. */
  nextAttemptAt: z.optional(isoTime),
  /** Why the last try failed (network, server), for the learner. */
  lastError: z.optional(z.string()),
  /** When the collector confirmed it. */
  sentAt: z.optional(isoTime),
  /** Why the collector refused the item. */
  refusedReason: z.optional(z.string()),
});
export type OutboxEntry = z.infer<typeof entrySchema>;

export const outboxSchema = z.object({
  kind: z.literal('hankintapolku.feedback'),
  schemaVersion: z.literal(OUTBOX_SCHEMA_VERSION),
  /** Oldest first. */
  entries: z.array(entrySchema),
});
export type Outbox = z.infer<typeof outboxSchema>;

export const emptyOutbox = (): Outbox => ({ kind: 'hankintapolku.feedback', schemaVersion: 1, entries: [] });

/** Reads a stored or imported outbox; throws with a reason when it cannot. */
export function parseOutbox(raw: unknown): Outbox {
  if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw) {
    const version = raw.schemaVersion;
    if (typeof version === 'number' && version > OUTBOX_SCHEMA_VERSION)
      throw new NewerFormatError('feedback was saved by a newer version');
  }
  const parsed = outboxSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

/** What one try to send an item ended in. */
export type DeliveryResult =
  | { kind: 'delivered' }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string; retryAfterMs?: number | undefined };

/** First retry after 15 s, doubling up to an hour: kind to the collector, quick when it is back. */
export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** Puts a newly written item in the outbox, waiting to be sent at once. */
export function addItem(outbox: Outbox, item: FeedbackItem): Outbox {
  if (outbox.entries.some((e) => e.item.id === item.id)) return outbox;
  return { ...outbox, entries: [...outbox.entries, { item, state: 'waiting', attempts: 0 }] };
}

/** The entry after one try to send it. Only a waiting entry moves. */
export function afterDelivery(entry: OutboxEntry, result: DeliveryResult, now: Date): OutboxEntry {
  if (entry.state !== 'waiting') return entry;
  const attempts = entry.attempts + 1;
  const { nextAttemptAt: _next, lastError: _error, ...rest } = entry;
  switch (result.kind) {
    case 'delivered':
      return { ...rest, attempts, state: 'sent', sentAt: now.toISOString() };
    case 'refused':
      return { ...rest, attempts, state: 'refused', refusedReason: result.reason };
    case 'failed': {
      const wait = Math.max(result.retryAfterMs ?? 0, backoffMs(attempts));
      return {
        ...rest,
        attempts,
        state: 'waiting',
        lastError: result.reason,
        nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
      };
    }
  }
}

/** Applies one delivery result to the entry with `id`. */
export function recordDelivery(outbox: Outbox, id: string, result: DeliveryResult, now: Date): Outbox {
  return { ...outbox, entries: outbox.entries.map((e) => (e.item.id === id ? afterDelivery(e, result, now) : e)) };
}

/** Waiting entries whose time has come, oldest first. */
export function dueEntries(outbox: Outbox, now: Date): OutboxEntry[] {
  return outbox.entries.filter(
    (e) => e.state === 'waiting' && (!e.nextAttemptAt || Date.parse(e.nextAttemptAt) <= now.getTime()),
  );
}

/** When the next waiting entry is due, or undefined when none waits. */
export function nextDueAt(outbox: Outbox): number | undefined {
  const times = outbox.entries
    .filter((e) => e.state === 'waiting')
    .map((e) => (e.nextAttemptAt ? Date.parse(e.nextAttemptAt) : 0));
  return times.length ? Math.min(...times) : undefined;
}

/** Sends a waiting entry again at once (the learner pressed "send now"). */
export function retryNow(outbox: Outbox, id: string): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) => {
      if (e.item.id !== id || e.state !== 'waiting') return e;
      const { nextAttemptAt: _next, ...rest } = e;
      return rest;
    }),
  };
}

const rank: Record<OutboxState, number> = { waiting: 0, refused: 1, sent: 2 };

/** Two tabs' outboxes as one: every item kept once, each at its furthest state. */
export function mergeOutboxes(a: Outbox, b: Outbox): Outbox {
  const byId = new Map<string, OutboxEntry>();
  for (const entry of [...a.entries, ...b.entries]) {
    const seen = byId.get(entry.item.id);
    if (
      !seen ||
      rank[entry.state] > rank[seen.state] ||
      (entry.state === seen.state && entry.attempts > seen.attempts)
    ) {
      byId.set(entry.item.id, entry);
    }
  }
  const entries = [...byId.values()].sort(
    (x, y) => x.item.createdAt.localeCompare(y.item.createdAt) || x.item.id.localeCompare(y.item.id),
  );
  return { ...emptyOutbox(), entries };
}
