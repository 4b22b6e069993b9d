// The step after the service worker: writes a brotli (.br) and a gzip (.gz) copy next to every text
// file of the build, so the server sends compressed bytes without compressing on each request
// (server/app.ts serves them with sirv's `brotli` and `gzip` options; any static host that serves
// precompressed files can use them too). Pagefind's index and fragments are compressed already and
// are left alone, and so is a copy that would not be smaller. Incremental: each file's copies are
// kept in a cache under its content's hash, so a rebuild compresses only what changed (Astro empties
// dist/ on every build, and brotli at its best quality is most of this step's time). Usage:
// `node scripts/precompress.mjs [distDir]`; prints what it did.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What is worth compressing: text formats only. */
export const compressible = /\.(?:html|js|mjs|css|json|svg|webmanifest|txt|xml|ics|md)$/;

/** Where the compressed copies of earlier builds are kept, by the hash of what they compress. */
export const defaultCacheDir = fileURLToPath(
  new URL('../node_modules/.cache/hankintapolku/precompress', import.meta.url),
);

/**
 * Compresses one file, or copies its compressed copies from the cache when the same bytes were
 * compressed before; brotli at its best quality for hashed assets, which are fetched often and never
 * change, and a little lower for pages, so large courses still build quickly.
 * @param {string} file
 * @param {string} cacheDir
 * @param {Set<string>} used the cache entries this run used, added to
 * @returns {Promise<{ raw: number; br: number; gz: number; cached: boolean }>}
 */
async function compressFile(file, cacheDir, used) {
  const data = await readFile(file);
  const quality = file.split(sep).includes('_astro') ? 11 : 9;
  const key = createHash('sha256').update(`${quality}:`).update(data).digest('base64url');
  used.add(key);
  const cached = join(cacheDir, key);
  try {
    // The sizes file is written last, so its presence means both copies are complete.
    const sizes = JSON.parse(await readFile(`${cached}.json`, 'utf8'));
    if (sizes.br < data.length) await copyFile(`${cached}.br`, `${file}.br`);
    if (sizes.gz < data.length) await copyFile(`${cached}.gz`, `${file}.gz`);
    return { raw: data.length, br: Math.min(sizes.br, data.length), gz: Math.min(sizes.gz, data.length), cached: true };
  } catch {
    // Not in the cache (or unreadable there): compress it.
  }
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  if (br.length < data.length) await writeFile(`${file}.br`, br);
  if (gzipped.length < data.length) await writeFile(`${file}.gz`, gzipped);
  await writeFile(`${cached}.br`, br);
  await writeFile(`${cached}.gz`, gzipped);
  await writeFile(`${cached}.json`, JSON.stringify({ br: br.length, gz: gzipped.length }));
  return {
    raw: data.length,
    br: Math.min(br.length, data.length),
    gz: Math.min(gzipped.length, data.length),
    cached: false,
  };
}

/**
 * @param {string} distDir
 * @param {{ cacheDir?: string; prune?: boolean }} [options] prune: remove what this run did not use
 * @returns {Promise<{ files: number; cached: number; raw: number; br: number; gz: number }>}
 */
export async function precompress(distDir, { cacheDir = defaultCacheDir, prune = false } = {}) {
  await mkdir(cacheDir, { recursive: true });
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && compressible.test(e.name)).map((e) => join(e.parentPath, e.name));
  const totals = { files: files.length, cached: 0, raw: 0, br: 0, gz: 0 };
  /** @type {Set<string>} */
  const used = new Set();
  // A few at a time: zlib works on its own threads, so this keeps every core busy without
  // holding every page of a large course in memory at once.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const sizes = await compressFile(file, cacheDir, used);
      totals.raw += sizes.raw;
      totals.br += sizes.br;
      totals.gz += sizes.gz;
      if (sizes.cached) totals.cached += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  // Keep only what this build used, so the cache stays the size of one build.
  if (prune) {
    for (const name of await readdir(cacheDir)) {
      if (!used.has(name.replace(/\.(?:br|gz|json)$/, ''))) await rm(join(cacheDir, name), { force: true });
    }
  }
  return totals;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const { files, cached, raw, br, gz } = await precompress(distDir, { prune: true });
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `Precompressed ${files} files (${cached} unchanged, from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`,
  );
}
