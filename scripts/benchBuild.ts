// `npm run bench:build`: how `astro build` scales with the size of the course. Writes generated
// courses of about 100, 1,000 and 3,000 lessons (BENCH_BUILD_SIZES, comma-separated), spread evenly
// over the seven modules, each lesson in Finnish and English (scripts/lib/syntheticCourse.mjs), to a
// temporary folder, and builds each into a fresh temporary build folder (HANKINTAPOLKU_CONTENT_DIR,
// HANKINTAPOLKU_BUILD_DIR: ./dist is never touched), BENCH_RUNS times (default 3); the largest size
// once unless BENCH_BUILD_LARGE_RUNS says more, because three runs of it take minutes. Peak memory
// is the maximum resident set size from /usr/bin/time -v. Pagefind and the service worker, which
// take a folder, run after each build and are timed apart. Goals: ≤ 20 s and ≤ 1.5 GB per 1,000
// lessons, growing linearly. Prints a Markdown table and writes bench/results/build.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { moduleIds, writeSyntheticCourse } from './lib/syntheticCourse.mjs';
import {
  benchRuns,
  machine,
  makeScratch,
  repoRoot,
  showSpread,
  spread,
  writeResults,
  type Spread,
} from './lib/benchStats.ts';

const sizes = (process.env['BENCH_BUILD_SIZES'] ?? '100,1000,3000')
  .split(',')
  .map((size) => Math.max(7, Math.round(Number(size))))
  .filter((size) => Number.isFinite(size));
const largest = Math.max(...sizes);
const largeRuns = Math.max(1, Number(process.env['BENCH_BUILD_LARGE_RUNS'] ?? 1) || 1);
const timeBinary = '/usr/bin/time';

export const goals = { secondsPer1000: 20, peakGBPer1000: 1.5 };

interface Measured {
  seconds: number;
  /** Maximum resident set size in MB (10^6 bytes), or NaN without /usr/bin/time. */
  peakMB: number;
  output: string;
}

/** Runs a command under /usr/bin/time -v; throws with its output if it fails. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const withTime = existsSync(timeBinary);
  const started = performance.now();
  const child = spawn(withTime ? timeBinary : command, withTime ? ['-v', command, ...args] : args, {
    cwd: repoRoot,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} failed (${String(code)}):\n${output.slice(-4000)}`));
        return;
      }
      const kbytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
      resolve({ seconds, peakMB: kbytes ? (Number(kbytes) * 1024) / 1e6 : Number.NaN, output });
    });
  });
}

/** Builds that had to be repeated because another build in this project got in the way. */
let collisions = 0;

/**
 * `astro build`, repeated (at most twice) when it fails only because another build of this project
 * ran at the same time: Astro keeps its prerender chunks in <project>/.astro/.prerender whatever
 * outDir and cacheDir say, so two concurrent builds can delete each other's chunks.
 */
async function astroBuild(env: NodeJS.ProcessEnv): Promise<Measured> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await timed(process.execPath, [join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], env);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= 3 || !/Cannot find module '[^']*\.astro\/\.prerender\//.test(message)) throw error;
      collisions++;
      process.stdout.write('(another build removed our prerender chunks; building again) … ');
    }
  }
}

interface SizeRow {
  requestedLessons: number;
  lessons: number;
  pages: number;
  runs: number;
  astroSeconds: Spread;
  astroPeakMB: Spread;
  pagefindSeconds: Spread;
  serviceWorkerSeconds: Spread;
  secondsPer1000: number;
  peakGBPer1000: number;
}

