import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress.mjs';

let scratch = '';
let dist = '';
let cacheDir = '';
const page = (words: string) => `<!DOCTYPE html><p>${words.repeat(200)}</p>`;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'precompress-'));
  dist = join(scratch, 'dist');
  cacheDir = join(scratch, 'cache');
  await mkdir(join(dist, '_astro'), { recursive: true });
  await writeFile(join(dist, 'index.html'), page('Tervetuloa kurssille. '));
  await writeFile(join(dist, '_astro', 'app.js'), `export const words = ${JSON.stringify(page('sana '))};`);
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

describe('precompressing the build', () => {
  it('writes brotli and gzip copies that decompress to the file', async () => {
    const totals = await precompress(dist, { cacheDir });
    expect(totals).toMatchObject({ files: 2, cached: 0 });
    const html = await readFile(join(dist, 'index.html'));
    expect(brotliDecompressSync(await readFile(join(dist, 'index.html.br')))).toEqual(html);
    expect(gunzipSync(await readFile(join(dist, 'index.html.gz')))).toEqual(html);
  });

  it('on a rebuild, compresses only the files that changed and reuses the copies of the rest', async () => {
    await precompress(dist, { cacheDir });
    // A rebuild starts from an empty dist/: the same files, one of them changed.
    await rm(join(dist, 'index.html.br'));
    await rm(join(dist, '_astro', 'app.js.br'));
    await writeFile(join(dist, 'index.html'), page('Uusi versio. '));
    const totals = await precompress(dist, { cacheDir, prune: true });
    expect(totals).toMatchObject({ files: 2, cached: 1 });
    const html = await readFile(join(dist, 'index.html'));
    expect(brotliDecompressSync(await readFile(join(dist, 'index.html.br')))).toEqual(html);
    const js = await readFile(join(dist, '_astro', 'app.js'));
    expect(brotliDecompressSync(await readFile(join(dist, '_astro', 'app.js.br')))).toEqual(js);
  });
});
