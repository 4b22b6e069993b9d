// `npm run bench:mainthread`: the main-thread work behind total blocking time, measured in Chromium
// itself with its own fourfold CPU slowdown (the DevTools throttle: the page really runs four times
// slower) instead of Lighthouse's simulation, which on a small shared machine swings by hundreds of
// milliseconds between runs of the same build. Each of home, a lesson, the knowledge check and the
// development plan, and the floor (the lesson with every <script> removed), is loaded BENCH_LOADS
// times (default 9, alternating pages) into a fresh browser context (empty storage, as a first
// visit), on a phone-sized viewport. Blocking time is what total blocking time counts: for each
// long task (Long Tasks API) that starts after the first contentful paint, its time over 50 ms,
// until the page has been quiet for 3 s after load. The long animation frames (LoAF) name the
// scripts behind them. Prints a Markdown table and writes bench/results/mainthread.json.
// BENCH_BASELINE_DIST=<another build's dist> also loads the same pages from that build, interleaved
// with this one's in every round, and adds its figures: on a shared machine whose speed drifts from
// minute to minute, that compares two builds far more fairly than two runs one after the other.
// The guard: the command fails (exit 1) when one of our pages blocks longer than the floor's median
// in the same rounds plus BENCH_BLOCKING_MARGIN (default 10 ms), or when a script of ours ran for more
// than 50 ms in one go (its longest LoAF script entry, median over the loads). Both are medians, so
// one load disturbed by the rest of the machine does not fail it.
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { findBrowser } from './findBrowser.mjs';
import { firstLessonPath, pagePaths, stripScripts } from './lib/benchPageWeight.ts';
import {
  benchChromiumFlags,
  benchRuns,
  machine,
  makeScratch,
  serveBaseline,
  serveDist,
  showSpread,
  snapshotDist,
  spread,
  writeResults,
  type Spread,
} from './lib/benchStats.ts';

const floorLabel = 'floor: lesson without scripts';
const loads = Math.max(benchRuns, Number(process.env['BENCH_LOADS'] ?? 9) || 9);
const baselineSource = process.env['BENCH_BASELINE_DIST'];
const cpuSlowdown = 4;
const quietMs = 3000;
/** How much longer than the script-free floor a page may block, median against median, ms. */
const blockingMarginMs = Number(process.env['BENCH_BLOCKING_MARGIN'] ?? 10);
/** The longest a script of ours may run in one go: what makes a task long. */
const scriptBudgetMs = 50;

interface Load {
  blockingMs: number;
  longTasks: number;
  /** Script (file and how it ran) → its time in long animation frames, ms. */
  scripts: Record<string, number>;
  /** The longest single script entry in a long animation frame, ms (0 when none). */
  longestScriptMs: number;
}

interface Row {
  label: string;
  path: string;
  blockingMs: Spread;
  longTasks: Spread;
  longestScriptMs: Spread;
  /** The scripts with the most time in long animation frames, median over the loads, ms. */
  topScripts: Array<{ script: string; ms: number }>;
}

/** What the page collects about itself, as `window.mainThreadSeen`. */
interface Seen {
  tasks: Array<{ start: number; duration: number }>;
  scripts: Record<string, number>;
  longestScript: number;
}
type Observed = Window & { mainThreadSeen?: Seen };

/** Installed before any of the page's own scripts: collects long tasks and long animation frames. */
function observe(): void {
  const seen: Seen = { tasks: [], scripts: {}, longestScript: 0 };
  (window as Observed).mainThreadSeen = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & { scripts?: Array<{ sourceURL: string; invokerType: string; duration: number }> }
    >) {
      for (const script of entry.scripts ?? []) {
        const file =
          script.sourceURL
            .replace(/^.*\//, '')
            .replace(/(\.astro_astro_type_script_index_\d+_lang)?\.[\w-]{8}\.js$/, '.js') || '(inline)';
        const key = `${file} (${script.invokerType})`;
        seen.scripts[key] = (seen.scripts[key] ?? 0) + script.duration;
        seen.longestScript = Math.max(seen.longestScript, script.duration);
      }
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

async function measure(browser: Browser, url: string, floor: boolean): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    if (floor) {
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: stripScripts(await response.text()) });
      });
    }
    await page.addInitScript(observe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(url, { waitUntil: 'load' });
    // Quiet: no long task has ended in the last quietMs (or 15 s have passed).
    const deadline = Date.now() + 15_000;
    for (;;) {
      const quietFor = await page.evaluate(() => {
        const tasks = (window as Observed).mainThreadSeen?.tasks ?? [];
        return performance.now() - Math.max(0, ...tasks.map((t) => t.start + t.duration));
      });
      if (quietFor >= quietMs || Date.now() > deadline) break;
      await page.waitForTimeout(500);
    }
    const seen = await page.evaluate(() => ({
      ...((window as Observed).mainThreadSeen ?? { tasks: [], scripts: {}, longestScript: 0 }),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    }));
    const counted = seen.tasks.filter((task) => task.start >= seen.fcp);
    return {
      blockingMs: counted.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longTasks: counted.length,
      scripts: seen.scripts,
      longestScriptMs: seen.longestScript,
    };
  } finally {
    await context.close();
  }
}