async function buildSize(scratch: string, requested: number): Promise<SizeRow> {
  const lessonsPerModule = Math.max(1, Math.round(requested / 7));
  const lessons = lessonsPerModule * 7;
  const contentDir = writeSyntheticCourse(join(scratch, `content-${String(lessons)}`), { lessonsPerModule });
  // The generator gives a module 5 minutes a lesson, over the schema's 240-minute limit past 46
  // lessons a module; the figure does not matter here, so cap it.
  for (const id of moduleIds) {
    const file = join(contentDir, 'modules', id, 'module.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /^minutes: \d+$/m,
        `minutes: ${String(Math.min(240, lessonsPerModule * 5 + 6))}`,
      ),
    );
  }
  const runs = requested === largest ? Math.min(largeRuns, benchRuns) : benchRuns;
  const astro: Measured[] = [];
  const pagefind: Measured[] = [];
  const serviceWorker: Measured[] = [];
  let pages = 0;
  for (let run = 1; run <= runs; run++) {
    // A fresh build folder each time: a clean build, no content-layer cache from the previous run.
    const buildDir = mkdtempSync(join(scratch, `build-${String(lessons)}-`));
    const distDir = join(buildDir, 'dist');
    process.stdout.write(`astro build, ${String(lessons)} lessons, run ${String(run)}/${String(runs)} … `);
    const env = { HANKINTAPOLKU_CONTENT_DIR: contentDir, HANKINTAPOLKU_BUILD_DIR: buildDir };
    const build = await astroBuild(env);
    astro.push(build);
    pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? 0);
    pagefind.push(
      await timed(
        process.execPath,
        [join(repoRoot, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', distDir, '--silent'],
        env,
      ),
    );
    serviceWorker.push(
      await timed(process.execPath, [join(repoRoot, 'scripts', 'buildServiceWorker.mjs'), distDir], env),
    );
    console.log(`${build.seconds.toFixed(1)} s, ${build.peakMB.toFixed(0)} MB`);
    rmSync(buildDir, { recursive: true, force: true });
  }
  const astroSeconds = spread(astro.map((m) => m.seconds));
  const astroPeakMB = spread(astro.map((m) => m.peakMB));
  return {
    requestedLessons: requested,
    lessons,
    pages,
    runs,
    astroSeconds,
    astroPeakMB,
    pagefindSeconds: spread(pagefind.map((m) => m.seconds)),
    serviceWorkerSeconds: spread(serviceWorker.map((m) => m.seconds)),
    secondsPer1000: astroSeconds.median / (lessons / 1000),
    peakGBPer1000: astroPeakMB.median / 1000 / (lessons / 1000),
  };
}

async function main() {
  const scratch = makeScratch('build');
  try {
    const rows: SizeRow[] = [];
    for (const size of sizes) rows.push(await buildSize(scratch, size));
    const lines = [
      `astro build of generated courses (each lesson in Finnish and English), median (min–max) of ${String(
        benchRuns,
      )} clean builds; the largest ${largeRuns === 1 ? 'once, because three builds of it take minutes' : `${String(Math.min(largeRuns, benchRuns))} times`}:`,
      '',
      '| lessons | pages built | runs | astro build s | peak RSS MB | s per 1,000 lessons | peak GB per 1,000 lessons | pagefind s | service worker s |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (row) =>
          `| ${row.lessons.toLocaleString('en')} | ${row.pages.toLocaleString('en')} | ${row.runs} | ${showSpread(row.astroSeconds)} | ${showSpread(
            row.astroPeakMB,
            0,
          )} | ${row.secondsPer1000.toFixed(1)} | ${row.peakGBPer1000.toFixed(2)} | ${showSpread(row.pagefindSeconds)} | ${showSpread(
            row.serviceWorkerSeconds,
          )} |`,
      ),
    ];
    // Linear growth: the extra time and memory per extra 1,000 lessons between the two largest sizes.
    const [big, bigger] = rows.slice(-2);
    let marginal: { secondsPer1000: number; peakGBPer1000: number } | undefined;
    if (big && bigger && bigger.lessons > big.lessons) {
      const thousands = (bigger.lessons - big.lessons) / 1000;
      marginal = {
        secondsPer1000: (bigger.astroSeconds.median - big.astroSeconds.median) / thousands,
        peakGBPer1000: (bigger.astroPeakMB.median - big.astroPeakMB.median) / 1000 / thousands,
      };
      lines.push(
        '',
        `Each further 1,000 lessons (from ${big.lessons.toLocaleString('en')} to ${bigger.lessons.toLocaleString(
          'en',
        )}) adds ${marginal.secondsPer1000.toFixed(1)} s and ${marginal.peakGBPer1000.toFixed(2)} GB of peak memory.`,
      );
    }
    const measured = rows.filter((row) => row.lessons >= 1000);
    const met =
      measured.length > 0 &&
      measured.every((row) => row.secondsPer1000 <= goals.secondsPer1000 && row.peakGBPer1000 <= goals.peakGBPer1000);
    lines.push(
      '',
      `Goals (≤ ${String(goals.secondsPer1000)} s and ≤ ${String(goals.peakGBPer1000)} GB per 1,000 lessons, for 1,000 lessons and more): ${
        met ? 'met' : 'NOT met'
      }.`,
    );
    if (collisions > 0) {
      lines.push(
        '',
        `${String(collisions)} build(s) were repeated because a concurrent build of this project removed the shared .astro/.prerender chunks.`,
      );
    }
    lines.push(
      '',
      `Load average at the end: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(', ')} on ${String(cpus().length)} CPUs.`,
    );
    const markdown = lines.join('\n');
    console.log(`\n${markdown}`);
    writeResults('build', {
      ...machine(),
      runs: benchRuns,
      largeRuns,
      goals,
      met,
      marginal,
      collisions,
      markdown,
      rows,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
