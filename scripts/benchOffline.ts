// `npm run bench:offline`: what offline support costs. Reports the precache (entries and KB, from the
// build in dist/, as Workbox counts it) and the time from a first visit to "available offline" (the
// worker has precached everything and is active: `<html data-offline="ready">`), median of
// BENCH_RUNS (default 3) fresh browser profiles against the real server on loopback, no throttling.
// Prints a Markdown table and writes bench/results/offline.json. Needs a build (`npm run build`).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { getManifest } from 'workbox-build';
import { serviceWorkerOptions } from './buildServiceWorker.mjs';
import { findBrowser } from './findBrowser.mjs';
import { startServer } from './lib/serverProcess.ts';

const repoRoot = join(import.meta.dirname, '..');
const runs = Math.min(10, Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3)));
const dist = join(repoRoot, 'dist');
if (!existsSync(join(dist, 'sw.js'))) {
  console.error('There is no build with a service worker to measure: run `npm run build` first.');
  process.exit(1);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const scratch = mkdtempSync(join(tmpdir(), 'hankintapolku-bench-offline-'));
const site = join(scratch, 'dist');
cpSync(dist, site, { recursive: true });
const options = serviceWorkerOptions(site);
const { count, size, warnings } = await getManifest({
  globDirectory: site,
  globPatterns: options.globPatterns,
  globIgnores: options.globIgnores,
  maximumFileSizeToCacheInBytes: options.maximumFileSizeToCacheInBytes,
  dontCacheBustURLsMatching: options.dontCacheBustURLsMatching,
});
if (warnings.length > 0) console.warn(warnings.join('\n'));

const server = await startServer(site, join(scratch, 'data'));
const executablePath = findBrowser();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const times: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    // Stamped by the page itself, relative to the start of its navigation.
    await context.addInitScript(() => {
      window.addEventListener('offline:state', (event) => {
        if ((event as CustomEvent<string>).detail === 'ready')
          document.documentElement.dataset['readyAt'] = String(performance.now());
      });
    });
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.waitForSelector('html[data-ready-at]', { timeout: 120_000 });
    times.push(Number(await page.getAttribute('html', 'data-ready-at')));
    cached.push(
      await page.evaluate(async () => {
        let entries = 0;
        for (const name of await caches.keys()) entries += (await (await caches.open(name)).keys()).length;
        return entries;
      }),
    );
    await context.close();
  }
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    runs,
    precache: { entries: count, kilobytes: Math.round(size / 1024), cachedEntriesInBrowser: cached },
    firstLoadToOfflineMs: { median: Math.round(median(times)), all: times.map(Math.round) },
  };
  console.log(`\nOffline support, ${String(runs)} fresh profiles, loopback, no throttling:\n`);
  console.log('| measure | value |');
  console.log('| --- | ---: |');
  console.log(`| precache entries | ${String(count)} |`);
  console.log(`| precache size (KB, uncompressed) | ${String(results.precache.kilobytes)} |`);
  console.log(`| first load → available offline, median ms | ${String(results.firstLoadToOfflineMs.median)} |`);
  console.log(`| runs (ms) | ${results.firstLoadToOfflineMs.all.join(', ')} |`);
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', 'offline.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench/results/offline.json');
} finally {
  await browser.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
