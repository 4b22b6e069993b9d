// The HTTP face of the feedback collector, on plain node:http:
//   POST    /api/feedback          a learner's outbox delivers one item (public, rate-limited)
//   OPTIONS /api/feedback          CORS preflight, for origins in FEEDBACK_ALLOWED_ORIGINS only
//   GET     /api/feedback          review as JSON            ┐ only with Authorization: Bearer <token>;
//   GET     /api/feedback.csv      review as a CSV download  │ 404 when no admin token is configured,
//   GET     /api/feedback/summary  counts per lesson and type┘ so the endpoints do not advertise themselves
// Every answer is JSON (the CSV aside) with Cache-Control: no-store, and every error says what to fix.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { feedbackItemSchema, fieldErrors } from '../../src/shared/feedback.ts';
import { feedbackQuerySchema } from './query.ts';
import { toCsv, type CsvValue } from '../../src/shared/csv.ts';
import { createBatchWriter, type FeedbackFilter, type FeedbackStore, type StoredFeedback } from './db.ts';
import { createRateLimiter } from './rateLimit.ts';

/** The largest body accepted: a 2000-character text in any script, with its fields, fits easily. */
export const FEEDBACK_BODY_LIMIT = 16 * 1024;

export interface CollectorOptions {
  store: FeedbackStore;
  /** Bearer token for the review endpoints; without one they answer 404. */
  adminToken?: string | undefined;
  /** Origins (scheme://host[:port]) allowed to call the API from another site. */
  allowedOrigins: readonly string[];
  /** POSTs allowed per client address in each window. */
  rateLimit: { limit: number; windowMs: number };
  /** The clock, for received_at and the rate limiter. */
  now?: () => number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Whether a path belongs to the collector (the app sends everything else to the static files). */
export const isCollectorPath = (pathname: string): boolean => pathname.startsWith('/api/feedback');

const API_HEADERS = {
  'Cache-Control': 'no-store',
  // Data, never a document: even if a browser is tricked into opening it, nothing in it may run.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  Vary: 'Origin',
};

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...API_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

const sendError = (
  res: ServerResponse,
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void => {
  sendJson(res, status, { error, ...extra }, headers);
};

/** A request body that cannot be read: too large (413) or not text (400). */
class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Reads the body up to `limit` bytes. Past the limit it stops listening and rejects at once, so an
 * oversized upload is never held in memory; the caller answers 413 and closes the connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyError(413, `The body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new BodyError(400, 'The body is not valid UTF-8 text.'));
      }
    });
    req.on('error', reject);
  });
}

const isJsonContentType = (header: string | undefined): boolean =>
  header?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** Compares through SHA-256 digests, so neither the content nor the length of the token leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

type OriginDecision = 'none' | 'allowed' | 'refused';

function checkOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): OriginDecision {
  const origin = req.headers.origin;
  if (origin === undefined) return 'none';
  if (allowed.has(origin)) return 'allowed';
  // Browsers send Origin on same-origin POSTs too; those need no CORS and are always welcome.
  if (req.headers['sec-fetch-site'] === 'same-origin') return 'none';
  try {
    if (new URL(origin).host === req.headers.host) return 'none';
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

export function createCollector(options: CollectorOptions): RequestHandler {
  const { store, adminToken, now = Date.now } = options;
  const allowedOrigins = new Set(options.allowedOrigins);
  const limiter = createRateLimiter({ ...options.rateLimit, now });
  const writer = createBatchWriter(store);

  async function post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const decision = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      const message = `Too many feedback posts from this address: try again in ${seconds} s.`;
      sendError(res, 429, message, { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendError(res, 415, 'Send the feedback as JSON, with Content-Type: application/json.');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > FEEDBACK_BODY_LIMIT)
      throw new BodyError(413, `The body is larger than ${FEEDBACK_BODY_LIMIT} bytes.`);
    const body = await readBody(req, FEEDBACK_BODY_LIMIT);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      sendError(res, 400, `The body is not valid JSON: ${(error as Error).message}`);
      return;
    }
    const parsed = feedbackItemSchema.safeParse(json);
    if (!parsed.success) {
      sendError(res, 400, 'The feedback is not valid; see fields.', { fields: fieldErrors(parsed.error) });
      return;
    }
    // write() resolves after the commit is on disk (synchronous=FULL), so the 2xx below is a promise kept.
    const { inserted } = await writer.write(parsed.data, new Date(now()));
    const id = parsed.data.id;
    if (inserted) sendJson(res, 201, { id, status: 'stored' });
    else sendJson(res, 200, { id, status: 'duplicate' });
  }

  /** Checks the token and the filters; answers and returns undefined when the request may not go on. */
  function review(req: IncomingMessage, res: ServerResponse, url: URL): FeedbackFilter | undefined {
    if (adminToken === undefined) {
      sendError(res, 404, 'Not found.');
      return undefined;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) {
      sendError(
        res,
        401,
        'This endpoint needs an admin token: Authorization: Bearer <token>.',
        {},
        {
          'WWW-Authenticate': 'Bearer realm="feedback review"',
        },
      );
      return undefined;
    }
    if (!tokenMatches(match[1], adminToken)) {
      sendError(res, 403, 'The admin token is not valid.');
      return undefined;
    }
    const query = feedbackQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      sendError(res, 400, 'The filters are not valid; see fields.', { fields: fieldErrors(query.error) });
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

  const routes: Record<
    string,
    Partial<Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => unknown>>
  > = {
    '/api/feedback': {
      POST: post,
      GET(req, res, url) {
        const filter = review(req, res, url);
        if (!filter) return;
        const items = store.list(filter);
        sendJson(res, 200, { count: items.length, items });
      },
    },
    '/api/feedback.csv': {
      GET(req, res, url) {
        const filter = review(req, res, url);
        if (!filter) return;
        const date = new Date(now()).toISOString().slice(0, 10);
        send(res, 200, toCsv(CSV_COLUMNS, store.list(filter)), {
          'Content-Type': 'text/csv; charset=utf-8; header=present',
          'Content-Disposition': `attachment; filename="feedback-${date}.csv"`,
        });
      },
    },
    '/api/feedback/summary': {
      GET(req, res, url) {
        const filter = review(req, res, url);
        if (!filter) return;
        const lessons = store.countsByLesson(filter);
        sendJson(res, 200, { total: lessons.reduce((sum, row) => sum + row.total, 0), lessons });
      },
    },
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const origin = checkOrigin(req, allowedOrigins);
    if (origin === 'refused') {
      sendError(res, 403, `Requests from ${req.headers.origin ?? 'this origin'} are not allowed.`);
      return;
    }
    if (origin === 'allowed' && req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    const route = routes[url.pathname];
    if (!route) {
      sendError(res, 404, `No such endpoint: ${url.pathname}.`);
      return;
    }
    const allow = [...Object.keys(route), 'OPTIONS'].join(', ');
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...API_HEADERS,
        Allow: allow,
        ...(origin === 'allowed' && {
          'Access-Control-Allow-Methods': allow,
          'Access-Control-Allow-Headers': 'Content-Type, Authorization',
          'Access-Control-Max-Age': '600',
        }),
      });
      res.end();
      return;
    }
    const handler = route[method];
    if (!handler) {
      sendError(res, 405, `${method} is not supported here; use ${allow}.`, {}, { Allow: allow });
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof BodyError) {
          // Stop here: answer, then close the connection instead of reading the rest of the upload.
          const close = error.status === 413;
          sendError(res, error.status, error.message, {}, close ? { Connection: 'close' } : {});
          if (close) res.once('finish', () => req.destroy());
          return undefined;
        }
        console.error('Feedback collector error:', error);
        sendError(res, 503, 'The feedback could not be handled just now; it was not stored. Try again later.');
        return undefined;
      });
  };
}
