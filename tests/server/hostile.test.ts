// The server as an attacker meets it: the real process on loopback, sent every request that once
// stopped it or got past it, then thousands of random methods, headers and ranges. Afterwards it must
// still answer, and every post it acknowledged must be stored.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineHashes } from '../../server/securityHeaders';
import { item, post, runServerToExit, startServer, type Running } from './serverProcess';

const TOKEN = 'hostile-suite-token-0123456789abcdef';
const scratch = mkdtempSync(join(tmpdir(), 'hankintapolku-hostile-'));
const distDir = join(scratch, 'dist');
const dataDir = join(scratch, 'data');
const PAGE = '<!doctype html><title>Etusivu</title><script type="module">console.log("island loader")</script>';
const SCRIPT = 'console.log("app");'.repeat(200);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** A request with any method, headers and body; resolves with the answer, or `undefined` if the server hung up. */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Answer | undefined> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    // A body always goes with its length: Node sends none by default for DELETE or OPTIONS, and the
    // bytes would then be read as the start of the next request on the kept-alive socket.
    const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
    const options = { hostname, port, path, method, headers: { ...headers, ...length }, agent, timeout: 10_000 };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', () => {
        resolve(undefined);
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(undefined);
    });
    req.end(body);
  });
}

const admin = (base: string, path: string, token = TOKEN) =>
  fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });

async function storedIds(base: string): Promise<Set<string>> {
  const response = await admin(base, '/api/feedback');
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: { id: string }[] };
  return new Set(items.map((row) => row.id));
}

