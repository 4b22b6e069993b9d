// `npm run bench:feedback`: how many feedback posts the collector accepts per second, and how fast.
// Starts the real server on loopback with a temporary data folder and a tiny dist/, posts with
// autocannon for a bounded time (BENCH_SECONDS, default 10, at most 60) over BENCH_CONNECTIONS
// connections (default 10), first with a fresh UUID per post, then with retried (duplicate) UUIDs,
// each against a fresh server so the peak memory (VmHWM) belongs to one scenario.
// Meanwhile two more connections fetch the home page, to show that pages stay fast while the
// collector is busy (its database works in a thread of its own).
// BENCH_BASELINE_CHECKOUT=<another checkout, installed> measures that version's server too, in rounds
// that alternate with this one. BENCH_ROUNDS rounds (default 3); the table gives medians.
// Prints a Markdown table and writes bench/results/feedback.json.
// Goal: ≥ 2,000 posts/s and p99 ≤ 25 ms for posts, pages p99 ≤ 50 ms meanwhile.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from './lib/serverProcess.ts';

/** The part of autocannon's result this script reads (the package ships no types). */
interface AutocannonResult {
  duration: number;
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number } | undefined>;
}
interface AutocannonRequest {
  method?: string;
  body?: string;
}
interface AutocannonOptions {
  url: string;
  duration: number;
  connections: number;
  method: string;
  headers: Record<string, string>;
  requests: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
}
type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => void;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const repoRoot = join(import.meta.dirname, '..');
const seconds = Math.min(60, Math.max(1, Number(process.env['BENCH_SECONDS'] ?? 10)));
const connections = Math.min(100, Math.max(1, Number(process.env['BENCH_CONNECTIONS'] ?? 10)));
const scratch = mkdtempSync(join(tmpdir(), 'hankintapolku-bench-'));
const distDir = join(scratch, 'dist');
const TOKEN = randomUUID();

const item = (id: string) =>
  JSON.stringify({
    id,
    type: 'comment',
    rating: 4,
    text: 'Esimerkki oppitunnin palautteesta: selkeä, mutta kaipaisin lisää esimerkkejä kunnista. '.repeat(3),
    moduleId: 'goals',
    lessonId: 'why-it-matters',
    lang: 'fi',
    contentVersion: 'bench',
    createdAt: new Date().toISOString(),
  });

async function startServer(dataDir: string, root: string | undefined) {
  const server = await startServerProcess({
    ...(root === undefined ? {} : { root }),
    echoErrors: true,
    env: {
      HANKINTAPOLKU_DIST_DIR: distDir,
      FEEDBACK_DATA_DIR: dataDir,
      FEEDBACK_ADMIN_TOKEN: TOKEN,
      // The default (30 a minute per address) would refuse nearly every post from one loopback client.
      FEEDBACK_RATE_LIMIT: '1000000000',
    },
  });
  return {
    ...server,
    /** Peak resident memory of the server process so far, in MiB (Linux). */
    peakMemoryMiB(): number | null {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(server.child.pid)}/status`, 'utf8'));
      return match?.[1] ? Math.round(Number(match[1]) / 102.4) / 10 : null;
    },
  };
}

/** Fetches the home page over two connections for the length of a scenario. */
const runPages = (base: string): Promise<AutocannonResult> =>
  new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/`,
        duration: seconds,
        connections: 2,
        method: 'GET',
        headers: {},
        requests: [{ setupRequest: (request) => request }],
      },
      (error, result) => {
        if (error) reject(error);
        else resolve(result);
      },
    );
  });

