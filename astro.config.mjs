// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { defaultLang, languages } from './src/shared/languages.ts';
import { importOnlyPreloadHelper } from './src/integrations/importOnlyPreloadHelper.mjs';
import { islandStylesInHead } from './src/integrations/islandStylesInHead.mjs';

// The public address the site is deployed at; used for canonical and hreflang links.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * The islands are React components. The browser runs them with preact/compat by default: React's API
 * in about 9 KB instead of React's own runtime (65 KB), which roughly halves a lesson's JavaScript.
 * `ISLANDS=react` builds the same islands with React itself; `npm run test:react` runs a browser
 * suite on that build, so the islands stay true React components.
 */
const islands = process.env.ISLANDS === 'react' ? (await import('@astrojs/react')).default() : preact({ compat: true });

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
  const match = /\/modules\/([^/]+)\/([a-z]{2})\/[^/?]+\.mdx(?:\?|$)/.exec(id);
  return match ? `lessons-${match[1]}-${match[2]}` : null;
};

/**
 * No <link rel="modulepreload"> for the chunks a dynamic import needs. Islands and the progress
 * engine load their own chunks when they start, after the page has rendered; Vite's preload helper
 * would add a DOM node per chunk in the same task that starts them, which measurably lengthened that
 * task under Lighthouse's CPU slowdown. Astro sets the build's modulePreload itself, overriding
 * `vite.build.modulePreload`, so it is switched off per environment here, after that.
 * @returns {import('vite').Plugin}
 */
function noModulePreload() {
  return {
    name: 'hankintapolku:no-module-preload',
    /** @param {string} name */
    configEnvironment(name) {
      if (name === 'client') return { build: { modulePreload: false } };
      return undefined;
    },
  };
}

/**
 * Marks the progress engine's chunks (XState, localforage and the machine) for eager compilation
 * with V8's explicit compile hint, `//# allFunctionsCalledOnLoad` as a file's first line. Nearly every
 * function in them runs on every page that shows progress; without the hint Chromium compiles each one
 * on the main thread when it is first called, inside the tasks that start the machine and open
 * storage. Other browsers ignore the comment. Added after minification, which would remove it.
 * @returns {import('vite').Plugin}
 */
function compileHints() {
  const eager =
    /\/node_modules\/(?:xstate|localforage|preact)\/|\/src\/progress\/progressMachine\.ts$|\/src\/islands\/[^/]+\.tsx$/;
  return {
    name: 'hankintapolku:compile-hints',
    applyToEnvironment: (environment) => environment.name === 'client',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.moduleIds.some((id) => eager.test(id))) {
          output.code = `//# allFunctionsCalledOnLoad\n${output.code}`;
        }
      }
    },
  };
}

/**
 * localforage from its ES module sources, without its WebSQL driver and Promise polyfill, and with
 * its localStorage driver loaded only when it is used.
 * - WebSQL is gone from every browser the course supports, yet its driver was a fifth of the library
 *   that every page with progress loads. The packaged build cannot leave it out; the sources can: a
 *   stub that says it is unsupported takes its place, as localforage itself does in browsers
 *   without WebSQL. Promise is the browser's own.
 * - The localStorage driver (with the serializer only it needs) is the fallback for a browser whose
 *   IndexedDB cannot be used. In its place is a driver of the same name and support test whose
 *   methods import the real one on first use and call it, so browsers with IndexedDB never load it.
 *   The library's own `getSerializer()`, which nothing here calls, says so instead of serializing.
 * Together about 3 KB gzip less on every page with progress; the package build's CommonJS wrapper
 * and interop helper go too.
 * @returns {import('vite').Plugin}
 */
