// The stamp of a build's inputs: a hash of every file the build reads (the course, the code, the
// build's own scripts and settings, the locked dependencies) and of the settings it takes from the
// environment. `npm run build` records it once the whole build is done; `npm start` builds again only
// when the stamp of the inputs as they are now differs, and names what changed. Contents are hashed,
// not modification times, so a fresh clone or a checkout that changes nothing does not rebuild.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** Folders whose every file is an input. */
const inputFolders = ['content', 'src', 'public'];

/** Single files that are inputs: the build's settings, its scripts and the locked dependencies. */
const inputFiles = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'scripts/astro.mjs',
  'scripts/build.mjs',
  'scripts/buildStamp.mjs',
  'scripts/buildServiceWorker.mjs',
  'scripts/precompress.mjs',
];

/** Vite reads .env files into the build too. */
const envFile = /^\.env(?:\..+)?$/;

/** Settings the build reads from the environment (see README's build settings and src/config.ts). */
const isBuildSetting = (name) => name === 'SITE_URL' || name.startsWith('HANKINTAPOLKU_') || name.startsWith('PUBLIC_');

/**
 * @typedef {{ version: 1; node: string; settings: Record<string, string>; files: Record<string, string> }} Stamp
 */

/**
 * Every input file, relative to root with forward slashes, sorted.
 * @param {string} root
 * @returns {Promise<string[]>}
 */
async function inputPaths(root) {
  const paths = [];
  for (const folder of inputFolders) {
    if (!existsSync(join(root, folder))) continue;
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && entry.name !== '.DS_Store') paths.push(join(entry.parentPath, entry.name));
    }
  }
  for (const name of await readdir(root)) if (envFile.test(name)) paths.push(join(root, name));
  for (const file of inputFiles) if (existsSync(join(root, file))) paths.push(join(root, file));
  return paths.map((path) => relative(root, path).split(sep).join('/')).sort();
}

/**
 * The stamp of the inputs under root as they are now.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<Stamp>}
 */
export async function stampOf(root, env) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const path of await inputPaths(root)) {
    files[path] = createHash('sha256')
      .update(await readFile(join(root, path)))
      .digest('base64url');
  }
  /** @type {Record<string, string>} */
  const settings = {};
  for (const name of Object.keys(env).filter(isBuildSetting).sort()) settings[name] = env[name] ?? '';
  return { version: 1, node: process.versions.node.split('.')[0] ?? '', settings, files };
}

/**
 * What differs between a recorded stamp and the inputs now, in words; empty when nothing does.
 * @param {Stamp | undefined} recorded
 * @param {Stamp} now
 * @returns {string[]}
 */
export function changesBetween(recorded, now) {
  if (!recorded || recorded.version !== now.version) return ['no finished build is recorded'];
  const changes = [];
  if (recorded.node !== now.node) changes.push(`Node ${recorded.node} → ${now.node}`);
  const names = new Set([...Object.keys(recorded.settings), ...Object.keys(now.settings)]);
  for (const name of [...names].sort()) {
    if (recorded.settings[name] !== now.settings[name]) changes.push(`setting ${name}`);
  }
  for (const [path, hash] of Object.entries(now.files)) {
    if (!(path in recorded.files)) changes.push(`added ${path}`);
    else if (recorded.files[path] !== hash) changes.push(`changed ${path}`);
  }
  for (const path of Object.keys(recorded.files)) if (!(path in now.files)) changes.push(`removed ${path}`);
  return changes;
}

/**
 * Where the stamp is kept: in npm's cache folder, never inside the build (the server serves and the
 * service worker precaches everything in dist/). A fresh `npm install` into an empty node_modules
 * forgets it, and the next start builds.
 * @param {string} root
 */
export const stampFile = (root) => join(root, 'node_modules', '.cache', 'hankintapolku', 'build-stamp.json');

/**
 * The recorded stamp, or undefined when there is none, it cannot be read, or the build it describes
 * is no longer complete in distDir (its first and last outputs).
 * @param {string} root
 * @param {string} distDir
 * @returns {Promise<Stamp | undefined>}
 */
export async function recordedStamp(root, distDir) {
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'sw.js'))) return undefined;
  try {
    return /** @type {Stamp} */ (JSON.parse(await readFile(stampFile(root), 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * @param {string} root
 * @param {Stamp | undefined} stamp the stamp to record, or undefined to forget the recorded one
 */
export async function recordStamp(root, stamp) {
  const file = stampFile(root);
  if (!stamp) return rm(file, { force: true });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(stamp));
}
