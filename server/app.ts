// One node:http server for `npm start` and the tests: /api/feedback* goes to the feedback collector,
// everything else to the built course in dist/ (each language's 404 page for unknown addresses).
// The static output needs no server of its own on a real host; only the collector does.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { createCollector, isCollectorPath, type RequestHandler } from './collector/api.ts';
import { openFeedbackStore } from './collector/db.ts';

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
  rateLimit: { limit: number; windowMs: number };
}

function createStatic(distDir: string): RequestHandler {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `The course has not been built yet (no ${join(distDir, 'index.html')}): run \`npm run build\` first ` +
        '(npm start does it for you).',
    );
  }
  const notFound = {
    fi: readFileSync(join(distDir, '404.html')),
    // Astro writes the English 404 page as en/404/index.html; it is also reachable at /en/404/.
    en: readFileSync(join(distDir, 'en', '404', 'index.html')),
  };
  const assets = sirv(distDir, {
    etag: true,
    // Files are looked up on each request rather than listed once at start: an author who rebuilds
    // the course while the server runs gets the new pages, and a file that a rebuild removed or
    // resized is neither sent with its old length (the browser would wait for bytes that never come)
    // nor opened after it is gone (which took the whole server down, the collector with it).
    dev: true,
    // The .br and .gz copies written by scripts/precompress.mjs, for clients that accept them.
    brotli: true,
    gzip: true,
    // Hashed build assets and the hashed course manifest never change; pages and the search index
    // must be revalidated.
    setHeaders(res, pathname) {
      if (pathname.startsWith('/_astro/') || /^\/course-manifest\.[0-9a-f]+\.json$/.test(pathname))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  return (req, res) => {
    try {
      assets(req, res, () => {
        const lang = req.url === '/en' || req.url?.startsWith('/en/') ? 'en' : 'fi';
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(notFound[lang]);
      });
    } catch {
      // A file removed between being found and being read: the build is rewriting dist/ right now.
      res.statusCode = 503;
      res.setHeader('Retry-After', '1');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('The course is being rebuilt; try again in a moment.');
    }
  };
}

/** Builds the server; the feedback database opens now and closes when the server closes. */
export function createApp(options: AppOptions): Server {
  const serveStatic = createStatic(options.distDir);
  const store = openFeedbackStore(options.dataDir);
  const collector = createCollector({
    store,
    adminToken: options.adminToken,
    allowedOrigins: options.allowedOrigins,
    rateLimit: options.rateLimit,
  });
  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (isCollectorPath(pathname)) collector(req, res);
    else serveStatic(req, res);
  });
  server.on('close', () => {
    store.close();
  });
  return server;
}
