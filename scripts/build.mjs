// `npm run build` and the first half of `npm start`: Astro's build, Pagefind's search index, the
// service worker, then the precompressed copies, into dist/. Once all of it is done, the stamp of the
// inputs is recorded (scripts/buildStamp.mjs). With `--if-changed` (what `npm start` uses) it builds
// only when the course, the code or the build settings differ from that stamp, and says which it did,
// so restarting the server (with FEEDBACK_ADMIN_TOKEN, say) does not rebuild an unchanged course.
// Usage: `node scripts/build.mjs [--if-changed]`.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changesBetween, recordStamp, recordedStamp, stampOf } from './buildStamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same folder astro.config.mjs builds into.
const buildDir = process.env.HANKINTAPOLKU_BUILD_DIR;
const distDir = buildDir ? resolve(buildDir, 'dist') : join(root, 'dist');
const script = (path) => join(root, path);

/**
 * The steps, stage by stage; the steps of a stage run at the same time. Each runs with the project's
 * Node, Astro's usage reports off (scripts/astro.mjs). Workbox spends its time bundling the service
 * worker on one core while compression keeps the others busy, so both run together; the worker's own
 * files, written meanwhile, are compressed in a last pass, which finds everything else in
 * precompression's cache (a file read while being written is compressed again there).
 */
const stages = [
  [{ name: 'Astro', args: [script('scripts/astro.mjs'), 'build'] }],
  [{ name: 'Pagefind', args: [script('node_modules/pagefind/lib/runner/bin.cjs'), '--site', distDir, '--silent'] }],
  [
    { name: 'service worker', args: [script('scripts/buildServiceWorker.mjs'), distDir] },
    { name: 'precompression', args: [script('scripts/precompress.mjs'), distDir] },
  ],
  [{ name: 'precompression of the worker', args: [script('scripts/precompress.mjs'), distDir] }],
];

/**
 * Runs one step; resolves with its exit status.
 * @param {{ name: string; args: string[] }} step
 * @returns {Promise<number>}
 */
const run = (step) =>
  new Promise((done) => {
    const child = spawn(process.execPath, step.args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.once('error', () => done(1));
    child.once('exit', (code) => done(code ?? 1));
  });

/** A few of the changes, for one line. @param {string[]} changes */
const summary = (changes) =>
  changes.length <= 3 ? changes.join(', ') : `${changes.slice(0, 3).join(', ')} and ${changes.length - 3} more`;

/** Seconds since a moment, for the summary. @param {number} since */
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

const started = performance.now();
const inputs = await stampOf(root, process.env);
if (process.argv.includes('--if-changed')) {
  const changes = changesBetween(await recordedStamp(root, distDir), inputs);
  if (changes.length === 0) {
    console.log('No change in the content, code or build settings since the last build: not building again.');
    process.exit(0);
  }
  console.log(`Building the course (${summary(changes)})…`);
}

// Forget the old stamp first: a build that stops halfway must not count as done.
await recordStamp(root, undefined);
/** @type {string[]} */
const timings = [];
for (const stage of stages) {
  const stageStarted = performance.now();
  const statuses = await Promise.all(stage.map(run));
  const failed = stage.find((_, i) => statuses[i] !== 0);
  if (failed) {
    console.error(`The build stopped at the ${failed.name} step.`);
    process.exit(statuses[stage.indexOf(failed)] || 1);
  }
  timings.push(`${stage.map((step) => step.name).join(' and ')} ${seconds(stageStarted)}`);
}

// Record the inputs as they were when the build began, unless they changed while it ran; then the
// build may mix both, and the next start builds again.
const changedMeanwhile = changesBetween(inputs, await stampOf(root, process.env));
if (changedMeanwhile.length === 0) await recordStamp(root, inputs);
else console.warn(`Changed during the build (${summary(changedMeanwhile)}): the next \`npm start\` builds again.`);
console.log(`Built in ${seconds(started)} s (${timings.join(', ')}).`);
