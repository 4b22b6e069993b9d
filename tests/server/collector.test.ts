// Starts the real server (`node server/start.ts`) as a child process on a free loopback port, with a
// temporary data folder and a tiny dist/, and talks to it over HTTP like a browser or a reviewer would.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../server/collector/db';
import { item, post, startServer as start, type Running } from './serverProcess';

const TOKEN = 'test-admin-token-0123456789-abcdef';
const scratch = mkdtempSync(join(tmpdir(), 'hankintapolku-collector-'));
const distDir = join(scratch, 'dist');
const startServer = (env: Record<string, string>): Promise<Running> =>
  start({ HANKINTAPOLKU_DIST_DIR: distDir, ...env });

const admin = (base: string, path: string, token = TOKEN) =>
  fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });

interface Listed {
  count: number;
  items: (ReturnType<typeof item> & { receivedAt: string })[];
}
const list = async (base: string, query = ''): Promise<Listed> =>
  (await (await admin(base, `/api/feedback${query}`)).json()) as Listed;

beforeAll(() => {
  mkdirSync(join(distDir, 'en', '404'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Etusivu</title>');
  writeFileSync(join(distDir, '404.html'), '<!doctype html><title>Sivua ei löytynyt</title>');
  writeFileSync(join(distDir, 'en', '404', 'index.html'), '<!doctype html><title>Page not found</title>');
  // A hashed script with its brotli copy, and a page: what a rebuild replaces under a running server.
  mkdirSync(join(distDir, '_astro'));
  writeFileSync(join(distDir, '_astro', 'app.js'), 'console.log(1);');
  writeFileSync(join(distDir, '_astro', 'app.js.br'), brotliCompressSync('console.log(1);'));
  mkdirSync(join(distDir, 'rebuilt'));
  writeFileSync(join(distDir, 'rebuilt', 'index.html'), '<!doctype html><title>Vanha</title>');
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the collector, with review enabled', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer({
      FEEDBACK_DATA_DIR: join(scratch, 'main-data'),
      FEEDBACK_ADMIN_TOKEN: TOKEN,
      FEEDBACK_ALLOWED_ORIGINS: 'https://pilot.example.fi, http://localhost:3000',
      FEEDBACK_RATE_LIMIT: '10000',
      FEEDBACK_REVIEW_RATE_LIMIT: '10000',
    });
  });
  afterAll(() => server.stop());

  it('stores a valid item, answers 201 and shows it to the reviewer', async () => {
    const sent = item({ rating: 5, name: 'Anna', email: 'anna@example.fi' });
    const response = await post(server.base, sent);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ id: sent.id, status: 'stored' });
    const stored = (await list(server.base)).items.find((row) => row.id === sent.id);
    expect(stored).toMatchObject(sent);
    expect(Date.parse(stored?.receivedAt ?? '')).not.toBeNaN();
  });

  it('stores a retried id once and answers 200 duplicate, keeping the first version', async () => {
    const sent = item({ text: 'First delivery' });
    expect((await post(server.base, sent)).status).toBe(201);
    const retry = await post(server.base, { ...sent, text: 'Second delivery' });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id: sent.id, status: 'duplicate' });
    const matching = (await list(server.base)).items.filter((row) => row.id === sent.id);
    expect(matching.map((row) => row.text)).toEqual(['First delivery']);
  });

  it('stores a UUID once even when its retries arrive at the same moment', async () => {
    const sent = item();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(server.base, sent)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    expect((await list(server.base)).items.filter((row) => row.id === sent.id)).toHaveLength(1);
  });

  it('refuses an invalid item with 400 and one message per field, storing nothing', async () => {
    const before = (await list(server.base)).count;
    const response = await post(server.base, item({ text: '   ', rating: 9, moduleId: 'Intro' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'The feedback is not valid; see fields.',
      fields: {
        text: 'Write your feedback: the text is empty.',
        rating: 'The rating must be a whole number from 1 to 5.',
        moduleId: 'The module id must use only lowercase letters, digits and hyphens, e.g. "goals".',
      },
    });
    expect((await list(server.base)).count).toBe(before);
  });

  it('refuses malformed JSON with 400 and says so', async () => {
    const response = await post(server.base, '{"id": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^The body is not valid JSON/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await post(server.base, 'text=hello', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'Send the feedback as JSON, with Content-Type: application/json.' });
  });

  it('refuses a body over 16 KB with 413', async () => {
    const response = await post(server.base, item({ text: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'The body is larger than 16384 bytes.' });
  });

  it('answers 413 as soon as a streamed body passes 16 KB, without waiting for the rest', async () => {
    const { hostname, port } = new URL(server.base);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ hostname, port, path: '/api/feedback', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.setHeader('Content-Type', 'application/json');
      req.on('error', reject);
      // Chunked, with no end: a server that buffered the whole body would never answer.
      req.write('x'.repeat(17 * 1024));
    });
    expect(status).toBe(413);
  });

  it('keeps markup and script in the text verbatim, as JSON data that nothing renders', async () => {
    const text = '<script>alert("x")</script><img src=x onerror=alert(1)> <!-- note --> &amp; </textarea>';
    const sent = item({ text, name: '<b>Mallory</b>' });
    expect((await post(server.base, sent)).status).toBe(201);
    const response = await admin(server.base, '/api/feedback');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const stored = ((await response.json()) as Listed).items.find((row) => row.id === sent.id);
    expect(stored).toMatchObject({ text, name: '<b>Mallory</b>' });
  });

  it('filters the review list by module, lesson, type and since', async () => {
    const a = item({ moduleId: 'support', lessonId: 'services', type: 'wish' });
    const b = item({ moduleId: 'support', lessonId: 'contacts', type: 'question' });
    const c = item({ moduleId: 'support', lessonId: 'services', type: 'question' });
    for (const sent of [a, b, c]) expect((await post(server.base, sent)).status).toBe(201);
    const ids = async (query: string) => (await list(server.base, query)).items.map((row) => row.id);
    expect(await ids('?module=support')).toEqual([a.id, b.id, c.id]);
    expect(await ids('?module=support&lesson=services')).toEqual([a.id, c.id]);
    expect(await ids('?module=support&type=question')).toEqual([b.id, c.id]);
    expect(await ids('?since=2999-01-01')).toEqual([]);
    expect((await ids('?since=2000-01-01T00:00:00Z')).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a filter it cannot understand with 400 and the field named', async () => {
    const response = await admin(server.base, '/api/feedback?module=Intro&since=yesterday');
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as { fields: object }).fields)).toEqual(['module', 'since']);
  });

  it('downloads the feedback as CSV with quoting and formula injection neutralised', async () => {
    const sent = item({
      moduleId: 'measurement',
      lessonId: 'indicators',
      text: '=HYPERLINK("http://x"), "ok"\nrivi 2',
    });
    expect((await post(server.base, sent)).status).toBe(201);
    const response = await admin(server.base, '/api/feedback.csv?module=measurement');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="feedback-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // Records end with CRLF; the line break inside the text is a bare LF, so this split is exact.
    const [header, row, end] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      '"id","receivedAt","createdAt","type","rating","moduleId","lessonId","lang","contentVersion","name","email","text"',
    );
    expect(row?.startsWith(`"${sent.id}",`)).toBe(true);
    expect(row?.endsWith(`,"'=HYPERLINK(""http://x""), ""ok""\nrivi 2"`)).toBe(true);
    expect(end).toBe('');
  });

  it('counts feedback per lesson and type in the summary', async () => {
    for (const type of ['comment', 'comment', 'wish']) {
      expect((await post(server.base, item({ moduleId: 'teamwork', lessonId: 'roles', type }))).status).toBe(201);
    }
    const response = await admin(server.base, '/api/feedback/summary?module=teamwork');
    expect(await response.json()).toEqual({
      total: 3,
      lessons: [{ moduleId: 'teamwork', lessonId: 'roles', comment: 2, question: 0, wish: 1, total: 3 }],
    });
  });

  it('hands the reviewer a backup: a sound SQLite copy of every item, made while posts go on', async () => {
    const dataDir = join(scratch, 'main-data');
    const before = (await list(server.base)).count;
    const during = Array.from({ length: 20 }, () => item());
    const [response] = await Promise.all([
      admin(server.base, '/api/feedback/backup'),
      ...during.map((sent) => post(server.base, sent)),
    ]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="feedback-\d{4}-\d{2}-\d{2}\.sqlite"$/,
    );
    const file = join(scratch, 'downloaded-backup.sqlite');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const copy = new DatabaseSync(file, { readOnly: true });
    try {
      expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const rows = Number(copy.prepare('SELECT count(*) AS n FROM feedback').get()?.['n']);
      // Everything stored before the request, and any of the posts that raced it.
      expect(rows).toBeGreaterThanOrEqual(before);
      expect(rows).toBeLessThanOrEqual(before + during.length);
    } finally {
      copy.close();
    }
    // The server's temporary copy is gone once sent.
    for (let wait = 0; wait < 20 && readdirSync(dataDir).some((name) => name.startsWith('.backup-')); wait++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.backup-'))).toEqual([]);
  });

  it('answers 401 without a token and 403 with a wrong one, on every review endpoint', async () => {
    for (const path of ['/api/feedback', '/api/feedback.csv', '/api/feedback/summary', '/api/feedback/backup']) {
      const missing = await fetch(`${server.base}${path}`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await missing.json()) as { error: string }).error).toMatch(/admin token/);
      const wrong = await admin(server.base, path, `${TOKEN}x`);
      expect(wrong.status).toBe(403);
      expect(await wrong.json()).toEqual({ error: 'The admin token is not valid.' });
    }
  });

  it('answers a preflight from an allowed origin and lets it post', async () => {
    const origin = 'https://pilot.example.fi';
    const preflight = await fetch(`${server.base}/api/feedback`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const response = await post(server.base, item(), { Origin: origin });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('refuses an origin that is not listed, without CORS headers and without storing', async () => {
    const origin = 'https://evil.example.com';
    const preflight = await fetch(`${server.base}/api/feedback`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const sent = item();
    const response = await post(server.base, sent, { Origin: origin });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await list(server.base)).items.some((row) => row.id === sent.id)).toBe(false);
  });

  it('accepts a same-origin post without any CORS headers', async () => {
    const response = await post(server.base, item(), { Origin: server.base });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still serves the course, with each language’s 404 page', async () => {
    expect(await (await fetch(`${server.base}/`)).text()).toContain('Etusivu');
    const fi = await fetch(`${server.base}/ei-ole`);
    expect([fi.status, await fi.text()]).toEqual([404, expect.stringContaining('Sivua ei löytynyt')]);
    const en = await fetch(`${server.base}/en/missing`);
    expect([en.status, await en.text()]).toEqual([404, expect.stringContaining('Page not found')]);
    const api = await fetch(`${server.base}/api/feedback/nothing`);
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/json; charset=utf-8']);
  });
});

