// The HTTP face of the feedback collector, as a Fastify plugin:
//   POST    /api/feedback          a learner's outbox delivers one item (public, rate-limited)
//   OPTIONS /api/feedback…         CORS preflight, for origins in FEEDBACK_ALLOWED_ORIGINS only
//   GET     /api/feedback          review as JSON            ┐ only with Authorization: Bearer <token>,
//   GET     /api/feedback.csv      review as a CSV download  │ rate-limited per client; 404 when no
//   GET     /api/feedback/summary  counts per lesson and type│ token is configured, so they do not advertise themselves
//   GET     /api/feedback/backup   the whole database file   ┘ (a consistent SQLite copy, for backups)
// Every answer is JSON (the CSV aside) with Cache-Control: no-store, and every error says what to fix.
// The database lives in a worker thread (storeClient.ts): a post waits for its commit there, and a
// locked or failing database is a 503 with Retry-After, while pages go on being served.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { feedbackItemSchema, fieldErrors } from '../../src/shared/feedback.ts';
import { toCsv, type CsvValue } from '../../src/shared/csv.ts';
import type { FeedbackFilter, StoredFeedback } from './db.ts';
import { feedbackQuerySchema } from './query.ts';
import { StoreError, type FeedbackStoreClient } from './storeClient.ts';
import { RETRY_AFTER } from './storeMessages.ts';

/** The largest body accepted: a 2000-character text in any script, with its fields, fits easily. */
export const FEEDBACK_BODY_LIMIT = 16 * 1024;

export interface RateLimit {
  /** Requests allowed per client address in each window. */
  limit: number;
  windowMs: number;
}

export interface CollectorOptions {
  store: FeedbackStoreClient;
  /** Bearer token for the review endpoints; without one they answer 404. */
  adminToken?: string | undefined;
  /** Origins (scheme://host[:port]) allowed to call the API from another site. */
  allowedOrigins: readonly string[];
  /** POSTs allowed per client address. */
  rateLimit: RateLimit;
  /** Review requests allowed per client address, right token or wrong. */
  reviewRateLimit: RateLimit;
}

/** The collector's endpoints and the methods each answers (OPTIONS aside). */
export const COLLECTOR_ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/api/feedback': ['GET', 'POST'],
  '/api/feedback.csv': ['GET'],
  '/api/feedback/summary': ['GET'],
  '/api/feedback/backup': ['GET'],
};

/** Whether a path belongs to the collector (the app sends everything else to the site). */
export const isCollectorPath = (pathname: string): boolean => pathname.startsWith('/api/feedback');

export const API_HEADERS = {
  'Cache-Control': 'no-store',
  // Data, never a document: even if a browser is tricked into opening it, nothing in it may run.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  Vary: 'Origin',
};

export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers(API_HEADERS)
    .type('application/json; charset=utf-8')
    .send({ error, ...extra });
}

/** Compares through SHA-256 digests, so neither the content nor the length of the token leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

type OriginDecision = 'none' | 'allowed' | 'refused';

function checkOrigin(request: FastifyRequest, allowed: ReadonlySet<string>): OriginDecision {
  const origin = request.headers.origin;
  if (origin === undefined) return 'none';
  if (allowed.has(origin)) return 'allowed';
  // Browsers send Origin on same-origin POSTs too; those need no CORS and are always welcome.
  if (request.headers['sec-fetch-site'] === 'same-origin') return 'none';
  try {
    if (new URL(origin).host === request.headers.host) return 'none';
  } catch {
    // "null" and other opaque origins are not URLs: refused unless listed.
  }
  return 'refused';
}

const CSV_COLUMNS: readonly { header: string; value: (row: StoredFeedback) => CsvValue }[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'receivedAt', value: (row) => row.receivedAt },
  { header: 'createdAt', value: (row) => row.createdAt },
  { header: 'type', value: (row) => row.type },
  { header: 'rating', value: (row) => row.rating },
  { header: 'moduleId', value: (row) => row.moduleId },
  { header: 'lessonId', value: (row) => row.lessonId },
  { header: 'lang', value: (row) => row.lang },
  { header: 'contentVersion', value: (row) => row.contentVersion },
  { header: 'name', value: (row) => row.name },
  { header: 'email', value: (row) => row.email },
  { header: 'text', value: (row) => row.text },
];

/** A body that is not UTF-8 text, or not JSON, refused before the schema sees it. */
function parseJson(body: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw Object.assign(new Error('The body is not valid UTF-8 text.'), { statusCode: 400 });
  }
  try {
    // Keys such as __proto__ become plain properties here, and the schema drops every unknown key.
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw Object.assign(new Error(`The body is not valid JSON: ${(error as Error).message}`), { statusCode: 400 });
  }
}

/**
 * Rate-limits every route registered in `scope` with one count per client address (the socket's, so
 * X-Forwarded-For changes nothing); the review endpoints share theirs.
 */
const limitScope = (scope: FastifyInstance, limit: RateLimit, what: string) =>
  scope.register(rateLimit, {
    global: true,
    max: limit.limit,
    timeWindow: limit.windowMs,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return Object.assign(new Error(`Too many ${what} from this address: try again in ${String(seconds)} s.`), {
        statusCode: 429,
        retryAfterSeconds: seconds,
      });
    },
  });

