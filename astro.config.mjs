// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

// The public address the site is deployed at; used for canonical and hreflang links.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// A separate build folder (and content cache) for fixture and benchmark builds, so they never mix with
// the real one.
const buildDir = process.env.HANKINTAPOLKU_BUILD_DIR;

/**
 * The server-side chunk of a lesson (content/modules/<module>/<lang>/<file>.mdx): one per module and
 * language. By default every lesson becomes chunks of its own; with thousands of lessons, bundling
 * them and then importing them one by one while rendering took much of the build. Grouped, the
 * pages come out byte for byte the same, sooner. Only the build's prerender step is affected: the
 * browser never loads these chunks, and `astro dev` does not bundle.
 * @param {string} id
 */
const lessonChunk = (id) => {
  const match = /\/modules\/([^/]+)\/(fi|en)\/[^/?]+\.mdx(?:\?|$)/.exec(id);
  return match ? `lessons-${match[1]}-${match[2]}` : null;
};

export default defineConfig({
  site,
  ...(buildDir ? { outDir: `${buildDir}/dist`, cacheDir: `${buildDir}/cache` } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact({ compat: true })],
  i18n: {
    defaultLocale: 'fi',
    locales: ['fi', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  // Islands load their own chunks when they hydrate; Vite's preload helper would add a script to
  // every page for nothing.
  vite: {
    build: { modulePreload: false },
    environments: {
      client: { build: { modulePreload: false } },
      prerender: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: { groups: [{ debugName: 'lessons', name: lessonChunk }] },
            },
          },
        },
      },
    },
  },
});
