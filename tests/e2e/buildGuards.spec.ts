import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Guards for the build tricks in astro.config.mjs that no other test would notice losing; each
 * depends on Astro's hook order, on a bundler's module ids or on text added after minification, so an
 * upgrade could undo it silently. They read the built files in dist/ (the browser tests run on that build).
 */

const dist = process.env['GUARD_DIST_DIR'] ?? 'dist';
const assets = join(dist, '_astro');
const chunks = readdirSync(assets)
  .filter((name) => name.endsWith('.js'))
  .map((name) => ({ name, code: readFileSync(join(assets, name), 'utf8') }));

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_astro' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });

test('no page or chunk preloads the chunks of dynamic imports (noModulePreload)', () => {
  const pages = htmlFiles(dist).filter((path) => readFileSync(path, 'utf8').includes('rel="modulepreload"'));
  expect(pages, 'pages with <link rel="modulepreload">').toEqual([]);
  // With preloading on, Vite gives each dynamic import the list of chunks to preload, as "_astro/x.js".
  const preloading = chunks.filter((chunk) => /["'`]_astro\/[^"'`]+\.js["'`]/.test(chunk.code)).map((c) => c.name);
  expect(preloading, 'chunks that preload other chunks').toEqual([]);
});

test('the chunks of XState, localforage, the progress machine and Preact carry the V8 compile hint (compileHints)', () => {
  const engine: [string, RegExp][] = [
    ['XState', /["'`]xstate\.init["'`]/],
    ['localforage', /["'`]localStorageWrapper["'`]/],
    ['the progress machine', /id:\s*["'`]progress["'`]/],
    ['Preact', /["'`]http:\/\/www\.w3\.org\/2000\/svg["'`]/],
  ];
  for (const [what, marker] of engine) {
    const found = chunks.filter((chunk) => marker.test(chunk.code));
    expect(found.length, `chunks with ${what}`).toBeGreaterThan(0);
    for (const chunk of found) {
      expect(
        chunk.code.startsWith('//# allFunctionsCalledOnLoad\n'),
        `${chunk.name} (${what}) starts with the hint`,
      ).toBe(true);
    }
  }
});

test('localforage is built without its WebSQL driver, its localStorage driver in a chunk of its own (localforageTrimmed)', () => {
  const withWebSql = chunks.filter((chunk) => chunk.code.includes('CREATE TABLE IF NOT EXISTS')).map((c) => c.name);
  expect(withWebSql, 'chunks with the WebSQL driver').toEqual([]);
  const library = chunks.filter((chunk) => chunk.code.includes('Custom driver not compliant')).map((c) => c.name);
  expect(library, 'chunks with localforage itself').toHaveLength(1);
  // The serializer's marker is in the real localStorage driver only.
  const fallback = chunks.filter((chunk) => chunk.code.includes('__lfsc__:')).map((c) => c.name);
  expect(fallback, 'chunks with the localStorage driver').toHaveLength(1);
  expect(fallback, 'the localStorage driver is not in the chunk every page loads').not.toEqual(library);
  const importers = chunks.filter((chunk) => fallback.some((name) => chunk.code.includes(`import(\`./${name}\`)`)));
  expect(
    importers.map((c) => c.name),
    'only localforage imports the localStorage driver, on first use',
  ).toEqual(library);
});

test("Vite's preload helper is replaced by one that only imports (importOnlyPreloadHelper)", () => {
  const withViteHelper = chunks.filter((chunk) => chunk.code.includes('Unable to preload CSS')).map((c) => c.name);
  expect(withViteHelper, "chunks with Vite's preload helper").toEqual([]);
  expect(
    chunks.some((chunk) => chunk.code.includes('vite:preloadError')),
    'the helper that only imports is built',
  ).toBe(true);
});

test('the browser chunks come in four groups, none of which pulls in a group loaded after it (clientChunkGroups)', () => {
  const order = ['ui', 'progress-client', 'progress-engine', 'browser-store'];
  const named = (group: string) => chunks.filter((chunk) => chunk.name.startsWith(`${group}.`));
  for (const group of order)
    expect(
      named(group).map((c) => c.name),
      `the ${group} chunk`,
    ).toHaveLength(1);
  // Static imports only (`import(…)` waits until it is called): a static import of a later group
  // would load and run it at once, in the same task as this one.
  const staticImports = (code: string) =>
    [...code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
  const groupOf = (file: string | undefined) => order.find((group) => file?.startsWith(`${group}.`));
  for (const [at, group] of order.entries()) {
    for (const chunk of named(group)) {
      const later = staticImports(chunk.code).filter((file) => order.indexOf(groupOf(file) ?? '') > at);
      expect(later, `${chunk.name} imports`).toEqual([]);
    }
  }
  // The page's progress wiring starts the engine and storage later, in tasks of their own.
  for (const chunk of chunks.filter((c) => c.name.startsWith('boot.'))) {
    const engine = staticImports(chunk.code).filter((file) =>
      ['progress-engine', 'browser-store'].includes(groupOf(file) ?? ''),
    );
    expect(engine, `${chunk.name} imports`).toEqual([]);
  }
});
