// `npm run bench`: every benchmark, one after another so they do not slow each other down, then one
// report: bench/results/report.md and bench/results/report.json (generated, git-ignored).
// Ours (weight, lighthouse, build, progress) take the median of BENCH_RUNS runs themselves; a
// benchmark of another issue that measures once (feedback) is run BENCH_RUNS times here and its
// numeric figures become median (min–max); one that repeats itself (its JSON says `runs`) runs
// once. A benchmark whose npm script is missing is skipped with a note. BENCH_ONLY=weight,progress
// runs only those and keeps the other sections of the previous report. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  benchRuns,
  machine,
  resultsDir,
  repoRoot,
  showSpread,
  spread,
  writeResults,
  type Spread,
} from './lib/benchStats.ts';

interface Bench {
  name: string;
  title: string;
  /** Measures BENCH_RUNS times by itself and writes a `markdown` summary. */
  own: boolean;
}

const benches: Bench[] = [
  { name: 'weight', title: 'Page weight', own: true },
  { name: 'lighthouse', title: 'Lighthouse', own: true },
  { name: 'mainthread', title: 'Main thread', own: true },
  { name: 'build', title: 'Build scaling', own: true },
  { name: 'progress', title: 'Progress events', own: true },
  { name: 'feedback', title: 'Feedback collector', own: false },
  { name: 'offline', title: 'Offline', own: false },
];

const only = (process.env['BENCH_ONLY'] ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const scripts = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

type Json = Record<string, unknown>;

function runScript(name: string): Json {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', `bench:${name}`], { cwd: repoRoot, stdio: 'inherit' });
  const failed = new Error(`npm run bench:${name} failed (exit ${String(result.status)}).`);
  const file = join(resultsDir, `${name}.json`);
  if (!existsSync(file))
    throw result.status === 0 ? new Error(`npm run bench:${name} wrote no bench/results/${name}.json.`) : failed;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
  // A result file from an earlier run is not this run's result.
  if (typeof json['date'] === 'string' && Date.parse(json['date']) < started - 1000) {
    throw result.status === 0
      ? new Error(`bench/results/${name}.json was not rewritten by npm run bench:${name}.`)
      : failed;
  }
  // A benchmark with a guard (bench:mainthread) exits non-zero when its goal is not met: that is a
  // result to report, not a failure to run.
  if (result.status !== 0 && metOf(json) !== false) throw failed;
  return json;
}

/** Rows of several runs of a single-shot benchmark → one row per scenario, numbers as Spread. */
function combineRows(runs: Json[]): Array<Record<string, unknown>> {
  const rowsOf = (run: Json) => (Array.isArray(run['rows']) ? (run['rows'] as Array<Record<string, unknown>>) : []);
  const first = runs[0] ? rowsOf(runs[0]) : [];
  return first.map((row, index) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        if (typeof value !== 'number') return [key, value];
        const values = runs.map((run) => rowsOf(run)[index]?.[key]).filter((v): v is number => typeof v === 'number');
        return [key, spread(values)];
      }),
    ),
  );
}

const isSpread = (value: unknown): value is Spread =>
  typeof value === 'object' && value !== null && 'median' in value && 'min' in value && 'max' in value;