const run = (base: string, nextId: () => string): Promise<AutocannonResult> =>
  new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/api/feedback`,
        duration: seconds,
        connections,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, method: 'POST', body: item(nextId()) }) }],
      },
      (error, result) => {
        if (error) reject(error);
        else resolve(result);
      },
    );
  });

interface Row {
  server: string;
  scenario: string;
  status: number;
  accepted: number;
  postsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  pagesP99Ms: number;
  peakMemoryMiB: number | null;
  failed: number;
  storedRows: number;
}

let runs = 0;
async function scenario(
  target: Target,
  name: string,
  status: number,
  seedIds: string[],
  nextId: () => string,
): Promise<Row> {
  const server = await startServer(join(scratch, `data-${String(++runs)}`), target.root);
  try {
    for (const id of seedIds) {
      await fetch(`${server.base}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: item(id),
      });
    }
    const [result, pages] = await Promise.all([run(server.base, nextId), runPages(server.base)]);
    const accepted = result.statusCodeStats[String(status)]?.count ?? 0;
    const summary = (await (
      await fetch(`${server.base}/api/feedback/summary`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as { total: number };
    return {
      server: target.name,
      scenario: name,
      status,
      accepted,
      postsPerSecond: Math.round(accepted / result.duration),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      pagesP99Ms: pages.latency.p99,
      peakMemoryMiB: server.peakMemoryMiB(),
      failed: result.errors + result.timeouts + result.non2xx,
      storedRows: summary.total,
    };
  } finally {
    await server.stop();
  }
}

mkdirSync(join(distDir, 'en', '404'), { recursive: true });
for (const page of ['index.html', '404.html', join('en', '404', 'index.html')]) {
  writeFileSync(join(distDir, page), '<!doctype html><title>bench</title>');
}

/** A server to measure: this checkout, or the earlier one in BENCH_BASELINE_CHECKOUT. */
interface Target {
  name: string;
  root: string | undefined;
}
const baseline = process.env['BENCH_BASELINE_CHECKOUT'];
const targets: Target[] = [
  ...(baseline ? [{ name: 'baseline', root: baseline }] : []),
  { name: 'this', root: undefined },
];
// Rounds alternate the servers, so a busy moment of the machine falls on both alike; medians are shown.
const rounds = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

try {
  const all: Row[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      const pool = Array.from({ length: 100 }, () => randomUUID());
      let next = 0;
      all.push(await scenario(target, 'new UUIDs (201 stored)', 201, [], randomUUID));
      all.push(
        await scenario(
          target,
          'retried UUIDs (200 duplicate)',
          200,
          pool,
          () => pool[next++ % pool.length] ?? randomUUID(),
        ),
      );
    }
  }
  const rows: Row[] = [];
  for (const target of targets) {
    for (const name of ['new UUIDs (201 stored)', 'retried UUIDs (200 duplicate)']) {
      const runsOf = all.filter((row) => row.server === target.name && row.scenario === name);
      const pick = (field: 'postsPerSecond' | 'p50Ms' | 'p99Ms' | 'pagesP99Ms') =>
        median(runsOf.map((row) => row[field]));
      const first = runsOf[0];
      if (!first) continue;
      rows.push({
        ...first,
        postsPerSecond: pick('postsPerSecond'),
        p50Ms: pick('p50Ms'),
        p99Ms: pick('p99Ms'),
        pagesP99Ms: pick('pagesP99Ms'),
        peakMemoryMiB: Math.max(...runsOf.map((row) => row.peakMemoryMiB ?? 0)),
        failed: runsOf.reduce((sum, row) => sum + row.failed, 0),
      });
    }
  }
  const table = [
    `Feedback collector, ${String(seconds)} s per scenario, ${String(connections)} connections, loopback, ` +
      `median of ${String(rounds)} round${rounds === 1 ? '' : 's'} (rows stored: the first round's):`,
    '',
    '| server | scenario | accepted posts/s | p50 ms | p99 ms | pages p99 ms | server peak RSS MiB | failed | rows stored |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.server} | ${row.scenario} | ${String(row.postsPerSecond)} | ${String(row.p50Ms)} | ${String(row.p99Ms)} | ` +
        `${String(row.pagesP99Ms)} | ${String(row.peakMemoryMiB)} | ${String(row.failed)} | ${String(row.storedRows)} |`,
    ),
  ];
  console.log(`\n${table.join('\n')}`);
  const goalMet = rows
    .filter((row) => row.server === 'this')
    .every((row) => row.postsPerSecond >= 2000 && row.p99Ms <= 25 && row.pagesP99Ms <= 50);
  console.log(
    `\nGoal (≥ 2,000 posts/s, p99 ≤ 25 ms, pages p99 ≤ 50 ms in every scenario): ${goalMet ? 'met' : 'NOT met'}.`,
  );
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    seconds,
    connections,
    goal: { postsPerSecond: 2000, p99Ms: 25, pagesP99Ms: 50, met: goalMet },
    runs: rounds,
    markdown: table.join('\n'),
    rows,
    allRuns: all,
  };
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', 'feedback.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Written to bench/results/feedback.json');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
