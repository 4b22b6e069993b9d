// Checks every built page with the Nu HTML Checker (the W3C validator, npm package vnu-jar) in one
// Java process, and fails on any error, or on a warning or note that is not accepted below. Prints each
// problem with its page, line and column. Usage: `node scripts/validateHtml.mjs [distDir]` (after
// `npm run build`; `npm test` runs it). Needs Java 11 or newer: `sudo apt-get install -y
// default-jre-headless` on Debian, which `.ci/run` does.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checker itself, from the vnu-jar package. */
const vnuJar = fileURLToPath(import.meta.resolve('vnu-jar/build/dist/vnu.jar'));

/**
 * Notes and warnings read once and accepted, each with the reason. Anything else the checker says
 * fails the check, so a new kind of warning is read too.
 * @type {{ message: string; reason: string }[]}
 */
export const accepted = [
  {
    message: 'Trailing slash on void elements has no effect and interacts badly with unquoted attribute values.',
    reason:
      'Astro and Preact write void elements as `<input … />`. Every attribute value they write is ' +
      'quoted, so the slash can never become part of a value; it is a note, not an error.',
  },
];

/**
 * @typedef {{ type: 'error' | 'info' | 'non-document-error'; subType?: string; url?: string;
 *   message: string; lastLine?: number; firstColumn?: number; lastColumn?: number; extract?: string }} VnuMessage
 */

/**
 * The checker's messages that fail the check: every error, and every warning or note not accepted.
 * @param {VnuMessage[]} messages
 * @returns {VnuMessage[]}
 */
export function failures(messages) {
  return messages.filter((m) => m.type !== 'info' || !accepted.some((a) => a.message === m.message));
}

/**
 * @param {string} distDir
 * @returns {Promise<string[]>} every HTML file under distDir
 */
export async function htmlFiles(distDir) {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The checker's schema is deeply recursive: with Java's default thread stack it sometimes stops with a
 * StackOverflowError (it asks for at least 512 KB). The quick compiler alone and the serial collector
 * halve the CPU time of this one short run, on a machine shared with a build.
 */
const javaOptions = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * Runs the checker once over the files and returns its messages.
 * @param {string[]} files
 * @returns {VnuMessage[]}
 */
export function validate(files) {
  const result = spawnSync('java', [...javaOptions, '-jar', vnuJar, '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error && /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT') {
    throw new Error(
      'The HTML check needs Java (11 or newer), and there is no `java` on PATH.\n' +
        '  - Debian or Ubuntu: sudo apt-get install -y default-jre-headless\n' +
        '  - elsewhere: install any Java runtime, e.g. Eclipse Temurin 17.',
    );
  }
  if (result.error) throw result.error;
  /** @type {VnuMessage[] | undefined} */
  let messages;
  try {
    messages = /** @type {{ messages: VnuMessage[] }} */ (JSON.parse(result.stdout)).messages;
  } catch {
    messages = undefined;
  }
  // The checker exits with 1 when it found errors; any other failure (or 1 with no error in the
  // answer) means it did not check everything, which must not pass as a clean result.
  const foundErrors = messages?.some((m) => m.type === 'error') ?? false;
  // It reports a StackOverflowError on stderr and may still answer with no messages.
  const crashed = /StackOverflowError|Exception/.test(result.stderr);
  if (!messages || crashed || (result.status !== 0 && !(result.status === 1 && foundErrors))) {
    throw new Error(`The HTML checker stopped (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  return messages;
}

/**
 * One line per problem: page, line:column, kind, message, and the markup around it.
 * @param {VnuMessage} m
 * @param {string} distDir
 */
export function describe(m, distDir) {
  const page = m.url ? relative(distDir, fileURLToPath(m.url)) : '(no page)';
  const kind = m.type === 'info' ? (m.subType ?? 'note') : m.type;
  const extract = m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ')}` : '';
  return `${page}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${kind}: ${m.message}${extract}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const files = await htmlFiles(distDir).catch(() => []);
  if (files.length === 0) {
    console.error(`There are no pages in ${distDir} to check: run \`npm run build\` first.`);
    process.exit(1);
  }
  let messages;
  try {
    messages = validate(files);
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(1);
  }
  const failed = failures(messages);
  for (const m of failed) console.error(describe(m, distDir));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const acceptedCount = messages.length - failed.length;
  const summary = `HTML check of ${files.length} pages in ${seconds} s: ${failed.length} problems, ${acceptedCount} accepted notes.`;
  if (failed.length > 0) {
    console.error(summary);
    process.exit(1);
  }
  console.log(summary);
}
