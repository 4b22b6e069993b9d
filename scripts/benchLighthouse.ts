// `npm run bench:lighthouse`: Lighthouse (mobile emulation, simulated throttling: its defaults) on
// home, a lesson, the knowledge check and the development plan, BENCH_RUNS times each (default 3),
// against the goals: performance ≥ 95, accessibility, best practices and SEO 100, TBT ≤ 50 ms,
// CLS ≤ 0.02. In the same run, the floor: the same lesson with every <script> removed, served from
// a second private copy of the site, to show what our JavaScript costs in LCP and bytes.
// BENCH_BASELINE_DIST=<another build's dist> also audits the same pages from that build, the two
// builds taking turns page by page in each run, so before and after meet the same machine load.
// Measures a private copy of the existing ./dist (never rebuilds it) served by the real server, in
// the same Chromium as the browser tests, launched by chrome-launcher. Prints a Markdown table and
// writes bench/results/lighthouse.json.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findBrowser } from './findBrowser.mjs';
import { firstLessonPath, pagePaths, stripScripts } from './lib/benchPageWeight.ts';
import {
  benchChromiumFlags,
  benchRuns,
  kb,
  machine,
  makeScratch,
  serveBaseline,
  serveDist,
  showSpread,
  sleep,
  snapshotDist,
  spread,
  writeResults,
  type Spread,
} from './lib/benchStats.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];

const baselineSource = process.env['BENCH_BASELINE_DIST'];

const goals = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  totalBlockingTimeMs: 50,
  cumulativeLayoutShift: 0.02,
};

interface Run {
  scores: Record<Category, number>;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
  /** Audits that cost points, per category: id → what Lighthouse displayed. */
  failing: Record<Category, Record<string, string>>;
  /** Lighthouse's measure of this machine's speed (higher is faster; a loaded machine scores low). */
  benchmarkIndex: number;
  /** The scripts that cost the most main-thread time (bootup-time), ms. */
  bootup: Array<{ url: string; ms: number }>;
  /** The elements that shifted (layout-shifts), when there was a shift. */
  shifted: string[];
}

interface PageRow {
  label: string;
  path: string;
  skipped?: string;
  scores?: Record<Category, Spread>;
  lcpMs?: Spread;
  fcpMs?: Spread;
  tbtMs?: Spread;
  cls?: Spread;
  totalBytes?: Spread;
  failing?: Record<Category, string[]>;
  benchmarkIndex?: Spread;
  bootup?: Run['bootup'];
  shifted?: string[];
  misses: string[];
}

async function audit(url: string, chromePath: string | undefined): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: benchChromiumFlags,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const scores = {} as Record<Category, number>;
    const failing = {} as Record<Category, Record<string, string>>;
    for (const category of categories) {
      const entry = lhr.categories[category];
      scores[category] = Math.round((entry?.score ?? 0) * 100);
      failing[category] = Object.fromEntries(
        (entry?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((item) => item !== undefined && item.score !== null && item.score < 1)
          .map((item) => [item?.id ?? '', item?.displayValue ?? String(item?.score ?? '')]),
      );
    }
    const items = (id: string) =>
      (lhr.audits[id]?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
    const bootup = items('bootup-time')
      .map((item) => ({
        url: String(item['url']).replace(/^https?:\/\/[^/]+/, ''),
        ms: Math.round(Number(item['total'])),
      }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5);
    const shifted = items('layout-shifts')
      .map((item) => (item['node'] as { selector?: string } | undefined)?.selector ?? '')
      .filter(Boolean);
    return {
      scores,
      lcpMs: numeric('largest-contentful-paint'),
      fcpMs: numeric('first-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      totalBytes: numeric('total-byte-weight'),
      failing,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      bootup,
      shifted,
    };
  } finally {
    chrome.kill();
  }
}

/** Tries again (twice, 3 s apart) when a run fails, e.g. while the server restarts (lib/benchStats.ts). */
async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 3) throw error;
      console.log(`  failed (${error instanceof Error ? error.message : String(error)}); trying again`);
      await sleep(3000);
    }
  }
}

/** Whether `path` answers 200 from `base`; the reason it is skipped when not. */
async function skipReason(base: string, path: string): Promise<string | undefined> {
  const status = (await retried(() => fetch(`${base}${path}`))).status;
  return status === 200 ? undefined : `${path} answers ${String(status)}: the page is not in this build yet.`;
}

