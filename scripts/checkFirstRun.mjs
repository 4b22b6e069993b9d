// The first five minutes, as a newcomer has them: a fresh clone of the committed project, the README's
// two commands (`npm install`, then `npm start`) with the machine's own Node first on PATH, and then
// `npm start` again. Fails when the install prints any warning, or does not end by saying what to run
// next, when the first start does not build and serve, or when the second start builds again although
// nothing changed. Prints the install output's length and the times. `.ci/run` runs it after `npm test`.
// Usage: `node scripts/checkFirstRun.mjs` (PORT, default 4321, must be free).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '4321';

/**
 * The environment of a newcomer's shell: no variables npm sets for the script running this, no
 * node_modules/.bin on PATH, so `node` and `npm` are the machine's own, and neither CI's nor the
 * telemetry switch, so the project itself must keep Astro from reporting (or announcing that it does).
 */
const inherited = ['INIT_CWD', 'NODE', 'PORT', 'CI', 'ASTRO_TELEMETRY_DISABLED'];
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && !inherited.includes(name)),
);
env.PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !dir.includes('node_modules'))
  .join(delimiter);
env.PORT = port;

const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
/** @type {string[]} */
const failures = [];

/**
 * Runs `npm start` until the server says where it serves, then stops it.
 * @param {string} cwd
 * @returns {Promise<{ output: string; seconds: string; served: boolean }>}
 */
function startOnce(cwd) {
  const started = performance.now();
  return new Promise((done) => {
    // detached: its own process group, so stopping it stops the server that npm started as well.
    const child = spawn('npm', ['start'], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let served = false;
    const onData = (chunk) => {
      output += chunk;
      if (!served && output.includes('is being served at')) {
        served = true;
        const took = seconds(started);
        child.once('exit', () => done({ output, seconds: took, served }));
        process.kill(-(child.pid ?? 0), 'SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => {
      if (!served) done({ output, seconds: seconds(started), served });
    });
  });
}

const scratch = await mkdtemp(join(tmpdir(), 'hankintapolku-first-run-'));
const clone = join(scratch, 'hankintapolku');
try {
  const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new Error(`git clone failed:\n${cloned.stderr}`);
  const machineNode = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
  console.log(`A fresh clone in ${clone}, with the machine's own Node ${machineNode} first on PATH.`);

  let started = performance.now();
  const install = spawnSync('npm', ['install'], { cwd: clone, env, encoding: 'utf8' });
  const installOutput = `${install.stdout}${install.stderr}`;
  const lines = installOutput.trimEnd().split('\n');
  console.log(`npm install: ${seconds(started)} s, ${lines.length} lines of output.`);
  if (install.status !== 0) failures.push(`npm install failed (exit ${install.status}).`);
  const warnings = lines.filter((line) => /\bwarn\b|EBADENGINE|^Warning:/i.test(line));
  if (warnings.length > 0) failures.push(`npm install printed warnings:\n  ${warnings.join('\n  ')}`);
  if (!lines.some((line) => line.includes('Next: `npm start`'))) {
    failures.push('npm install did not say what to run next.');
  }

  const first = await startOnce(clone);
  console.log(`First npm start: ${first.seconds} s until the course was served.`);
  // The build's own figures, to see where the time went.
  const figures = first.output.split('\n').filter((line) => /page\(s\) built in|Precompressed|^Built in/.test(line));
  for (const line of figures) console.log(`  ${line.trim()}`);
  if (!first.served) failures.push(`The first npm start did not serve the course:\n${first.output}`);
  if (!first.output.includes('Building the course')) failures.push('The first npm start did not say that it built.');
  if (/telemetry|anonymous usage/i.test(first.output)) failures.push('The build announced Astro telemetry.');

  const second = await startOnce(clone);
  console.log(`Second npm start: ${second.seconds} s until the course was served.`);
  if (!second.served) failures.push(`The second npm start did not serve the course:\n${second.output}`);
  if (second.output.includes('Building the course') || !second.output.includes('not building again')) {
    failures.push(`The second npm start built again although nothing changed:\n${second.output}`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  process.exit(1);
}
console.log('The first five minutes: a quiet install, a start that builds, and a second start that does not.');
