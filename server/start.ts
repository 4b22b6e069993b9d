// `npm start` / `npm run preview`: serves the built course and the feedback collector on one port.
// Configuration comes from the environment (see server/README.md); a bad value stops the start with
// a message that names it, rather than a server that half works.
import { join, resolve } from 'node:path';
import { createApp } from './app.ts';

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
const adminToken = process.env['FEEDBACK_ADMIN_TOKEN'] || undefined;
const allowedOrigins = origins(process.env['FEEDBACK_ALLOWED_ORIGINS']);
const rateLimit = {
  limit: positiveInteger('FEEDBACK_RATE_LIMIT', 30),
  windowMs: positiveInteger('FEEDBACK_RATE_WINDOW_SECONDS', 60) * 1000,
};

let server: ReturnType<typeof createApp>;
try {
  server = createApp({ distDir, dataDir, adminToken, allowedOrigins, rateLimit });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
// Slow or stalled clients must not hold sockets open for ever.
server.headersTimeout = 10_000;
server.requestTimeout = 30_000;

server.on('error', (error: NodeJS.ErrnoException) => {
  const message =
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop the other server or choose another port: PORT=4400 npm run preview`
      : error.message;
  // close() emits 'close' even though listening failed, and that closes the database cleanly.
  server.close(() => fail(message));
});

server.listen(port, host, () => {
  console.log(`Hankintapolku is being served at http://${host}:${port}/ (English at /en/). Stop with Ctrl+C.`);
  console.log(`Feedback is collected at http://${host}:${port}/api/feedback and stored in ${dataDir}.`);
  console.log(
    adminToken
      ? 'Feedback review is open with the admin token (GET /api/feedback, /api/feedback.csv, /api/feedback/summary).'
      : 'Feedback review is off: set FEEDBACK_ADMIN_TOKEN to read the feedback over HTTP.',
  );
});

// Finish the requests under way (their rows are already committed), then close the database cleanly.
function shutDown(): void {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, 3000).unref();
}
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