function summarise(label: string, path: string, runs: Run[]): PageRow {
  const row: PageRow = { label, path, misses: [] };
  const of = (pick: (run: Run) => number) => spread(runs.map(pick));
  row.scores = Object.fromEntries(categories.map((c) => [c, of((run) => run.scores[c])])) as Record<Category, Spread>;
  row.lcpMs = of((run) => run.lcpMs);
  row.fcpMs = of((run) => run.fcpMs);
  row.tbtMs = of((run) => run.tbtMs);
  row.cls = of((run) => run.cls);
  row.totalBytes = of((run) => run.totalBytes);
  // Per category, each audit that cost points with what it showed in each run that it failed.
  row.failing = Object.fromEntries(
    categories.map((c) => {
      const ids = [...new Set(runs.flatMap((run) => Object.keys(run.failing[c])))];
      return [c, ids.map((id) => `${id} (${runs.map((run) => run.failing[c][id] ?? 'passed').join(', ')})`)];
    }),
  ) as Record<Category, string[]>;
  row.benchmarkIndex = of((run) => run.benchmarkIndex);
  row.bootup = runs[Math.floor(runs.length / 2)]?.bootup ?? [];
  row.shifted = [...new Set(runs.flatMap((run) => run.shifted))];
  for (const category of categories) {
    if (row.scores[category].median < goals[category]) {
      row.misses.push(`${category} ${String(row.scores[category].median)} < ${String(goals[category])}`);
    }
  }
  if (row.tbtMs.median > goals.totalBlockingTimeMs) {
    row.misses.push(`TBT ${row.tbtMs.median.toFixed(0)} ms > ${String(goals.totalBlockingTimeMs)} ms`);
  }
  if (row.cls.median > goals.cumulativeLayoutShift) {
    row.misses.push(`CLS ${row.cls.median.toFixed(3)} > ${String(goals.cumulativeLayoutShift)}`);
  }
  return row;
}

/** The floor and the baseline's pages are there to compare with; the goals are this build's. */
const isReference = (row: PageRow) => row.label.startsWith('floor') || row.label.startsWith('baseline');

