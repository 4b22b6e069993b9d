// The built course from dist/, through @fastify/static: ranges, HEAD, ETag and Last-Modified
// conditional requests, and the .br and .gz copies written by scripts/precompress.mjs for clients
// that accept them. Files are looked up on each request rather than listed once at start, so a
// rebuild under a running server is served as it is now: a removed precompressed copy falls back to
// the plain file, a removed page is a 404, and a file that vanishes while it is being sent ends that
// one response, never the process.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createPagePolicies, pagePolicy, type FrameAncestors } from './securityHeaders.ts';
import { byLanguage, defaultLang, languages } from '../src/shared/languages.ts';

/** Methods a page answers; any other is 405 with this list. */
export const PAGE_METHODS = 'GET, HEAD';

interface NotFoundPage {
  html: Buffer;
  policy: string;
}

function readNotFound(file: string, frameAncestors: FrameAncestors): NotFoundPage {
  const html = readFileSync(file);
  return { html, policy: pagePolicy(html.toString('utf8'), frameAncestors) };
}

/** Registers the site; returns the answer for an address that has no file (each language's 404 page). */
export async function registerSite(
  app: FastifyInstance,
  distDir: string,
  frameAncestors: FrameAncestors,
): Promise<(url: string, reply: FastifyReply) => FastifyReply> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `The course has not been built yet (no ${join(distDir, 'index.html')}): run \`npm run build\` first ` +
        '(npm start does it for you).',
    );
  }
  // Each language's 404 page. Astro writes the primary language's as 404.html and each other one's as
  // <lang>/404/index.html (also reachable at /en/404/).
  const notFound = byLanguage((lang) =>
    readNotFound(
      lang === defaultLang ? join(distDir, '404.html') : join(distDir, lang, '404', 'index.html'),
      frameAncestors,
    ),
  );
  const notFoundFor = (url: string): NotFoundPage => {
    const lang = languages.find(
      (l) => l !== defaultLang && (url === `/${l}` || url.startsWith(`/${l}/`) || url.startsWith(`/${l}?`)),
    );
    return notFound[lang ?? defaultLang];
  };
  const policyOf = createPagePolicies(frameAncestors);
  // Not `default-src 'none'`: a worker script (the service worker sw.js) runs under the policy of its
  // own response, and it must fetch and cache the site.
  const otherPolicy = pagePolicy('', frameAncestors);

  await app.register(fastifyStatic, {
    root: distDir,
    // A .env or .git/config left in the served folder is a 404 like any unknown file.
    dotfiles: 'ignore',
    preCompressed: true,
    cacheControl: false,
    // The answers are our own 404 page and redirects for folders, not a directory listing.
    redirect: true,
    setHeaders(reply, path) {
      const file = relative(distDir, path.replace(/\.(?:br|gz)$/, ''))
        .split(sep)
        .join('/');
      // Hashed build assets and the hashed course manifest never change; the rest must be revalidated.
      const immutable = file.startsWith('_astro/') || /^course-manifest\.[0-9a-f]+\.json$/.test(file);
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('Content-Security-Policy', file.endsWith('.html') ? policyOf(join(distDir, file)) : otherPolicy);
    },
  });

  return (url, reply) => {
    const page = notFoundFor(url);
    return reply
      .code(404)
      .header('Cache-Control', 'no-cache')
      .header('Content-Security-Policy', page.policy)
      .type('text/html; charset=utf-8')
      .send(page.html);
  };
}
