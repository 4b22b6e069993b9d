// The messages between the collector (main thread) and its database worker (dbWorker.ts).
import type { FeedbackItem } from '../../src/shared/feedback.ts';
import type { FeedbackFilter, LessonCounts, StoredFeedback } from './db.ts';

/** Why the database could not do a request: `busy` (locked), `full` (the disk or a file-size limit), `failed`. */
export type StoreFailure = 'busy' | 'full' | 'failed';

/** Seconds a client should wait before retrying, by failure: a lock passes soon, a full disk does not. */
export const RETRY_AFTER: Readonly<Record<StoreFailure, number>> = { busy: 1, full: 60, failed: 5 };

export type StoreRequest =
  | { seq: number; op: 'insert'; item: FeedbackItem; receivedAt: string }
  | { seq: number; op: 'list'; filter: FeedbackFilter }
  | { seq: number; op: 'counts'; filter: FeedbackFilter }
  | { seq: number; op: 'backup'; target: string }
  | { seq: number; op: 'close' };

export type StoreResult =
  | { inserted: boolean }
  | { items: StoredFeedback[] }
  | { lessons: LessonCounts[] }
  | { backedUp: true }
  | { closed: true };

export type StoreMessage =
  | { kind: 'ready'; path: string }
  | { kind: 'unusable'; message: string }
  | { kind: 'reply'; seq: number; result: StoreResult }
  | { kind: 'error'; seq: number; failure: StoreFailure; message: string };

/** node:sqlite errors carry SQLite's result code; the low byte is the primary code. */
export function classifyFailure(error: unknown): StoreFailure {
  const code = Number((error as { errcode?: unknown } | null)?.errcode) & 0xff;
  if (code === 5 || code === 6) return 'busy'; // SQLITE_BUSY, SQLITE_LOCKED
  if (code === 13) return 'full'; // SQLITE_FULL
  return 'failed';
}

/** One line for the log: no stack, no newlines. */
export const oneLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