beforeAll(() => {
  mkdirSync(join(distDir, 'en', '404'), { recursive: true });
  mkdirSync(join(distDir, '_astro'));
  mkdirSync(join(distDir, '.git'));
  writeFileSync(join(distDir, 'index.html'), PAGE);
  writeFileSync(join(distDir, 'index.html.br'), brotliCompressSync(PAGE));
  writeFileSync(join(distDir, '404.html'), '<!doctype html><title>Sivua ei löytynyt</title>');
  writeFileSync(join(distDir, 'en', '404', 'index.html'), '<!doctype html><title>Page not found</title>');
  writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  writeFileSync(join(distDir, '_astro', 'app.js'), SCRIPT);
  writeFileSync(join(distDir, '_astro', 'app.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(distDir, '_astro', 'app.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(distDir, '.env'), 'SECRET=1');
  writeFileSync(join(distDir, '.git', 'config'), '[core]');
});
afterAll(() => {
  agent.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the server under hostile requests', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer({
      HANKINTAPOLKU_DIST_DIR: distDir,
      FEEDBACK_DATA_DIR: dataDir,
      FEEDBACK_ADMIN_TOKEN: TOKEN,
      FEEDBACK_RATE_LIMIT: '1000000',
      FEEDBACK_REVIEW_RATE_LIMIT: '20',
    });
  });
  afterAll(() => server.stop());

  it('answers an impossible range with 416 and keeps serving', async () => {
    const refused = await send(server.base, 'GET', '/favicon.svg', { Range: 'bytes=5-2' });
    expect(refused?.status).toBe(416);
    const part = await send(server.base, 'GET', '/favicon.svg', { Range: 'bytes=0-3' });
    expect([part?.status, part?.body.toString(), part?.headers['content-range']]).toEqual([
      206,
      '<svg',
      'bytes 0-3/46',
    ]);
    expect((await send(server.base, 'GET', '/'))?.status).toBe(200);
  });

  it('answers HEAD without a body and a conditional GET with 304', async () => {
    const head = await send(server.base, 'HEAD', '/_astro/app.js');
    expect([head?.status, head?.body.length, head?.headers['content-length']]).toEqual([200, 0, String(SCRIPT.length)]);
    const etag = String(head?.headers.etag);
    expect((await send(server.base, 'GET', '/_astro/app.js', { 'If-None-Match': etag }))?.status).toBe(304);
    const since = String(head?.headers['last-modified']);
    expect((await send(server.base, 'GET', '/_astro/app.js', { 'If-Modified-Since': since }))?.status).toBe(304);
    expect(head?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves the precompressed copies with their encoding, and the plain file to others', async () => {
    const br = await send(server.base, 'GET', '/_astro/app.js', { 'Accept-Encoding': 'br' });
    expect([br?.headers['content-encoding'], br?.headers['content-type'], br?.headers.vary]).toEqual([
      'br',
      'application/javascript; charset=utf-8',
      'accept-encoding',
    ]);
    const gz = await send(server.base, 'GET', '/_astro/app.js', { 'Accept-Encoding': 'gzip' });
    expect(gz?.headers['content-encoding']).toBe('gzip');
    const plain = await send(server.base, 'GET', '/_astro/app.js', { 'Accept-Encoding': 'identity' });
    expect([plain?.headers['content-encoding'], plain?.body.toString()]).toEqual([undefined, SCRIPT]);
  });

  it.each(['PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS'])('answers %s on a page with 405 and Allow', async (method) => {
    const answer = await send(server.base, method, '/', { 'Content-Type': 'text/plain' }, 'x');
    expect([answer?.status, answer?.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it.each([
    '/.env',
    '/.git/config',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/../package.json',
    '/..%2f..%2fpackage.json',
    '/nope.js',
  ])('answers %s with 404 and nothing of the file', async (path) => {
    const answer = await send(server.base, 'GET', path);
    expect(answer?.status).toBeGreaterThanOrEqual(400);
    expect(answer?.status).toBeLessThan(500);
    expect(answer?.body.toString()).not.toMatch(/SECRET|\[core\]|root:|"name"/);
  });

  it('sends a Content-Security-Policy that allows exactly the page’s inline script, and the other headers', async () => {
    const answer = await send(server.base, 'GET', '/');
    const policy = String(answer?.headers['content-security-policy']);
    const [scriptHash] = inlineHashes(PAGE).scripts;
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${String(scriptHash)}`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(answer?.headers['x-content-type-options']).toBe('nosniff');
    expect(answer?.headers['referrer-policy']).toBe('no-referrer');
    const missing = await send(server.base, 'GET', '/ei-ole');
    expect(missing?.status).toBe(404);
    expect(missing?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('rate-limits the review per client, wrong tokens included, and X-Forwarded-For does not reset it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const answer = await send(server.base, 'GET', '/api/feedback', {
        Authorization: `Bearer ${'x'.repeat(40)}`,
        'X-Forwarded-For': `10.0.0.${String(i)}`,
      });
      statuses.push(answer?.status ?? 0);
    }
    expect(statuses.slice(0, 20).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    const refused = await send(server.base, 'GET', '/api/feedback.csv', { Authorization: `Bearer ${TOKEN}` });
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((JSON.parse(String(refused?.body)) as { error: string }).error).toMatch(/^Too many review requests/);
  });

  it('stores an id sent in upper and lower case once, in lower case', async () => {
    const sent = item();
    expect((await post(server.base, { ...sent, id: sent.id.toUpperCase() })).status).toBe(201);
    const again = await post(server.base, sent);
    expect([again.status, await again.json()]).toEqual([200, { id: sent.id, status: 'duplicate' }]);
  });

  it('refuses a creation date that does not exist', async () => {
    const response = await post(server.base, item({ createdAt: '2025-02-30T10:00:00Z' }));
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as { fields: object }).fields)).toEqual(['createdAt']);
  });

  it('refuses a language the course does not have, naming the ones it has', async () => {
    const response = await post(server.base, item({ lang: 'sv' }));
    expect(await response.json()).toMatchObject({ fields: { lang: 'The language must be one of: fi, en.' } });
  });

  it('keeps no memory-mapped -shm file, so no disk problem can become a SIGBUS', async () => {
    expect((await post(server.base, item())).status).toBe(201);
    const { readdirSync } = await import('node:fs');
    // The write-ahead log is a plain file; its index lives in the collector's memory (exclusive locking).
    expect(readdirSync(dataDir).filter((name) => name.endsWith('-shm'))).toEqual([]);
    expect(readdirSync(dataDir)).toContain('feedback.sqlite-wal');
  });

  it('survives malformed requests on a raw socket', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1');
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => resolve(answer));
        socket.end(text);
        setTimeout(() => socket.destroy(), 3000);
      });
    for (const text of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'POST /api/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":',
      'GET / HTTP/9.9\r\n\r\n',
    ]) {
      await raw(text);
    }
    expect((await send(server.base, 'GET', '/'))?.status).toBe(200);
  });

  it('keeps serving while files vanish and reappear during requests', async () => {
    const rebuilding = { on: true };
    const rebuild = (async () => {
      while (rebuilding.on) {
        for (const file of ['app.js', 'app.js.br', 'app.js.gz']) {
          try {
            unlinkSync(join(distDir, '_astro', file));
          } catch {
            // already gone
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
        writeFileSync(join(distDir, '_astro', 'app.js'), SCRIPT);
        writeFileSync(join(distDir, '_astro', 'app.js.br'), brotliCompressSync(SCRIPT));
        writeFileSync(join(distDir, '_astro', 'app.js.gz'), gzipSync(SCRIPT));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const statuses = new Set<number>();
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          send(server.base, 'GET', '/_astro/app.js', {
            'Accept-Encoding': ['br', 'gzip', 'identity'][i % 3] ?? 'br',
            ...(i % 4 === 0 && { Range: 'bytes=10-200' }),
          }),
        ),
      );
      for (const answer of answers) if (answer) statuses.add(answer.status);
    }
    rebuilding.on = false;
    await rebuild;
    // 403: @fastify/static's answer when a file vanished between its precompressed copies being tried;
    // 416: a range asked of a file caught empty, between being truncated and rewritten.
    expect([...statuses].filter((status) => ![200, 206, 403, 404, 416, 503].includes(status))).toEqual([]);
    expect((await send(server.base, 'GET', '/_astro/app.js'))?.body.toString()).toBe(SCRIPT);
  });

  it('still answers after 5,000 random requests, and every acknowledged post is stored', async () => {
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH'];
    const paths = [
      '/',
      '/index.html',
      '/en/',
      '/favicon.svg',
      '/_astro/app.js',
      '/api/feedback',
      '/api/feedback.csv',
      '/api/feedback/summary',
      '/api/feedback/x',
      '/.env',
      '/%00',
      '/%',
      '/..%5c..%5c',
      '/a/'.repeat(200),
      '/?q=' + '%ff'.repeat(50),
      '//example.com/',
    ];
    const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)] as T;
    const randomRange = (): string => {
      const n = () => String(randomInt(-5, 5000));
      return pick([
        `bytes=${n()}-${n()}`,
        `bytes=-${n()}`,
        `bytes=${n()}-`,
        `bytes=${n()}-${n()},${n()}-${n()},${n()}-${n()}`,
        'bytes=0-0,-1',
        `items=${n()}-${n()}`,
        'bytes=99999999999999999999-',
        'bytes=',
      ]);
    };
    const randomHeaders = (): Record<string, string> => {
      const headers: Record<string, string> = {};
      if (randomInt(2)) headers['Range'] = randomRange();
      if (randomInt(3) === 0) headers['If-None-Match'] = pick(['*', 'W/"x"', '"', '']);
      if (randomInt(3) === 0) headers['If-Modified-Since'] = pick(['yesterday', new Date().toUTCString(), '0']);
      if (randomInt(3) === 0) headers['If-Range'] = pick(['"x"', new Date(0).toUTCString()]);
      if (randomInt(2)) headers['Accept-Encoding'] = pick(['br', 'gzip', 'br;q=0, gzip;q=0', '*', 'identity;q=0']);
      if (randomInt(4) === 0) headers['Origin'] = pick(['null', 'https://evil.example', 'http://127.0.0.1']);
      if (randomInt(4) === 0) headers['Authorization'] = pick([`Bearer ${TOKEN}`, 'Bearer', 'Basic x', 'Bearer  a b']);
      if (randomInt(4) === 0) headers['X-Forwarded-For'] = `${String(randomInt(256))}.0.0.1`;
      if (randomInt(3) === 0)
        headers['Content-Type'] = pick(['application/json', 'text/plain', 'application/json; charset=latin1', '']);
      return headers;
    };
    const acknowledged: string[] = [];
    let answered = 0;
    let next = 0;
    const failures: Record<string, number> = {};
    const worker = async (): Promise<void> => {
      while (next < 5000) {
        const n = next++;
        if (n % 10 === 0) {
          // One in ten is a real post; its acknowledgement is checked against the database at the end.
          const sent = item({ text: `fuzz ${String(n)}` });
          const answer = await send(
            server.base,
            'POST',
            '/api/feedback',
            { 'Content-Type': 'application/json', ...(randomInt(2) && { 'X-Forwarded-For': '1.2.3.4' }) },
            JSON.stringify(sent),
          );
          if (answer && answer.status >= 200 && answer.status < 300) acknowledged.push(sent.id);
          if (answer) answered++;
          continue;
        }
        const method = pick(methods);
        const body =
          ['GET', 'HEAD'].includes(method) || randomInt(2)
            ? undefined
            : pick(['{', '{}', 'x'.repeat(20_000), '\u0000']);
        const path = pick(paths);
        const answer = await send(server.base, method, path, randomHeaders(), body);
        if (!answer)
          failures[`${method} ${path.slice(0, 20)} ${String(body?.length)}`] =
            (failures[`${method} ${path.slice(0, 20)} ${String(body?.length)}`] ?? 0) + 1;
        if (answer) {
          answered++;
          expect(answer.status, `${method} answered ${String(answer.status)}`).toBeLessThan(500);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(answered, JSON.stringify(failures)).toBeGreaterThan(4900);
    expect(acknowledged.length).toBeGreaterThan(400);
    expect((await send(server.base, 'GET', '/'))?.status).toBe(200);
    // The review limit was used up above; a server with the same data shows what was stored.
    await server.stop();
    server = await startServer({
      HANKINTAPOLKU_DIST_DIR: distDir,
      FEEDBACK_DATA_DIR: dataDir,
      FEEDBACK_ADMIN_TOKEN: TOKEN,
    });
    const stored = await storedIds(server.base);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});

describe('the collector and its database file', () => {
  it('holds the file, so another process can neither lock it nor stall posts', async () => {
    const heldData = join(scratch, 'held-data');
    const server = await startServer({ HANKINTAPOLKU_DIST_DIR: distDir, FEEDBACK_DATA_DIR: heldData });
    const other = new DatabaseSync(join(heldData, 'feedback.sqlite'), { timeout: 0 });
    try {
      // Before, a backup or an sqlite3 shell could take the write lock and every post waited for it.
      expect(() => other.exec('BEGIN EXCLUSIVE')).toThrow(/locked/);
      expect(() => other.prepare('SELECT count(*) FROM feedback').get()).toThrow(/locked/);
      const posts = await Promise.all(Array.from({ length: 5 }, () => post(server.base, item())));
      expect(posts.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    } finally {
      other.close();
      await server.stop();
    }
  });

  it('refuses to start on a file another process holds, in one line with what to do', async () => {
    const heldData = join(scratch, 'held-at-start');
    mkdirSync(heldData, { recursive: true });
    const other = new DatabaseSync(join(heldData, 'feedback.sqlite'));
    try {
      other.exec('BEGIN EXCLUSIVE; CREATE TABLE held (x); ');
      const { code, stderr } = await runServerToExit({ HANKINTAPOLKU_DIST_DIR: distDir, FEEDBACK_DATA_DIR: heldData });
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(heldData);
      expect(lines[0]).toMatch(/another process has the file open.*FEEDBACK_DATA_DIR/);
    } finally {
      other.close();
    }
  });

  it('answers posts 503 with Retry-After while the disk refuses writes, logs one line each, never delays a page, and recovers', async () => {
    const limitedData = join(scratch, 'limited-data');
    // A file-size limit makes every write past 160 KB fail as a full disk would (EFBIG instead of ENOSPC).
    const server = await startServer(
      {
        HANKINTAPOLKU_DIST_DIR: distDir,
        FEEDBACK_DATA_DIR: limitedData,
        FEEDBACK_ADMIN_TOKEN: TOKEN,
        FEEDBACK_RATE_LIMIT: '100000',
      },
      ['prlimit', '--fsize=160000:unlimited', process.execPath, 'server/start.ts'],
    );
    try {
      const acknowledged: string[] = [];
      let refused: Response | undefined;
      for (let n = 0; n < 200 && !refused; n++) {
        const sent = item();
        const response = await post(server.base, sent);
        if (response.status === 201) acknowledged.push(sent.id);
        else refused = response;
      }
      expect(refused?.status).toBe(503);
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
      const before = server.output().length;
      const started = Date.now();
      const pages = (async () => {
        const times: number[] = [];
        while (Date.now() - started < 1500) {
          const t = performance.now();
          expect((await send(server.base, 'GET', '/'))?.status).toBe(200);
          times.push(performance.now() - t);
        }
        return times;
      })();
      const posts = await Promise.all(Array.from({ length: 5 }, () => post(server.base, item())));
      expect(posts.map((response) => response.status)).toEqual([503, 503, 503, 503, 503]);
      const times = (await pages).sort((a, b) => a - b);
      expect(times[Math.floor(times.length / 2)]).toBeLessThan(50);
      const logLines = () => server.output().slice(before).split('\n').filter(Boolean);
      // The log lines travel through a pipe; give them a moment.
      for (let wait = 0; wait < 40 && logLines().length < 5; wait++) await new Promise((r) => setTimeout(r, 50));
      const logged = logLines();
      expect(logged, logged.join('\n')).toHaveLength(5);
      expect(logged.every((line) => /^Feedback \S+ not stored \(\w+\): /.test(line))).toBe(true);
      // The disk has room again: posts are stored, and nothing acknowledged before was lost.
      execFileSync('prlimit', ['--pid', String(server.child.pid), '--fsize=unlimited']);
      const again = item();
      expect((await post(server.base, again)).status).toBe(201);
      const stored = await storedIds(server.base);
      expect([...acknowledged, again.id].filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('start-up', () => {
  it('refuses an unusable data folder with one line naming the path and the setting', async () => {
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, 'x');
    const bad = join(file, 'data');
    const { code, stdout, stderr } = await runServerToExit({ HANKINTAPOLKU_DIST_DIR: distDir, FEEDBACK_DATA_DIR: bad });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(bad);
    expect(lines[0]).toMatch(/^FEEDBACK_DATA_DIR: /);
  });

  it('refuses an admin token shorter than 32 characters, saying how long it must be', async () => {
    const { code, stderr } = await runServerToExit({
      HANKINTAPOLKU_DIST_DIR: distDir,
      FEEDBACK_DATA_DIR: join(scratch, 'token-data'),
      FEEDBACK_ADMIN_TOKEN: 'short-token',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^FEEDBACK_ADMIN_TOKEN is 11 characters long; use at least 32/);
  });

  it('frames only for the origins the deployer lists', async () => {
    const server = await startServer({
      HANKINTAPOLKU_DIST_DIR: distDir,
      FEEDBACK_DATA_DIR: join(scratch, 'frame-data'),
      FRAME_ANCESTORS: 'https://intra.example.fi',
    });
    try {
      const answer = await send(server.base, 'GET', '/');
      expect(String(answer?.headers['content-security-policy'])).toMatch(
        /frame-ancestors https:\/\/intra\.example\.fi$/,
      );
    } finally {
      await server.stop();
    }
    const refused = await runServerToExit({ HANKINTAPOLKU_DIST_DIR: distDir, FRAME_ANCESTORS: 'intra.example.fi' });
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringMatching(/^FRAME_ANCESTORS: "intra\.example\.fi"/),
    ]);
  });
});