describe('the course served while it is rebuilt', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer({ FEEDBACK_DATA_DIR: join(scratch, 'rebuild-data'), FEEDBACK_RATE_LIMIT: '10000' });
  });
  afterAll(() => server.stop());

  it('serves the files as they are now, and a removed one neither stalls nor stops the server', async () => {
    const br = { 'Accept-Encoding': 'br' };
    expect(await (await fetch(`${server.base}/_astro/app.js`, { headers: br })).text()).toBe('console.log(1);');
    expect(await (await fetch(`${server.base}/rebuilt/`)).text()).toContain('Vanha');

    // The rebuild: the brotli copy is gone, the script and the page have new contents of another length.
    unlinkSync(join(distDir, '_astro', 'app.js.br'));
    writeFileSync(join(distDir, '_astro', 'app.js'), 'console.log("uusi versio");');
    writeFileSync(join(distDir, 'rebuilt', 'index.html'), '<!doctype html><title>Uusi, pidempi sivu</title>');

    const script = await fetch(`${server.base}/_astro/app.js`, { headers: br });
    expect([script.status, script.headers.get('content-encoding'), await script.text()]).toEqual([
      200,
      null,
      'console.log("uusi versio");',
    ]);
    expect(await (await fetch(`${server.base}/rebuilt/`)).text()).toContain('Uusi, pidempi sivu');
    expect((await post(server.base, item())).status).toBe(201);
  });
});

