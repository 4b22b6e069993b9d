import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import type { CourseManifest } from '../../src/schemas/manifest';
import { PACKAGE_PATH, serveLms } from './lmsPackage';

/*
 * Pilot feedback from inside the LMS: the Finnish package, built with an absolute
 * PUBLIC_FEEDBACK_ENDPOINT (npm run test:lms sets it), sends feedback across origins to the real
 * collector (server/start.ts with its own SQLite file). The stand-in LMS serves the package from
 * 127.0.0.1, the collector answers on localhost, so the browser treats every request as cross-origin
 * and the collector's origin allowlist has to let it through.
 */
const zip = 'dist-lms/hankintapolku-scorm12-fi.zip';
const endpoint = process.env['PUBLIC_FEEDBACK_ENDPOINT'] ?? '';
const TOKEN = 'lms-feedback-review-token-0123456789abcdef';

test.describe.configure({ mode: 'serial', timeout: 120_000 });
if (!existsSync(zip)) throw new Error('No package to test: run `npm run test:lms`, which builds it first.');
if (!/^https?:\/\//.test(endpoint))
  throw new Error('Set PUBLIC_FEEDBACK_ENDPOINT to an absolute address, as npm run test:lms does.');

let lms: Awaited<ReturnType<typeof serveLms>>;
let manifest: CourseManifest;
let dataDir: string;
let collector: ChildProcess | undefined;

/** Starts server/start.ts on the endpoint's host and port, allowing only the stand-in LMS's origin. */
async function startCollector(): Promise<void> {
  const url = new URL(endpoint);
  collector = spawn(process.execPath, ['server/start.ts'], {
    env: {
      ...process.env,
      HOST: url.hostname,
      PORT: url.port,
      HANKINTAPOLKU_DIST_DIR: lms.dir,
      FEEDBACK_DATA_DIR: dataDir,
      FEEDBACK_ADMIN_TOKEN: TOKEN,
      FEEDBACK_ALLOWED_ORIGINS: lms.origin,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await expect
    .poll(
      async () => (await fetch(endpoint, { headers: { authorization: `Bearer ${TOKEN}` } }).catch(() => null))?.status,
      {
        timeout: 30_000,
      },
    )
    .toBe(200);
}

async function stopCollector(): Promise<void> {
  const running = collector;
  collector = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  await exited;
}

/** The texts the collector has stored, read through its review API. */
async function storedTexts(): Promise<string[]> {
  const response = await fetch(endpoint, { headers: { authorization: `Bearer ${TOKEN}` } });
  const body = (await response.json()) as { items: { text: string; moduleId?: string; lessonId?: string }[] };
  return body.items.map((item) => `${item.moduleId ?? ''}/${item.lessonId ?? ''}: ${item.text}`);
}

test.beforeAll(async () => {
  lms = await serveLms(zip);
  const file = readdirSync(lms.dir).find((f) => /^course-manifest\.\w+\.json$/.test(f)) ?? '';
  manifest = JSON.parse(readFileSync(join(lms.dir, file), 'utf8')) as CourseManifest;
  // The package must carry the configured collector as it is, not made relative to the package.
  const scripts = readdirSync(join(lms.dir, '_astro')).map((f) => readFileSync(join(lms.dir, '_astro', f), 'utf8'));
  if (!scripts.some((code) => code.includes(endpoint)))
    throw new Error(`The package was not built with PUBLIC_FEEDBACK_ENDPOINT=${endpoint}`);
  dataDir = mkdtempSync(join(tmpdir(), 'hankintapolku-lms-feedback-'));
  await startCollector();
});
test.afterAll(async () => {
  await stopCollector();
  lms.server.close();
  rmSync(lms.dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Launches the package in the stand-in LMS and opens the address inside it; returns the course's frame. */
async function openInLms(page: Page, path: string): Promise<Frame> {
  await page.goto(`${lms.origin}/`);
  await expect(page.frameLocator('#sco').frameLocator('#course').locator('h1')).toBeVisible();
  const frame = page.frames().find((f) => f.parentFrame()?.url().endsWith('scorm-launch.html'));
  if (!frame) throw new Error('The launch page shows no course');
  await frame.goto(new URL(path, `${lms.origin}${encodeURI(PACKAGE_PATH)}`).href);
  return frame;
}

/** Writes a comment in the lesson's feedback form and saves it. */
async function giveFeedback(course: Frame, text: string): Promise<void> {
  await course.getByText('Anna palautetta', { exact: true }).last().click();
  await expect(course.getByLabel('Kommentti')).toBeEnabled();
  await course.getByLabel('Kommentti').check();
  await course.getByLabel('Palautteesi').fill(text);
  await course.getByRole('button', { name: 'Tallenna ja lähetä palaute' }).click();
  await expect(course.getByRole('status').filter({ hasText: 'Palaute tallennettu' })).toBeFocused();
}

function firstLesson(): { moduleId: string; lessonId: string } {
  const module = manifest.modules[0];
  const lesson = module?.lessons[0];
  if (!module || !lesson) throw new Error('The course has no lessons');
  return { moduleId: module.id, lessonId: lesson.id };
}

test('a comment given in a lesson inside the LMS reaches the collector across origins', async ({ page }) => {
  const { moduleId, lessonId } = firstLesson();
  const course = await openInLms(page, `moduulit/${moduleId}/${lessonId}/index.html`);
  const text = 'Esimerkki hankintalain kynnysarvoista auttoi.';
  await giveFeedback(course, text);
  await expect.poll(storedTexts).toContain(`${moduleId}/${lessonId}: ${text}`);

  await course.goto(new URL('palaute/index.html', `${lms.origin}${encodeURI(PACKAGE_PATH)}`).href);
  const row = course.locator('tr', { hasText: 'kynnysarvoista' });
  await expect(row).toHaveAttribute('data-feedback-state', 'sent');
  expect(lms.outside).toEqual([]);
});

test('with the collector stopped the comment waits in the outbox, and goes once it is back', async ({ page }) => {
  const { moduleId, lessonId } = firstLesson();
  await stopCollector();
  const course = await openInLms(page, `moduulit/${moduleId}/${lessonId}/index.html`);
  const text = 'Tarjousten vertailun esimerkki jäi epäselväksi.';
  await giveFeedback(course, text);

  await course.goto(new URL('palaute/index.html', `${lms.origin}${encodeURI(PACKAGE_PATH)}`).href);
  const row = course.locator('tr', { hasText: 'vertailun esimerkki' });
  await expect(row).toHaveAttribute('data-feedback-state', 'waiting');
  await expect(row).toContainText('Odottaa lähetystä');

  await startCollector();
  await course.getByRole('button', { name: 'Yritä lähettää nyt' }).click();
  await expect(row).toHaveAttribute('data-feedback-state', 'sent');
  await expect.poll(storedTexts).toContain(`${moduleId}/${lessonId}: ${text}`);
  expect(lms.outside).toEqual([]);
});
