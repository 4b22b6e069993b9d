// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

// The public address the site is deployed at; used for canonical and hreflang links.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// A separate build folder (and content cache) for fixture and benchmark builds, so they never mix with
// the real one.
const buildDir = process.env.HANKINTAPOLKU_BUILD_DIR;

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
  vite: { build: { modulePreload: false }, environments: { client: { build: { modulePreload: false } } } },
});
