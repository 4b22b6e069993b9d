import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { firstLessonPath, pagePaths } from '../../scripts/lib/benchPageWeight';

interface Reply {
  status: number;
  encoding: string | undefined;
  vary: string | undefined;
  body: Buffer;
}

/** The bytes exactly as the server sends them, asking for `acceptEncoding`. */
function fetchRaw(url: string, acceptEncoding: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          vary: res.headers.vary,
          body: Buffer.concat(chunks),
        });
      });
    }).on('error', reject);
  });
}

test.describe('serving the built course', () => {
  test('pages and scripts come compressed to browsers that accept it, and as they are to others', async ({
    baseURL,
  }) => {
    const lessonHtml = (await fetchRaw(new URL(pagePaths.module, baseURL).href, 'identity')).body.toString();
    const lesson = new URL(firstLessonPath(lessonHtml), baseURL).href;
    // The largest script the page names: its own module script is now a loader of a few bytes, too
    // small for compression to halve it.
    const page = (await fetchRaw(lesson, 'identity')).body.toString();
    const named = [...page.matchAll(/(?:<script type="module" src|component-url|renderer-url)="([^"]+\.js)"/g)].map(
      (match) => match[1] ?? '',
    );
    const sizes = await Promise.all(
      named.map(async (path) => (await fetchRaw(new URL(path, baseURL).href, 'identity')).body.length),
    );
    const script = named[sizes.indexOf(Math.max(...sizes))];
    expect(script, 'the lesson page loads a script').toBeDefined();

    for (const url of [lesson, new URL(script ?? '', baseURL).href]) {
      const plain = await fetchRaw(url, 'identity');
      expect(plain.status).toBe(200);
      expect(plain.encoding).toBeUndefined();

      const br = await fetchRaw(url, 'br, gzip');
      expect(br.encoding).toBe('br');
      expect(br.vary).toMatch(/Accept-Encoding/i);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

      const gz = await fetchRaw(url, 'gzip');
      expect(gz.encoding).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    }
  });
});