function localforageTrimmed() {
  const fromLocalforage = /[\\/]node_modules[\\/]localforage[\\/]src[\\/]/;
  const driverMethods = [
    '_initStorage',
    'iterate',
    'getItem',
    'setItem',
    'removeItem',
    'clear',
    'length',
    'key',
    'keys',
    'dropInstance',
  ];
  /** @type {Record<string, string>} */
  const stubs = {
    '\0localforage-websql':
      "const no = () => Promise.reject(new Error('WebSQL is not used'));\n" +
      "export default { _driver: 'webSQLStorage', _support: false, _initStorage: no, clear: no, getItem: no, " +
      'iterate: no, key: no, keys: no, length: no, removeItem: no, setItem: no };',
    '\0localforage-promise': 'export default Promise;',
    '\0localforage-localstorage':
      "import isLocalStorageValid from 'localforage/src/utils/isLocalStorageValid.js';\n" +
      "const real = () => import('localforage/src/drivers/localstorage.js').then((module) => module.default);\n" +
      'const later = (name) => function (...args) { return real().then((driver) => driver[name].apply(this, args)); };\n' +
      "export default { _driver: 'localStorageWrapper', _support: isLocalStorageValid(), " +
      driverMethods.map((name) => `${name}: later('${name}')`).join(', ') +
      ' };',
    '\0localforage-serializer':
      "const no = () => { throw new Error('The serializer is loaded with the localStorage driver only'); };\n" +
      'export default { serialize: no, deserialize: no, stringToBuffer: no, bufferToString: no };',
  };
  return {
    name: 'hankintapolku:localforage-trimmed',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !fromLocalforage.test(importer)) return null;
      if (/\/drivers\/websql(\.js)?$/.test(source)) return '\0localforage-websql';
      if (/\/utils\/promise(\.js)?$/.test(source)) return '\0localforage-promise';
      if (!/[\\/]src[\\/]localforage\.js$/.test(importer)) return null;
      if (/\/drivers\/localstorage(\.js)?$/.test(source)) return '\0localforage-localstorage';
      if (/\/utils\/serializer(\.js)?$/.test(source)) return '\0localforage-serializer';
      return null;
    },
    load(id) {
      return stubs[id] ?? null;
    },
  };
}

/**
 * `client:idle-yield` (src/client/idleYieldDirective.ts): like `client:idle`, but the island's code
 * is evaluated and the island hydrated in separate tasks.
 * @returns {import('astro').AstroIntegration}
 */
function idleYieldDirective() {
  return {
    name: 'hankintapolku:idle-yield-directive',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'idle-yield', entrypoint: './src/client/idleYieldDirective.ts' });
      },
    },
  };
}

/**
 * The browser's chunks, grouped by when a page needs them. Left to itself the bundler made a chunk
 * for every set of pages sharing a module: a lesson loaded 28 files, a third of them under 200
 * bytes, and each file is compressed on its own, so the same words were paid for again and again.
 * Each group below is loaded as one file:
 * - `ui`: Preact with its React API, the island renderer and the few helpers every script uses;
 * - `progress-client`: what the page's progress wiring and the islands read progress with;
 * - `progress-engine`: XState and the progress machine, imported when progress starts;
 * - `browser-store`: localforage and the storage engine, imported in a task of its own.
 * A module two groups share belongs to the one loaded first (the higher priority), so a group never
 * pulls in a later one.
 * @type {import('rolldown').CodeSplittingGroup[]}
 */
const clientChunkGroups = [
  {
    name: 'ui',
    priority: 4,
    test: /^\0vite\/preload-helper|[\\/]node_modules[\\/](?:preact|@astrojs[\\/]preact)[\\/]|[\\/]src[\\/](?:client[\\/]nextTask|islands[\\/](?:fill|useHydrated)|shared[\\/]languages)\.ts$/,
  },
  {
    name: 'progress-client',
    priority: 3,
    test: /[\\/]src[\\/](?:client[\\/]progress|islands[\\/]useProgress|progress[\\/](?:mergeProgress|selectors|instants)|schemas[\\/]progressBasics|storage[\\/](?:keys|progressFormat|documentStore|crossTabLock))\.ts$/,
  },
  {
    name: 'progress-engine',
    priority: 2,
    test: /[\\/]src[\\/]progress[\\/]progressMachine\.ts$|[\\/]node_modules[\\/]xstate[\\/]/,
  },
  { name: 'browser-store', priority: 2, test: /[\\/]src[\\/]storage[\\/]browserStore\.ts$/ },
];

export default defineConfig({
  site,
  ...(buildDir ? { outDir: `${buildDir}/dist`, cacheDir: `${buildDir}/cache` } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), islands, idleYieldDirective(), islandStylesInHead()],
  i18n: {
    defaultLocale: defaultLang,
    locales: languages,
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    plugins: [noModulePreload(), importOnlyPreloadHelper(), compileHints(), localforageTrimmed()],
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: { codeSplitting: { groups: clientChunkGroups } },
          },
        },
      },
      prerender: {
        // Bundled rather than left to Node: localforage's sources import without file extensions.
        resolve: { noExternal: ['localforage'] },
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