describe('the collector, with review off and a low rate limit', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer({ FEEDBACK_DATA_DIR: join(scratch, 'strict-data'), FEEDBACK_RATE_LIMIT: '3' });
  });
  afterAll(() => server.stop());

  it('answers 404 on every review endpoint, with or without a token', async () => {
    for (const path of ['/api/feedback', '/api/feedback.csv', '/api/feedback/summary', '/api/feedback/backup']) {
      expect((await fetch(`${server.base}${path}`)).status).toBe(404);
      const response = await admin(server.base, path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'Not found.' });
    }
  });

  it('answers 429 with Retry-After once a client passes the limit', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(server.base, item())).status);
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await post(server.base, item());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Too many feedback posts/);
  });
});

describe('the collector after a crash', () => {
  it('keeps every acknowledged post through kill -9, and the database stays sound', async () => {
    const dataDir = join(scratch, 'crash-data');
    const env = { FEEDBACK_DATA_DIR: dataDir, FEEDBACK_ADMIN_TOKEN: TOKEN, FEEDBACK_RATE_LIMIT: '100000' };
    const first = await startServer(env);
    const acknowledged: string[] = [];
    let sent = 0;
    // Eight clients post as fast as they can until the server dies under them.
    const client = async (): Promise<void> => {
      while (sent < 5000) {
        const body = item({ text: `burst ${sent++}` });
        try {
          const response = await post(first.base, body);
          if (response.ok) acknowledged.push(body.id);
        } catch {
          return; // the server is gone: this post was never acknowledged
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    first.child.kill('SIGKILL');
    await Promise.all(clients);
    await first.stop();
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServer(env);
    try {
      const stored = new Set<string>((await list(second.base)).items.map((row) => row.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await second.stop();
    }
    const store = openFeedbackStore(dataDir);
    try {
      expect(store.integrityCheck()).toEqual(['ok']);
    } finally {
      store.close();
    }
  });
});
