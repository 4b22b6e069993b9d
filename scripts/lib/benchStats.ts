// What every benchmark shares: medians with their spread, byte sizes after compression, a free port,
// a private copy of the built site served by the real server, and the results folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { freePort, startServerProcess, type ServerProcess } from './serverProcess.ts';

export { freePort };

export const repoRoot = join(import.meta.dirname, '..', '..');
export const resultsDir = join(repoRoot, 'bench', 'results');

/** How many times each figure is measured (BENCH_RUNS, at least 3 as the issue asks). */
/** The flags every benchmark starts Chromium with: headless, and nothing running in the background. */
export const benchChromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const benchRuns = Math.max(3, Math.min(20, Number(process.env['BENCH_RUNS'] ?? 3) || 3));

/** A figure measured several times: the median with the smallest and largest run. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('No values to summarise.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: values.length };
}

/** The value at a quantile (0–1) of a list, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** "12.3 (12.1–12.9)": a median with its range, for the Markdown tables. */
export function showSpread(value: Spread, digits = 1, scale = 1): string {
  const show = (n: number) => (n / scale).toFixed(digits);
  return value.min === value.max ? show(value.median) : `${show(value.median)} (${show(value.min)}–${show(value.max)})`;
}

/** Bytes of a body as served, and as gzip (level 6, what servers do on the fly) and brotli (quality 11). */
export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

export const noBytes = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });

export function bytesOf(body: Buffer): Bytes {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 6 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

export function addBytes(a: Bytes, b: Bytes): Bytes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A private copy of ./dist, so a rebuild by someone else halfway through cannot change what is
 * measured. Waits for a finished build (dist/index.html and dist/sw.js, the last file written) and
 * copies again if the copy fails because files vanished under it. ./dist itself is only read.
 */
export async function snapshotDist(scratch: string, source = join(repoRoot, 'dist')): Promise<string> {
  const target = join(scratch, 'dist');
  for (let attempt = 1; ; attempt++) {
    if (existsSync(join(source, 'index.html')) && existsSync(join(source, 'sw.js'))) {
      try {
        rmSync(target, { recursive: true, force: true });
        cpSync(source, target, { recursive: true });
        if (existsSync(join(target, 'index.html'))) return target;
      } catch {
        // A rebuild removed files while we copied: wait and copy again.
      }
    }
    if (attempt === 1) console.log(`Waiting for a finished build in ${source} …`);
    if (attempt > 120) throw new Error(`No finished build in ${source} after 10 minutes: run npm run build.`);
    await sleep(5000);
  }
}

export function makeScratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `hankintapolku-bench-${name}-`));
}

/**
 * Another build's dist (BENCH_BASELINE_DIST), copied and served by the real server like ours, so a
 * benchmark can load the same pages from both builds in the same rounds.
 */
export async function serveBaseline(source: string, name: string) {
  const scratch = makeScratch(`${name}-baseline`);
  const served = await serveDist(await snapshotDist(scratch, source), scratch);
  return {
    ...served,
    stop: async () => {
      await served.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The real server (server/start.ts) on loopback, serving `distDir` with a throwaway collector. If it
 * stops before stop() (something else on the machine ended it), it is started again on the same port.
 */
export async function serveDist(distDir: string, scratch: string) {
  const port = await freePort();
  let stopping = false;
  let restarts = 0;
  const start = async (): Promise<ServerProcess> => {
    const server = await startServerProcess({
      port,
      echoErrors: true,
      env: { HANKINTAPOLKU_DIST_DIR: distDir, FEEDBACK_DATA_DIR: join(scratch, `collector-${String(port)}`) },
    });
    server.child.once('exit', () => {
      if (!stopping && restarts < 5) {
        restarts++;
        console.log(`The server on port ${String(port)} stopped unexpectedly; starting it again.`);
        current = start();
      }
    });
    return server;
  };
  let current = start();
  await current;
  return {
    base: `http://127.0.0.1:${String(port)}`,
    /** Waits until the server answers (again, after a restart). */
    async ready() {
      await current;
    },
    async stop() {
      stopping = true;
      await (await current).stop();
    },
  };
}

/** Writes bench/results/<name>.json and says so. */
export function writeResults(name: string, results: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Written to bench/results/${name}.json`);
  return file;
}

/** Where a benchmark ran, so figures from different machines are not compared blindly. */
export function machine() {
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    /** Other work on the machine slows every timing: the load average when the result was written. */
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
  };
}
