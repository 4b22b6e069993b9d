// `npm run bench:weight`: the bytes each page type really loads, raw, gzip and brotli, against the
// budgets (JS ≤ 110 KB gzip, CSS ≤ 20 KB gzip, all but images ≤ 150 KB gzip; KB = 1,024 bytes).
// Measures a private copy of the existing ./dist (never rebuilds it), served by the real server, in
// Chromium through Playwright: BENCH_RUNS loads per page (default 3), each in a fresh context with
// service workers blocked, summed after every island has hydrated (scripts/lib/benchPageWeight.ts).
// A static count from the files is the cross-check. Prints a Markdown table and writes
// bench/results/weight.json.
import { rmSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { findBrowser } from './findBrowser.mjs';
import {
  budgetMisses,
  budgets,
  firstLessonPath,
  KB,
  measurePageInBrowser,
  measurePageInDist,
  pageLabels,
  pagePaths,
  weightKinds,
  type PageKind,
  type PageWeight,
  type WeightKind,
} from './lib/benchPageWeight.ts';
import {
  benchChromiumFlags,
  benchRuns,
  kb,
  machine,
  makeScratch,
  serveDist,
  snapshotDist,
  spread,
  writeResults,
  type Spread,
} from './lib/benchStats.ts';

type Sizes = Record<'raw' | 'gzip' | 'brotli', Spread>;

interface PageRow {
  kind: PageKind;
  label: string;
  path: string;
  /** Why the page was not measured (it does not exist in this build). */
  skipped?: string;
  browser?: Record<WeightKind | 'total' | 'manifest', Sizes>;
  static?: Record<WeightKind | 'total', { raw: number; gzip: number; brotli: number }>;
  files?: PageWeight['files'];
  excluded?: number;
  thirdParty?: string[];
  unhydrated?: number;
  /** Budgets apply to the content pages: home, module overview, lesson, knowledge check. */
  budgeted: boolean;
  misses: string[];
}

const launchArgs = [...benchChromiumFlags, '--disable-quic', '--no-first-run'];

const budgeted = new Set<PageKind>(['home', 'module', 'lesson', 'quiz']);

async function measure(
  browser: Browser,
  base: string,
  distDir: string,
  kind: PageKind,
  path: string,
): Promise<PageRow> {
  const row: PageRow = { kind, label: pageLabels[kind], path, budgeted: budgeted.has(kind), misses: [] };
  const status = (await fetch(`${base}${path}`)).status;
  if (status !== 200) {
    row.skipped = `${path} answers ${String(status)}: the page is not in this build yet.`;
    return row;
  }
  const runs: PageWeight[] = [];
  for (let run = 0; run < benchRuns; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      runs.push(await measurePageInBrowser(await context.newPage(), `${base}${path}`));
    } finally {
      await context.close();
    }
  }
  const sizes = (pick: (weight: PageWeight) => { raw: number; gzip: number; brotli: number }): Sizes => ({
    raw: spread(runs.map((weight) => pick(weight).raw)),
    gzip: spread(runs.map((weight) => pick(weight).gzip)),
    brotli: spread(runs.map((weight) => pick(weight).brotli)),
  });
  row.browser = {
    html: sizes((w) => w.html),
    css: sizes((w) => w.css),
    js: sizes((w) => w.js),
    other: sizes((w) => w.other),
    total: sizes((w) => w.total),
    manifest: sizes((w) => w.manifest),
  };
  const fromDist = measurePageInDist(distDir, path);
  row.static = {
    html: fromDist.html,
    css: fromDist.css,
    js: fromDist.js,
    other: fromDist.other,
    total: fromDist.total,
  };
  const last = runs[runs.length - 1];
  row.files = last?.files ?? [];
  row.excluded = last?.excluded ?? 0;
  row.thirdParty = [...new Set(runs.flatMap((weight) => weight.thirdParty))];
  row.unhydrated = Math.max(...runs.map((weight) => weight.unhydrated));
  if (row.budgeted) {
    row.misses = budgetMisses({
      js: { raw: 0, brotli: 0, gzip: row.browser.js.gzip.max },
      css: { raw: 0, brotli: 0, gzip: row.browser.css.gzip.max },
      total: { raw: 0, brotli: 0, gzip: row.browser.total.gzip.max },
    });
  }
  return row;
}

const cell = (sizes: Sizes) =>
  `${kb(sizes.raw.median)} / ${kb(sizes.gzip.median)} / ${kb(sizes.brotli.median)}` +
  (sizes.gzip.min === sizes.gzip.max ? '' : ` (gzip ${kb(sizes.gzip.min)}–${kb(sizes.gzip.max)})`);

/** The Markdown table of the result. */
function weightTable(rows: PageRow[]): string {
  const lines = [
    '| page | path | HTML | CSS | JS | other | all but images | static JS gzip | budgets |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    if (!row.browser || !row.static) {
      lines.push(`| ${row.label} | \`${row.path}\` | — | — | — | — | — | — | skipped: ${row.skipped ?? ''} |`);
      continue;
    }
    const verdict = !row.budgeted
      ? 'not budgeted'
      : row.misses.length === 0
        ? 'met'
        : `**missed**: ${row.misses.join('; ')}`;
    lines.push(
      `| ${row.label} | \`${row.path}\` | ${weightKinds
        .map((kind) => cell(row.browser?.[kind] as Sizes))
        .join(' | ')} | ${cell(row.browser.total)} | ${kb(row.static.js.gzip)} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const scratch = makeScratch('weight');
  try {
    const distDir = await snapshotDist(scratch);
    const server = await serveDist(distDir, scratch);
    const executablePath = findBrowser();
    const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: launchArgs });
    try {
      const moduleHtml = await (await fetch(`${server.base}${pagePaths.module}`)).text();
      const paths: Array<[PageKind, string]> = [
        ['home', pagePaths.home],
        ['module', pagePaths.module],
        ['lesson', firstLessonPath(moduleHtml)],
        ['quiz', pagePaths.quiz],
        ['plan', pagePaths.plan],
        ['certificate', pagePaths.certificate],
        ['search', pagePaths.search],
      ];
      const rows: PageRow[] = [];
      for (const [kind, path] of paths) rows.push(await measure(browser, server.base, distDir, kind, path));

      const measured = rows.filter((row) => row.budgeted && row.browser);
      const met = measured.every((row) => row.misses.length === 0);
      const markdown = [
        `Page weight in KB, raw / gzip / brotli, median of ${String(benchRuns)} loads in Chromium (KB = 1,024 bytes):`,
        '',
        weightTable(rows),
        '',
        `Budgets (home, module, lesson, knowledge check: JS ≤ ${String(budgets.jsGzip / KB)} KB, CSS ≤ ${String(
          budgets.cssGzip / KB,
        )} KB, all but images ≤ ${String(budgets.totalGzip / KB)} KB gzip): ${met ? 'met' : 'NOT met'}.`,
      ].join('\n');
      console.log(`\n${markdown}`);
      for (const row of rows.filter((r) => (r.thirdParty ?? []).length > 0)) {
        console.log(`Third-party requests on ${row.path}: ${(row.thirdParty ?? []).join(', ')}`);
      }
      writeResults('weight', {
        ...machine(),
        runs: benchRuns,
        unit: 'bytes; gzip level 6, brotli quality 11 (node:zlib)',
        budgets,
        met,
        markdown,
        rows,
      });
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