function rowsTable(rows: Array<Record<string, unknown>>): string {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => {
    if (isSpread(value))
      return showSpread(value, Number.isInteger(value.median) && Number.isInteger(value.min) ? 0 : 1);
    if (typeof value === 'object' && value !== null) return JSON.stringify(value);
    return String(value);
  };
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${keys.map((key) => cell(row[key])).join(' | ')} |`),
  ].join('\n');
}

/** Whether a result says its goal was met: `met`, or `goal.met`, per run. */
function metOf(json: Json): boolean | undefined {
  if (typeof json['met'] === 'boolean') return json['met'];
  const goal = json['goal'];
  if (typeof goal === 'object' && goal !== null && typeof (goal as Json)['met'] === 'boolean')
    return (goal as Json)['met'] as boolean;
  return undefined;
}

interface Section {
  name: string;
  title: string;
  status: 'met' | 'NOT met' | 'no goal' | 'skipped' | 'failed';
  markdown: string;
  result?: unknown;
  /** When it ran. */
  date: string;
}

function runBench(bench: Bench): Omit<Section, 'date'> {
  const base = { name: bench.name, title: bench.title };
  if (!scripts[`bench:${bench.name}`]) {
    return { ...base, status: 'skipped', markdown: `Skipped: there is no \`bench:${bench.name}\` script yet.` };
  }
  try {
    if (bench.own) {
      const json = runScript(bench.name);
      const met = metOf(json);
      return {
        ...base,
        status: met === undefined ? 'no goal' : met ? 'met' : 'NOT met',
        markdown: typeof json['markdown'] === 'string' ? json['markdown'] : rowsTable(combineRows([json])),
        result: json,
      };
    }
    const runs: Json[] = [runScript(bench.name)];
    // A benchmark that already took the median of several runs (it says `runs`) is not repeated.
    if (typeof runs[0]?.['runs'] === 'number' && runs[0]['runs'] >= benchRuns) {
      const json = runs[0];
      const met = metOf(json);
      return {
        ...base,
        status: met === undefined ? 'no goal' : met ? 'met' : 'NOT met',
        markdown:
          typeof json['markdown'] === 'string'
            ? json['markdown']
            : `Its own ${String(json['runs'])} runs (scripts/bench${bench.name.charAt(0).toUpperCase()}${bench.name.slice(1)}.ts):\n\n\`\`\`json\n${JSON.stringify(json, null, 2)}\n\`\`\``,
        result: json,
      };
    }
    for (let run = 2; run <= benchRuns; run++) {
      console.log(`\n== bench:${bench.name}, run ${String(run)} of ${String(benchRuns)}`);
      runs.push(runScript(bench.name));
    }
    const verdicts = runs.map(metOf);
    const metCount = verdicts.filter((v) => v === true).length;
    const status = verdicts.every((v) => v === undefined) ? 'no goal' : metCount === runs.length ? 'met' : 'NOT met';
    const rows = combineRows(runs);
    const goal = runs[0]?.['goal'];
    const markdown = [
      `Median (min–max) of ${String(runs.length)} runs of \`npm run bench:${bench.name}\` (its own description: scripts/bench${
        bench.name.charAt(0).toUpperCase() + bench.name.slice(1)
      }.ts):`,
      '',
      rows.length > 0 ? rowsTable(rows) : '```json\n' + JSON.stringify(runs[runs.length - 1], null, 2) + '\n```',
      '',
      ...(goal ? [`Goal ${JSON.stringify(goal)}: met in ${String(metCount)} of ${String(runs.length)} runs.`] : []),
    ].join('\n');
    return { ...base, status, markdown, result: { runs, rows } };
  } catch (error) {
    return { ...base, status: 'failed', markdown: `Failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// With BENCH_ONLY, the parts not run keep their section from the previous report, marked with its date.
const previousFile = join(resultsDir, 'report.json');
const previousReport =
  only.length > 0 && existsSync(previousFile)
    ? (JSON.parse(readFileSync(previousFile, 'utf8')) as {
        date?: string;
        sections?: Array<Omit<Section, 'date'> & { date?: string }>;
      })
    : {};
const previous = (previousReport.sections ?? []).map((section) => ({
  ...section,
  date: section.date ?? previousReport.date ?? 'unknown date',
}));
const sections: Section[] = [];
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) {
    const kept = previous.find((section) => section.name === bench.name);
    const earlier = /^(_From the earlier run of [^\n]*_\n\n)+/;
    if (kept) {
      sections.push({
        ...kept,
        markdown: `_From the earlier run of ${kept.date}._\n\n${kept.markdown.replace(earlier, '')}`,
      });
    }
    continue;
  }
  console.log(`\n=== ${bench.title} (bench:${bench.name})`);
  sections.push({ ...runBench(bench), date: new Date().toISOString() });
}

const about = machine();
const report = [
  '# Hankintapolku benchmarks',
  '',
  `${about.date}, Node ${about.node}, ${about.platform}, ${String(cpus().length)} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${(
    totalmem() /
    2 ** 30
  ).toFixed(0)} GB memory, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')} at the end. Every figure is the median of at least ${String(benchRuns)} runs with (min–max).`,
  '',
  '| benchmark | goals |',
  '| --- | --- |',
  ...sections.map((section) => `| ${section.title} (\`bench:${section.name}\`) | ${section.status} |`),
  '',
  ...sections.flatMap((section) => [`## ${section.title}`, '', section.markdown, '']),
].join('\n');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'report.md'), report);
console.log(`\n${report}`);
console.log('Written to bench/results/report.md');
writeResults('report', { ...about, runs: benchRuns, sections });
process.exitCode = sections.some((section) => section.status === 'failed') ? 1 : 0;
