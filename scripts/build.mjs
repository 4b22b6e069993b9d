// `npm run build` and the first half of `npm start`: Astro's build, Pagefind's search index, the
// service worker, then the precompressed copies, into dist/. Once all of it is done, the stamp of the
// inputs is recorded (scripts/buildStamp.mjs). With `--if-changed` (what `npm start` uses) it builds
// only when the course, the code or the build settings differ from that stamp, and says which it did,
// so restarting the server (with FEEDBACK_ADMIN_TOKEN, say) does not rebuild an unchanged course.
// Usage: `node scripts/build.mjs [--if-changed]`.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changesBetween, recordStamp, recordedStamp, stampOf } from './buildStamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same folder astro.config.mjs builds into.
const buildDir = process.env.HANKINTAPOLKU_BUILD_DIR;
const distDir = buildDir ? resolve(buildDir, 'dist') : join(root, 'dist');
const script = (path) => join(root, path);

/** Each step runs with the project's Node; Astro's usage reports are off (scripts/astro.mjs). */
const steps = [
  { name: 'Astro', args: [script('scripts/astro.mjs'), 'build'] },
  { name: 'Pagefind', args: [script('node_modules/pagefind/lib/runner/bin.cjs'), '--site', distDir, '--silent'] },
  { name: 'service worker', args: [script('scripts/buildServiceWorker.mjs'), distDir] },
  { name: 'precompression', args: [script('scripts/precompress.mjs'), distDir] },
];

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
for (const step of steps) {
  const stepStarted = performance.now();
  const run = spawnSync(process.execPath, step.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) {
    console.error(`The build stopped at the ${step.name} step.`);
    process.exit(run.status ?? 1);
  }
  timings.push(`${step.name} ${seconds(stepStarted)}`);
}

// Record the inputs as they were when the build began, unless they changed while it ran; then the
// build may mix both, and the next start builds again.
const changedMeanwhile = changesBetween(inputs, await stampOf(root, process.env));
if (changedMeanwhile.length === 0) await recordStamp(root, inputs);
else console.warn(`Changed during the build (${summary(changedMeanwhile)}): the next \`npm start\` builds again.`);
console.log(`Built in ${seconds(started)} s (${timings.join(', ')}).`);
