// The last build step: generates dist/sw.js with Workbox over the built output (after Pagefind, so
// the search index is in it). The worker precaches every page, asset, icon and the search index of
// both languages, so the whole course works offline after the first visit. Why these settings:
// src/features/offline/README.md. Usage: `node scripts/buildServiceWorker.mjs [distDir]`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/** The offline page of each language; both must be precached for the fallbacks to work. */
export const offlinePages = { fi: 'ei-yhteytta/index.html', en: 'en/offline/index.html' };

/**
 * A navigation under /en/ (runs inside the service worker: stringified by Workbox, so it must be
 * self-contained). /api/ is never routed, so feedback requests always go to the network as they are.
 * @param {{ request: Request; url: URL }} options
 */
export const isEnglishNavigation = ({ request, url }) =>
  request.mode === 'navigate' && (url.pathname === '/en' || url.pathname.startsWith('/en/'));

/** @param {{ request: Request; url: URL }} options */
export const isOtherNavigation = ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/api/');

/**
 * Workbox options for a built site in `distDir`.
 * @param {string} distDir
 * @returns {import('workbox-build').GenerateSWOptions}
 */
export function serviceWorkerOptions(distDir) {
  return {
    globDirectory: distDir,
    swDest: join(distDir, 'sw.js'),
    globPatterns: [
      '**/*.{html,js,css,svg,png,ico,webp,woff,woff2,webmanifest,json,txt,pagefind,pf_fragment,pf_index,pf_meta,pf_filter}',
    ],
    // Pagefind's ready-made UIs are not used: the search page has its own island over pagefind.js.
    globIgnores: ['sw.js', 'workbox-*.js', 'pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js'],
    // Every file must be precached for the course to work offline; a bigger one fails the build below.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    // Content-hashed names need no revision: Astro's chunks, the course manifest (which progress
    // needs, so it must be precached like the pages) and Pagefind's index and fragments.
    dontCacheBustURLsMatching: /^_astro\/|^course-manifest\.[0-9a-f]+\.json$|\.pf_(fragment|index|meta|filter)$/,
    // /moduulit/x/ → /moduulit/x/index.html (Workbox's default, said here because it matters).
    directoryIndex: 'index.html',
    // Static pages ignore their query: /haku/?q=… is the cached search page, and Pagefind's
    // pagefind-entry.json?ts=… is the cached entry file.
    ignoreURLParametersMatching: [/.*/],
    // The first install takes the open page over, so it works offline at once. Updates do not:
    // skipWaiting stays off, and the page sends SKIP_WAITING when the learner presses Update.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    // A navigation to a page the course does not have (and so never precached) goes to the network;
    // offline, it gets the offline page of its language. The precache route answers first, so every
    // course page is served from the cache, not from here.
    runtimeCaching: [
      {
        urlPattern: isEnglishNavigation,
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `/${offlinePages.en}` } },
      },
      {
        urlPattern: isOtherNavigation,
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `/${offlinePages.fi}` } },
      },
    ],
  };
}

/**
 * Writes `sw.js` into `distDir` and says what it precaches. Throws when a file was left out or an
 * offline page is missing, because then the course would not work offline.
 * @param {string} distDir
 */
export async function buildServiceWorker(distDir) {
  for (const page of Object.values(offlinePages)) {
    if (!existsSync(join(distDir, page)))
      throw new Error(`${join(distDir, page)} is missing: the offline page must be built.`);
  }
  const { count, size, warnings } = await generateSW(serviceWorkerOptions(distDir));
  if (warnings.length > 0) throw new Error(`The service worker would not precache everything:\n${warnings.join('\n')}`);
  return { count, size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  try {
    const { count, size } = await buildServiceWorker(distDir);
    console.log(`Service worker: ${count} files (${(size / 1024).toFixed(0)} KB) precached for offline use.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
