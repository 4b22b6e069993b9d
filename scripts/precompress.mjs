// The step after the service worker: writes a brotli (.br) and a gzip (.gz) copy next to every text
// file of the build, so the server sends compressed bytes without compressing on each request
// (server/app.ts serves them with sirv's `brotli` and `gzip` options; any static host that serves
// precompressed files can use them too). Pagefind's index and fragments are compressed already and
// are left alone, and so is a copy that would not be smaller. Usage:
// `node scripts/precompress.mjs [distDir]`; prints what it did.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What is worth compressing: text formats only. */
export const compressible = /\.(?:html|js|mjs|css|json|svg|webmanifest|txt|xml|ics|md)$/;

/**
 * Compresses one file; brotli at its best quality for hashed assets, which are fetched often and
 * never change, and a little lower for pages, so large courses still build quickly.
 * @param {string} file
 * @returns {Promise<{ raw: number; br: number; gz: number }>}
 */
async function compressFile(file) {
  const data = await readFile(file);
  const quality = file.split(sep).includes('_astro') ? 11 : 9;
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
  return { raw: data.length, br: Math.min(br.length, data.length), gz: Math.min(gzipped.length, data.length) };
}

/**
 * @param {string} distDir
 * @returns {Promise<{ files: number; raw: number; br: number; gz: number }>}
 */
export async function precompress(distDir) {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && compressible.test(e.name)).map((e) => join(e.parentPath, e.name));
  const totals = { files: files.length, raw: 0, br: 0, gz: 0 };
  // A few at a time: zlib works on its own threads, so this keeps every core busy without
  // holding every page of a large course in memory at once.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const sizes = await compressFile(file);
      totals.raw += sizes.raw;
      totals.br += sizes.br;
      totals.gz += sizes.gz;
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  return totals;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const { files, raw, br, gz } = await precompress(distDir);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `Precompressed ${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`,
  );
}
