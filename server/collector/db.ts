// The feedback store: one SQLite file, <dataDir>/feedback.sqlite, through Node's built-in node:sqlite.
//
// Stored shape (table `feedback`, one row per item, the client's UUID as primary key):
//   id, received_at (server clock, ISO 8601 UTC), type, rating, text, name, email, module_id,
//   lesson_id, lang, content_version, created_at (the learner's clock, as sent).
// Lifecycle: opened once when the server starts, in the collector's worker thread (dbWorker.ts), never
// on the thread that serves pages; the folder and file are created on first start, migrated, then
// written in batches and closed on SIGINT/SIGTERM.
// Durability: WAL with synchronous=FULL, so the log is synced at every commit and a commit is on disk
// before insertMany() returns and the API acknowledges; a `kill -9` or power cut after the 2xx loses
// nothing. Posts that arrive together share one transaction (createBatchWriter below), so one fsync
// serves many learners. A WAL commit is one sync of one file; the rollback journal this replaced
// needed several per commit (2,000+ posts/s against about 1,650 on the same disk, bench/README.md).
// Exclusive locking: the collector opens the file with locking_mode=EXCLUSIVE before entering WAL,
// so SQLite keeps the WAL index in this thread's heap instead of a memory-mapped `-shm` file. That
// removes the SIGBUS path (a page of a shared-memory file that the disk cannot back, e.g. disk full
// or an unwritable -shm, kills the process), and it means no other process can open the file while
// the collector runs: nothing outside can hold the write lock and stall posts, and backups are taken
// by the collector itself (backupTo below, served as GET /api/feedback/backup).
// Locks: only at start-up can another process (a leftover sqlite3 shell) hold the file; opening then
// waits at most BUSY_TIMEOUT_MS and the start is refused with one line naming the path.
// Migrations: named, ordered steps; PRAGMA user_version counts how many have run. Add a step at the
// end, never edit or reorder a shipped one. A file from a newer collector (user_version larger than
// the steps known here) is refused rather than guessed at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { FeedbackItem, FeedbackType } from '../../src/shared/feedback.ts';

export const DB_FILE_NAME = 'feedback.sqlite';

/** How long opening the file waits for another process that holds it, before the start is refused. */
export const BUSY_TIMEOUT_MS = 250;

interface Migration {
  name: string;
  up: (db: DatabaseSync) => void;
}

const migrations: readonly Migration[] = [
  {
    name: 'create feedback table',
    up(db) {
      db.exec(`
        CREATE TABLE feedback (
          id TEXT PRIMARY KEY NOT NULL,
          received_at TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('comment', 'question', 'wish')),
          rating INTEGER CHECK (rating BETWEEN 1 AND 5),
          text TEXT NOT NULL,
          name TEXT,
          email TEXT,
          module_id TEXT,
          lesson_id TEXT,
          lang TEXT NOT NULL CHECK (lang IN ('fi', 'en')),
          content_version TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX feedback_by_lesson ON feedback (module_id, lesson_id);
        CREATE INDEX feedback_by_received ON feedback (received_at);
      `);
    },
  },
  {
    // The languages are the course's (src/schemas/ids.ts), checked by the item's schema; a CHECK here
    // would need a migration for every new language. Ids become lower case, so an id sent in upper
    // case is the same item; of two rows that differ only in case, the first received stays.
    name: 'languages checked by the schema, ids in lower case',
    up(db) {
      db.exec(`
        CREATE TABLE feedback_new (
          id TEXT PRIMARY KEY NOT NULL CHECK (id = lower(id)),
          received_at TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('comment', 'question', 'wish')),
          rating INTEGER CHECK (rating BETWEEN 1 AND 5),
          text TEXT NOT NULL,
          name TEXT,
          email TEXT,
          module_id TEXT,
          lesson_id TEXT,
          lang TEXT NOT NULL,
          content_version TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        INSERT OR IGNORE INTO feedback_new
          SELECT lower(id), received_at, type, rating, text, name, email, module_id, lesson_id, lang,
            content_version, created_at
          FROM feedback ORDER BY received_at, rowid;
        DROP TABLE feedback;
        ALTER TABLE feedback_new RENAME TO feedback;
        CREATE INDEX feedback_by_lesson ON feedback (module_id, lesson_id);
        CREATE INDEX feedback_by_received ON feedback (received_at);
      `);
    },
  },
];

