// `npm start` / `npm run preview`: serves the built course and the feedback collector on one port.
// Configuration comes from the environment (see server/README.md); a bad value stops the start with
// a message that names it, rather than a server that half works.
import { join, resolve } from 'node:path';
import { createApp } from './app.ts';
import { parseFrameAncestors } from './securityHeaders.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${name} must be a whole number of at least 1, not "${raw}".`);
  return value;
}

function origins(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    let parsed: string | undefined;
    try {
      parsed = new URL(origin).origin;
    } catch {
      parsed = undefined;
    }
    if (parsed !== origin) {
      fail(
        `FEEDBACK_ALLOWED_ORIGINS: "${origin}" is not an origin; write it as scheme://host[:port], e.g. https://kurssi.example.fi`,
      );
    }
  }
  return list;
}

const port = positiveInteger('PORT', 4321);
const host = process.env['HOST'] || 'localhost';
const distDir = resolve(process.env['HANKINTAPOLKU_DIST_DIR'] || join(import.meta.dirname, '..', 'dist'));
const dataDir = resolve(process.env['FEEDBACK_DATA_DIR'] || './data/');
/** Shorter tokens can be guessed; a UUID (36 characters) or `openssl rand -hex 32` is long enough. */
const MIN_TOKEN_LENGTH = 32;
const adminToken = process.env['FEEDBACK_ADMIN_TOKEN'] || undefined;
if (adminToken !== undefined && adminToken.length < MIN_TOKEN_LENGTH) {
  fail(
    `FEEDBACK_ADMIN_TOKEN is ${String(adminToken.length)} characters long; use at least ${String(MIN_TOKEN_LENGTH)} ` +
      '(for example: node -e "console.log(crypto.randomUUID())"), or leave it unset to keep the review closed.',
  );
}
if (adminToken !== undefined && /\s/.test(adminToken)) fail('FEEDBACK_ADMIN_TOKEN must not contain spaces.');
const allowedOrigins = origins(process.env['FEEDBACK_ALLOWED_ORIGINS']);
const windowMs = positiveInteger('FEEDBACK_RATE_WINDOW_SECONDS', 60) * 1000;
const rateLimit = { limit: positiveInteger('FEEDBACK_RATE_LIMIT', 30), windowMs };
const reviewRateLimit = { limit: positiveInteger('FEEDBACK_REVIEW_RATE_LIMIT', 30), windowMs };
let frameAncestors: string;
try {
  frameAncestors = parseFrameAncestors(process.env['FRAME_ANCESTORS']);
} catch (error) {
  fail((error as Error).message);
}

let app: Awaited<ReturnType<typeof createApp>>;
try {
  app = await createApp({ distDir, dataDir, adminToken, allowedOrigins, rateLimit, reviewRateLimit, frameAncestors });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

try {
  await app.listen({ port, host });
} catch (error) {
  const message =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? `Port ${String(port)} is already in use. Stop the other server or choose another port: PORT=4400 npm run preview`
      : (error as Error).message;
  // Closing the app closes the database cleanly.
  await app.close();
  fail(message);
}
console.log(`Hankintapolku is being served at http://${host}:${String(port)}/ (English at /en/). Stop with Ctrl+C.`);
console.log(`Feedback is collected at http://${host}:${String(port)}/api/feedback and stored in ${dataDir}.`);
console.log(
  adminToken
    ? 'Feedback review is open with the admin token (GET /api/feedback, /api/feedback.csv, /api/feedback/summary, /api/feedback/backup).'
    : 'Feedback review is off: set FEEDBACK_ADMIN_TOKEN to read the feedback over HTTP.',
);

// Finish the requests under way (their rows are already committed), then close the database cleanly.
function shutDown(): void {
  setTimeout(() => {
    app.server.closeAllConnections();
  }, 3000).unref();
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGINT', shutDown);
// A file-size limit (ulimit -f) would otherwise kill the process at the database's first write past
// it; ignored, the write fails with EFBIG like a full disk, and the post is answered 503.
process.on('SIGXFSZ', () => undefined);
process.once('SIGTERM', shutDown);