function table(rows: PageRow[]): string {
  const lines = [
    '| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | total KB (transferred) | goals |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    if (!row.scores || !row.lcpMs || !row.tbtMs || !row.cls || !row.totalBytes) {
      lines.push(`| ${row.label} \`${row.path}\` | — | — | — | — | — | — | — | — | skipped: ${row.skipped ?? ''} |`);
      continue;
    }
    const verdict = isReference(row)
      ? 'reference'
      : row.misses.length === 0
        ? 'met'
        : `**missed**: ${row.misses.join('; ')}`;
    lines.push(
      `| ${row.label} \`${row.path}\` | ${categories.map((c) => showSpread(row.scores?.[c] as Spread, 0)).join(' | ')} | ${showSpread(
        row.lcpMs,
        0,
      )} | ${showSpread(row.tbtMs, 0)} | ${showSpread(row.cls, 3)} | ${showSpread(row.totalBytes, 1, 1024)} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const scratch = makeScratch('lighthouse');
  const chromePath = findBrowser();
  try {
    const distDir = await snapshotDist(scratch);
    const server = await serveDist(distDir, scratch);
    const moduleHtml = await (await fetch(`${server.base}${pagePaths.module}`)).text();
    const lessonPath = firstLessonPath(moduleHtml);
    // The floor: a second copy in which the lesson has no scripts at all, at the same address.
    const floorDir = join(scratch, 'floor');
    cpSync(distDir, floorDir, { recursive: true });
    const lessonFile = join(floorDir, lessonPath, 'index.html');
    writeFileSync(lessonFile, stripScripts(readFileSync(lessonFile, 'utf8')));
    const floorServer = await serveDist(floorDir, scratch);
    const baseline = baselineSource ? await serveBaseline(baselineSource, 'lighthouse') : undefined;
    try {
      const targets: Array<{ label: string; base: string; path: string }> = [
        { label: 'home', base: server.base, path: pagePaths.home },
        { label: 'lesson', base: server.base, path: lessonPath },
        { label: 'knowledge check', base: server.base, path: pagePaths.quiz },
        { label: 'development plan', base: server.base, path: pagePaths.plan },
        { label: 'floor: lesson without scripts', base: floorServer.base, path: lessonPath },
      ];
      if (baseline) {
        // The baseline's own lesson path: lesson ids are stable, but read it rather than assume.
        const baselineLesson = firstLessonPath(await (await fetch(`${baseline.base}${pagePaths.module}`)).text());
        // Each baseline page right after the same page of this build.
        for (const [index, target] of [...targets.entries()].reverse()) {
          if (target.label.startsWith('floor')) continue;
          targets.splice(index + 1, 0, {
            label: `baseline: ${target.label}`,
            base: baseline.base,
            path: target.path === lessonPath ? baselineLesson : target.path,
          });
        }
      }
      const skipped = new Map<string, string>();
      for (const target of targets) {
        const reason = await skipReason(target.base, target.path);
        if (reason) skipped.set(target.label, reason);
      }
      const runs = new Map<string, Run[]>(targets.map((target) => [target.label, []]));
      for (let run = 1; run <= benchRuns; run++) {
        for (const target of targets) {
          if (skipped.has(target.label)) continue;
          console.log(`Lighthouse, run ${String(run)} of ${String(benchRuns)}: ${target.label} ${target.path} …`);
          runs.get(target.label)?.push(await retried(() => audit(`${target.base}${target.path}`, chromePath)));
        }
      }
      const rows: PageRow[] = targets.map((target) => {
        const reason = skipped.get(target.label);
        return reason
          ? { label: target.label, path: target.path, skipped: reason, misses: [] }
          : summarise(target.label, target.path, runs.get(target.label) ?? []);
      });
      const lesson = rows.find((row) => row.label === 'lesson');
      const floor = rows.find((row) => row.label.startsWith('floor'));
      const ratios =
        lesson?.lcpMs && floor?.lcpMs && lesson.totalBytes && floor.totalBytes
          ? {
              lcp: lesson.lcpMs.median / floor.lcpMs.median,
              totalBytes: lesson.totalBytes.median / floor.totalBytes.median,
            }
          : undefined;
      const measured = rows.filter((row) => row.scores && !isReference(row));
      const met = measured.every((row) => row.misses.length === 0);
      const markdown = [
        `Lighthouse ${lighthouseVersion()}, mobile emulation with simulated throttling, median (min–max) of ${String(
          benchRuns,
        )} runs:`,
        '',
        table(rows),
        '',
        ratios && lesson?.lcpMs && floor?.lcpMs && lesson.totalBytes && floor.totalBytes
          ? `Lesson against its floor (the same HTML with every script removed): LCP ${lesson.lcpMs.median.toFixed(
              0,
            )} ms vs ${floor.lcpMs.median.toFixed(0)} ms = **${ratios.lcp.toFixed(2)}×**; bytes ${kb(
              lesson.totalBytes.median,
            )} KB vs ${kb(floor.totalBytes.median)} KB = **${ratios.totalBytes.toFixed(2)}×**.`
          : 'The floor could not be compared.',
        ...(baseline ? ['', `Baseline: the build in ${baselineSource ?? ''}, audited in the same runs.`] : []),
        '',
        `Goals (performance ≥ 95, accessibility, best practices and SEO 100, TBT ≤ 50 ms, CLS ≤ 0.02): ${
          met ? 'met' : 'NOT met'
        }.`,
      ];
      markdown.push('', 'What cost points (each run):');
      for (const row of measured) {
        for (const category of categories) {
          const failing = row.failing?.[category] ?? [];
          if (failing.length > 0) markdown.push(`- ${row.label}, ${category}: ${failing.join('; ')}`);
        }
        if (row.misses.some((miss) => miss.startsWith('TBT') || miss.startsWith('performance'))) {
          markdown.push(
            `- ${row.label}, main-thread time by script (middle run): ${(row.bootup ?? [])
              .map((item) => `${item.url} ${String(item.ms)} ms`)
              .join(', ')}`,
          );
        }
        if ((row.shifted ?? []).length > 0)
          markdown.push(`- ${row.label}, elements that shifted: ${(row.shifted ?? []).join(', ')}`);
      }
      const index = spread(rows.flatMap((row) => (row.benchmarkIndex ? [row.benchmarkIndex.median] : [])));
      markdown.push(
        '',
        `Lighthouse benchmark index of this machine during the runs: ${showSpread(index, 0)} (load average ${loadavg()
          .map((n) => n.toFixed(1))
          .join(', ')} at the end); timings on a busy machine are slower than on an idle one.`,
      );
      const text = markdown.join('\n');
      console.log(`\n${text}`);
      writeResults('lighthouse', {
        ...machine(),
        lighthouse: lighthouseVersion(),
        runs: benchRuns,
        goals,
        met,
        ratios,
        markdown: text,
        rows,
      });
    } finally {
      await baseline?.stop();
      await floorServer.stop();
      await server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function lighthouseVersion(): string {
  const manifest = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

await main();