export async function registerCollector(app: FastifyInstance, options: CollectorOptions): Promise<void> {
  const { store, adminToken } = options;
  const allowedOrigins = new Set(options.allowedOrigins);

  await app.register(async (api) => {
    api.removeContentTypeParser('application/json');
    api.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: FEEDBACK_BODY_LIMIT },
      (_r, body, done) => {
        try {
          done(null, parseJson(body as Buffer));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );

    // Before anything is read or stored: a foreign origin is refused, a listed one gets CORS.
    api.addHook('onRequest', async (request, reply) => {
      const origin = checkOrigin(request, allowedOrigins);
      if (origin === 'refused') {
        return sendError(reply, 403, `Requests from ${request.headers.origin ?? 'this origin'} are not allowed.`);
      }
      if (origin === 'allowed' && request.headers.origin)
        reply.header('Access-Control-Allow-Origin', request.headers.origin);
      reply.headers(API_HEADERS);
      return undefined;
    });

    for (const [url, methods] of Object.entries(COLLECTOR_ROUTES)) {
      const allow = [...methods, 'OPTIONS'].join(', ');
      api.options(url, async (_request, reply) => {
        reply.code(204).header('Allow', allow);
        if (reply.hasHeader('Access-Control-Allow-Origin')) {
          reply.headers({
            'Access-Control-Allow-Methods': allow,
            'Access-Control-Allow-Headers': 'Content-Type, Authorization',
            'Access-Control-Max-Age': '600',
          });
        }
        return reply.send();
      });
    }

    await api.register(async (posts) => {
      await limitScope(posts, options.rateLimit, 'feedback posts');
      posts.post('/api/feedback', { bodyLimit: FEEDBACK_BODY_LIMIT }, async (request, reply) => {
        if (request.body === undefined)
          return sendError(reply, 415, 'Send the feedback as JSON, with Content-Type: application/json.');
        const parsed = feedbackItemSchema.safeParse(request.body);
        if (!parsed.success)
          return sendError(reply, 400, 'The feedback is not valid; see fields.', { fields: fieldErrors(parsed.error) });
        const id = parsed.data.id;
        let inserted: boolean;
        try {
          // insert() resolves after the commit is on disk, so the 2xx below is a promise kept.
          ({ inserted } = await store.insert(parsed.data, new Date()));
        } catch (error) {
          if (!(error instanceof StoreError)) throw error;
          console.error(`Feedback ${id} not stored (${error.failure}): ${error.message}`);
          const seconds = RETRY_AFTER[error.failure];
          reply.header('Retry-After', String(seconds));
          return sendError(reply, 503, 'The feedback could not be stored just now. Try again later.', {
            retryAfterSeconds: seconds,
          });
        }
        return reply.code(inserted ? 201 : 200).send({ id, status: inserted ? 'stored' : 'duplicate' });
      });
    });

    /** Checks the token and the filters; answers and returns undefined when the request may not go on. */
    function review(request: FastifyRequest, reply: FastifyReply): FeedbackFilter | undefined {
      if (adminToken === undefined) {
        void sendError(reply, 404, 'Not found.');
        return undefined;
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!match?.[1]) {
        reply.header('WWW-Authenticate', 'Bearer realm="feedback review"');
        void sendError(reply, 401, 'This endpoint needs an admin token: Authorization: Bearer <token>.');
        return undefined;
      }
      if (!tokenMatches(match[1], adminToken)) {
        void sendError(reply, 403, 'The admin token is not valid.');
        return undefined;
      }
      const query = feedbackQuerySchema.safeParse(request.query);
      if (!query.success) {
        void sendError(reply, 400, 'The filters are not valid; see fields.', { fields: fieldErrors(query.error) });
        return undefined;
      }
      const { module, lesson, type, since } = query.data;
      return {
        ...(module && { moduleId: module }),
        ...(lesson && { lessonId: lesson }),
        ...(type && { type }),
        ...(since && { since: new Date(since).toISOString() }),
      };
    }

    await api.register(async (reviews) => {
      await limitScope(reviews, options.reviewRateLimit, 'review requests');
      reviews.get('/api/feedback', async (request, reply) => {
        const filter = review(request, reply);
        if (!filter) return reply;
        const items = await store.list(filter);
        return reply.send({ count: items.length, items });
      });
      reviews.get('/api/feedback.csv', async (request, reply) => {
        const filter = review(request, reply);
        if (!filter) return reply;
        const date = new Date().toISOString().slice(0, 10);
        return reply
          .type('text/csv; charset=utf-8; header=present')
          .header('Content-Disposition', `attachment; filename="feedback-${date}.csv"`)
          .send(toCsv(CSV_COLUMNS, await store.list(filter)));
      });
      reviews.get('/api/feedback/summary', async (request, reply) => {
        const filter = review(request, reply);
        if (!filter) return reply;
        const lessons = await store.countsByLesson(filter);
        return reply.send({ total: lessons.reduce((sum, row) => sum + row.total, 0), lessons });
      });
      reviews.get('/api/feedback/backup', async (request, reply) => {
        if (!review(request, reply)) return reply;
        // Beside the database, so the copy lands on the same disk; removed once sent or abandoned.
        const copy = join(dirname(store.path), `.backup-${randomUUID()}.sqlite`);
        const removeCopy = () => rm(copy, { force: true });
        try {
          await store.backupTo(copy);
        } catch (error) {
          await removeCopy();
          if (!(error instanceof StoreError)) throw error;
          console.error(`Feedback backup failed (${error.failure}): ${error.message}`);
          reply.header('Retry-After', String(RETRY_AFTER[error.failure]));
          return sendError(reply, 503, 'The backup could not be made just now. Try again later.');
        }
        reply.raw.once('close', () => void removeCopy());
        const date = new Date().toISOString().slice(0, 10);
        return reply
          .type('application/vnd.sqlite3')
          .header('Content-Disposition', `attachment; filename="feedback-${date}.sqlite"`)
          .send(createReadStream(copy));
      });
    });
  });
}
