// One Fastify server for `npm start` and the tests: /api/feedback* goes to the feedback collector,
// everything else to the built course in dist/ (each language's 404 page for unknown addresses).
// The static output needs no server of its own on a real host; only the collector does.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  COLLECTOR_ROUTES,
  FEEDBACK_BODY_LIMIT,
  isCollectorPath,
  registerCollector,
  sendError,
  type RateLimit,
} from './collector/api.ts';
import { StoreError, startFeedbackStore } from './collector/storeClient.ts';
import { RETRY_AFTER, oneLine } from './collector/storeMessages.ts';
import { baseHeaders, type FrameAncestors } from './securityHeaders.ts';
import { PAGE_METHODS, registerSite } from './site.ts';

export interface AppOptions {
  /** The built site (Astro's dist/). */
  distDir: string;
  /** Where feedback.sqlite lives; created if missing. */
  dataDir: string;
  /** Bearer token for the review endpoints; without one they answer 404. */
  adminToken?: string | undefined;
  /** Origins allowed to post feedback from another site (CORS). */
  allowedOrigins: readonly string[];
  /** POSTs allowed per client address in each window. */
  rateLimit: RateLimit;
  /** Review requests allowed per client address in each window. */
  reviewRateLimit: RateLimit;
  /** Who may frame the pages: "'none'" unless the deployer lists origins. */
  frameAncestors: FrameAncestors;
}

/**
 * Builds the server; the feedback database opens now (in its worker) and closes with the server.
 * Rejects with one line naming the data folder and the setting when the database cannot be used.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  let store;
  try {
    store = await startFeedbackStore(options.dataDir);
  } catch (error) {
    // The collector holds its file exclusively (db.ts), so a lock at start means another process has it.
    const advice = /\blocked\b/.test(oneLine(error))
      ? 'another process has the file open (a second server or an sqlite3 shell): stop it, or set FEEDBACK_DATA_DIR to another folder.'
      : 'set FEEDBACK_DATA_DIR to a folder this user can write.';
    throw new Error(
      `FEEDBACK_DATA_DIR: the feedback database cannot be kept in ${options.dataDir} (${oneLine(error)}); ${advice}`,
      { cause: error },
    );
  }
  const app = Fastify({
    logger: false,
    // The client's address is the socket's: X-Forwarded-For cannot buy a fresh rate limit.
    trustProxy: false,
    bodyLimit: FEEDBACK_BODY_LIMIT,
    // Slow or stalled clients must not hold sockets open for ever.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    return503OnClosing: true,
  });
  app.server.headersTimeout = 10_000;
  app.addHook('onClose', async () => {
    await store.close();
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(baseHeaders);
  });

  // Set before the collector and the site register, so their contexts inherit it.
  app.setErrorHandler(async (error: FastifyError & { retryAfterSeconds?: number }, request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (error instanceof StoreError) {
      console.error(`Feedback review failed (${error.failure}): ${error.message}`);
      reply.header('Retry-After', String(RETRY_AFTER[error.failure]));
      return sendError(reply, 503, 'The feedback could not be read just now. Try again later.');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        // Stop here: answer, then close the connection instead of reading the rest of the upload.
        reply.header('Connection', 'close');
        return sendError(reply, 413, `The body is larger than ${String(FEEDBACK_BODY_LIMIT)} bytes.`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'Send the feedback as JSON, with Content-Type: application/json.');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'The body is not valid JSON: it is empty.');
      default:
        break;
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      const seconds = error.retryAfterSeconds ?? 60;
      return sendError(reply, 429, error.message, { retryAfterSeconds: seconds });
    }
    if (status >= 400 && status < 500) {
      return isCollectorPath(pathname)
        ? sendError(reply, status, error.message)
        : reply.code(status).type('text/plain; charset=utf-8').send(error.message);
    }
    console.error(`${request.method} ${pathname} failed: ${oneLine(error)}`);
    reply.header('Retry-After', '1');
    if (isCollectorPath(pathname)) {
      return sendError(reply, 503, 'The request could not be handled just now; nothing was stored. Try again later.');
    }
    // Most likely a file the build is rewriting right now.
    return reply
      .code(503)
      .headers({ 'Cache-Control': 'no-store' })
      .type('text/plain; charset=utf-8')
      .send('The course is being rebuilt; try again in a moment.');
  });

  await registerCollector(app, {
    store,
    adminToken: options.adminToken,
    allowedOrigins: options.allowedOrigins,
    rateLimit: options.rateLimit,
    reviewRateLimit: options.reviewRateLimit,
  });
  const notFoundPage = await registerSite(app, options.distDir, options.frameAncestors);

  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (isCollectorPath(pathname)) {
      const methods = COLLECTOR_ROUTES[pathname];
      if (!methods) return sendError(reply, 404, `No such endpoint: ${pathname}.`);
      const allow = [...methods, 'OPTIONS'].join(', ');
      reply.header('Allow', allow);
      return sendError(reply, 405, `${request.method} is not supported here; use ${allow}.`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply
        .code(405)
        .header('Allow', PAGE_METHODS)
        .type('text/plain; charset=utf-8')
        .send(`${request.method} is not supported on the course pages; use ${PAGE_METHODS}.`);
    }
    return notFoundPage(request.url, reply);
  });

  return app;
}