function summarise(label: string, path: string, measured: Load[]): Row {
  const scripts = new Set(measured.flatMap((load) => Object.keys(load.scripts)));
  const topScripts = [...scripts]
    .map((script) => ({ script, ms: spread(measured.map((load) => load.scripts[script] ?? 0)).median }))
    .filter((entry) => entry.ms > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    label,
    path,
    blockingMs: spread(measured.map((load) => load.blockingMs)),
    longTasks: spread(measured.map((load) => load.longTasks)),
    longestScriptMs: spread(measured.map((load) => load.longestScriptMs)),
    topScripts,
  };
}

async function main(): Promise<void> {
  const scratch = makeScratch('mainthread');
  const distDir = await snapshotDist(scratch);
  const server = await serveDist(distDir, scratch);
  const baseline = baselineSource ? await serveBaseline(baselineSource, 'mainthread') : undefined;
  const executablePath = findBrowser();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: benchChromiumFlags,
  });
  try {
    const lessonPath = firstLessonPath(readFileSync(`${distDir}${pagePaths.module}index.html`, 'utf8'));
    const pages: Array<{ label: string; path: string; floor: boolean }> = [
      { label: 'home', path: pagePaths.home, floor: false },
      { label: 'lesson', path: lessonPath, floor: false },
      { label: 'knowledge check', path: pagePaths.quiz, floor: false },
      { label: 'development plan', path: pagePaths.plan, floor: false },
      { label: floorLabel, path: lessonPath, floor: true },
    ];
    // The baseline's own lesson path: lesson ids are stable, but read it rather than assume.
    const baselineLessonPath = baseline
      ? firstLessonPath(await (await fetch(`${baseline.base}${pagePaths.module}`)).text())
      : lessonPath;
    const baselinePages = baseline
      ? pages
          .filter((page) => !page.floor)
          .map((page) => ({
            ...page,
            label: `baseline: ${page.label}`,
            path: page.path === lessonPath ? baselineLessonPath : page.path,
          }))
      : [];
    const measured = new Map<string, Load[]>([...pages, ...baselinePages].map((page) => [page.label, []]));
    for (let round = 1; round <= loads; round++) {
      console.log(`Main thread: round ${String(round)} of ${String(loads)} …`);
      for (const [index, page] of pages.entries()) {
        await server.ready();
        measured.get(page.label)?.push(await measure(browser, `${server.base}${page.path}`, page.floor));
        const other = baselinePages[index];
        if (baseline && other) {
          await baseline.ready();
          measured.get(other.label)?.push(await measure(browser, `${baseline.base}${other.path}`, false));
        }
      }
    }
    const rows = [...pages, ...baselinePages].map((page) =>
      summarise(page.label, page.path, measured.get(page.label) ?? []),
    );
    // The guard looks at this build's pages only; the baseline is there to compare with.
    const floorMedian = rows.find((row) => row.label === floorLabel)?.blockingMs.median ?? 0;
    const blockingBudgetMs = floorMedian + blockingMarginMs;
    const failures = rows
      .filter((row) => pages.some((page) => page.label === row.label && !page.floor))
      .flatMap((row) => [
        ...(row.blockingMs.median > blockingBudgetMs
          ? [
              `${row.label} blocked for ${row.blockingMs.median.toFixed(0)} ms (median), more than the floor's ${floorMedian.toFixed(0)} + ${String(blockingMarginMs)} ms`,
            ]
          : []),
        ...(row.longestScriptMs.median > scriptBudgetMs
          ? [
              `${row.label}: a script ran for ${row.longestScriptMs.median.toFixed(0)} ms in one go (median), more than ${String(scriptBudgetMs)} ms`,
            ]
          : []),
      ]);
    const markdown = [
      `Main-thread blocking in Chromium with its own ${String(cpuSlowdown)}× CPU slowdown, first visits, median (min–max) of ${String(loads)} loads:`,
      '',
      '| page | blocking ms | long tasks | longest script ms | scripts with the most time in long frames (median ms) |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows.map(
        (row) =>
          `| ${row.label} \`${row.path}\` | ${showSpread(row.blockingMs, 0)} | ${showSpread(row.longTasks, 0)} | ${showSpread(row.longestScriptMs, 0)} | ${
            row.topScripts.map((entry) => `${entry.script} ${entry.ms.toFixed(0)}`).join(', ') || '—'
          } |`,
      ),
      '',
      `Budget: each page's median blocking at most the floor's median + ${String(blockingMarginMs)} ms (${blockingBudgetMs.toFixed(0)} ms in these rounds), and no script of ours running over ${String(scriptBudgetMs)} ms in one go (median of the loads' longest). ${
        failures.length === 0 ? 'Met.' : `NOT met: ${failures.join('; ')}.`
      }`,
      '',
      ...(baselineSource ? [`Baseline: the build in ${baselineSource}, loaded in the same rounds.`, ''] : []),
      'Blocking ms counts what total blocking time counts (each long task after first contentful paint, its time over 50 ms) in a real, throttled load; the floor is what the HTML and CSS alone cost. Lighthouse simulates the same slowdown from an unthrottled load instead (`npm run bench:lighthouse`).',
    ].join('\n');
    console.log(`\n${markdown}\n`);
    writeResults('mainthread', {
      ...machine(),
      loads,
      cpuSlowdown,
      baseline: baselineSource ?? null,
      goal: { blockingBudgetMs, scriptBudgetMs, failures, met: failures.length === 0 },
      markdown,
      rows,
    });
    if (failures.length > 0) {
      console.error(`Main-thread budget exceeded:\n- ${failures.join('\n- ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.stop();
    await baseline?.stop();
  }
}

await main();