/** An item as stored, with the time the collector received it. */
export type StoredFeedback = FeedbackItem & { receivedAt: string };

export interface FeedbackFilter {
  moduleId?: string;
  lessonId?: string;
  type?: FeedbackType;
  /** ISO 8601 UTC; items received at or after this time. */
  since?: string;
}

/** Counts for one lesson (or one module without a lesson, or no module at all). */
export interface LessonCounts {
  moduleId: string | null;
  lessonId: string | null;
  comment: number;
  question: number;
  wish: number;
  total: number;
}

/** An item on its way in, stamped with the time the collector received it. */
export interface NewFeedback {
  item: FeedbackItem;
  receivedAt: Date;
}

export interface FeedbackStore {
  readonly path: string;
  /**
   * Stores the items in one transaction, all or none (it throws if the commit fails). An id already
   * stored is left as it was: `inserted: false` for it, one result per item, in order.
   */
  insertMany(entries: readonly NewFeedback[]): { inserted: boolean }[];
  list(filter?: FeedbackFilter): StoredFeedback[];
  countsByLesson(filter?: FeedbackFilter): LessonCounts[];
  /**
   * Writes a consistent, compacted copy of the whole database to `target` (VACUUM INTO). It runs as
   * one statement on this connection, so a batch of posts cannot interleave with it: they wait for it.
   */
  backupTo(target: string): void;
  /** The rows of PRAGMA integrity_check: `['ok']` when the file is sound. */
  integrityCheck(): string[];
  close(): void;
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get();
  const version = Number(row?.['user_version'] ?? 0);
  if (version > migrations.length) {
    throw new Error(
      `The feedback database is at schema version ${version}, newer than this collector knows ` +
        `(${migrations.length}). Run the newer collector, or restore a backup.`,
    );
  }
  migrations.slice(version).forEach((migration, index) => {
    // Each step and its version bump commit together, so a crash never leaves a half-applied step.
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      db.exec(`PRAGMA user_version = ${version + index + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(`Feedback database migration "${migration.name}" failed: ${String(error)}`, { cause: error });
    }
  });
}

/** Filter fields and the columns they match exactly. */
const exactFilters = [
  ['moduleId', 'module_id'],
  ['lessonId', 'lesson_id'],
  ['type', 'type'],
] as const;

function whereClause(filter: FeedbackFilter): { sql: string; params: Record<string, SQLInputValue> } {
  const conditions: string[] = [];
  const params: Record<string, SQLInputValue> = {};
  for (const [field, column] of exactFilters) {
    const value = filter[field];
    if (value === undefined) continue;
    conditions.push(`${column} = :${field}`);
    params[field] = value;
  }
  if (filter.since !== undefined) {
    conditions.push('received_at >= :since');
    params['since'] = filter.since;
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

type Row = Record<string, SQLOutputValue>;
const text = (value: SQLOutputValue | undefined): string => String(value);
const optionalText = (value: SQLOutputValue | undefined): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

function toStored(row: Row): StoredFeedback {
  const item = {
    id: text(row['id']),
    receivedAt: text(row['received_at']),
    type: text(row['type']) as FeedbackType,
    rating: row['rating'] === null ? undefined : Number(row['rating']),
    text: text(row['text']),
    name: optionalText(row['name']),
    email: optionalText(row['email']),
    moduleId: optionalText(row['module_id']) as StoredFeedback['moduleId'],
    lessonId: optionalText(row['lesson_id']),
    lang: text(row['lang']) as StoredFeedback['lang'],
    contentVersion: text(row['content_version']),
    createdAt: text(row['created_at']),
  };
  // Leave absent fields out rather than sending `undefined`-valued keys around.
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as StoredFeedback;
}

export function openFeedbackStore(dataDir: string): FeedbackStore {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DB_FILE_NAME);
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    // Exclusive first, then WAL: the WAL index then lives in heap memory, with no -shm file (header).
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    const mode = String(db.prepare('PRAGMA journal_mode = WAL').get()?.['journal_mode']);
    if (mode !== 'wal') throw new Error(`SQLite could not use a write-ahead log for ${path} (it kept "${mode}").`);
    // FULL: the log is synced at every commit; we promise a 2xx means stored.
    db.exec('PRAGMA synchronous = FULL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const insert = db.prepare(`
    INSERT INTO feedback (id, received_at, type, rating, text, name, email, module_id, lesson_id, lang,
      content_version, created_at)
    VALUES (:id, :receivedAt, :type, :rating, :text, :name, :email, :moduleId, :lessonId, :lang,
      :contentVersion, :createdAt)
    ON CONFLICT (id) DO NOTHING`);
  const insertOne = (item: FeedbackItem, receivedAt: Date): boolean => {
    const result = insert.run({
      id: item.id,
      receivedAt: receivedAt.toISOString(),
      type: item.type,
      rating: item.rating ?? null,
      text: item.text,
      name: item.name ?? null,
      email: item.email ?? null,
      moduleId: item.moduleId ?? null,
      lessonId: item.lessonId ?? null,
      lang: item.lang,
      contentVersion: item.contentVersion,
      createdAt: item.createdAt,
    });
    return Number(result.changes) === 1;
  };
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  return {
    path,
    insertMany(entries) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const results = entries.map(({ item, receivedAt }) => ({ inserted: insertOne(item, receivedAt) }));
        db.exec('COMMIT');
        return results;
      } catch (error) {
        // A failed statement may already have ended the transaction (e.g. disk full).
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    list(filter = {}) {
      const { sql, params } = whereClause(filter);
      return prepared(`SELECT * FROM feedback ${sql} ORDER BY received_at, rowid`).all(params).map(toStored);
    },
    countsByLesson(filter = {}) {
      const { sql, params } = whereClause(filter);
      const rows = prepared(
        `SELECT module_id, lesson_id, type, COUNT(*) AS n FROM feedback ${sql}
         GROUP BY module_id, lesson_id, type ORDER BY module_id, lesson_id`,
      ).all(params);
      const byLesson = new Map<string, LessonCounts>();
      for (const row of rows) {
        const moduleId = row['module_id'] === null ? null : text(row['module_id']);
        const lessonId = row['lesson_id'] === null ? null : text(row['lesson_id']);
        const key = JSON.stringify([moduleId, lessonId]);
        let counts = byLesson.get(key);
        if (!counts) byLesson.set(key, (counts = { moduleId, lessonId, comment: 0, question: 0, wish: 0, total: 0 }));
        const n = Number(row['n']);
        counts[text(row['type']) as FeedbackType] += n;
        counts.total += n;
      }
      return [...byLesson.values()];
    },
    backupTo(target) {
      // Not node:sqlite's backup(): its steps run on another thread and fail with SQLITE_LOCKED when
      // they meet a batch being written on this connection.
      db.prepare('VACUUM INTO ?').run(target);
    },
    integrityCheck() {
      return db
        .prepare('PRAGMA integrity_check')
        .all()
        .map((row) => text(row['integrity_check']));
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

export interface FeedbackWriter {
  /** Resolves once the item's transaction has committed, i.e. when it is safe to acknowledge. */
  write(item: FeedbackItem, receivedAt: Date): Promise<{ inserted: boolean }>;
}

/**
 * Group commit: the posts whose bodies arrive in the same turn of the event loop are written in one
 * transaction at the end of that turn (setImmediate), so one fsync serves them all. Nothing is
 * acknowledged before its commit; a failed commit rejects every post in it, and the learners'
 * outboxes retry them (the ids make the retry safe).
 */
export function createBatchWriter(store: Pick<FeedbackStore, 'insertMany'>, maxBatch = 500): FeedbackWriter {
  interface Pending extends NewFeedback {
    resolve: (result: { inserted: boolean }) => void;
    reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];

  function flush(): void {
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        const results = store.insertMany(batch);
        batch.forEach((entry, index) => {
          entry.resolve(results[index] ?? { inserted: false });
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  }

  return {
    write(item, receivedAt) {
      return new Promise((resolve, reject) => {
        if (queue.push({ item, receivedAt, resolve, reject }) === 1) setImmediate(flush);
      });
    },
  };
}
