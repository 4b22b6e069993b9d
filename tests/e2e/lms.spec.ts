import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import type { CourseManifest } from '../../src/schemas/manifest';
import type { ProgressDocument } from '../../src/schemas/progress';
import { encodeSuspendData } from '../../src/lms/suspendData';
import { passQuiz } from './helpers';
import { PACKAGE_PATH, serveLms } from './lmsPackage';

/*
 * The Finnish SCORM 1.2 package (npm run build:lms) inside a stand-in LMS running scorm-again's
 * SCORM 1.2 run-time: launched in a frame, as Moodle does, from a deep address.
 */
const zip = 'dist-lms/hankintapolku-scorm12-fi.zip';
type Call = string[];

test.describe.configure({ mode: 'serial', timeout: 120_000 });
if (!existsSync(zip)) throw new Error('No package to test: run `npm run test:lms`, which builds it first.');

let lms: Awaited<ReturnType<typeof serveLms>>;
let manifest: CourseManifest;
let storedCmi: unknown;

test.beforeAll(async () => {
  lms = await serveLms(zip);
  const file = readdirSync(lms.dir).find((f) => /^course-manifest\.\w+\.json$/.test(f)) ?? '';
  manifest = JSON.parse(readFileSync(join(lms.dir, file), 'utf8')) as CourseManifest;
});
test.afterAll(() => {
  lms.server.close();
  rmSync(lms.dir, { recursive: true, force: true });
});

/** Opens the stand-in LMS, optionally with the CMI data it stored before; returns the course's frame. */
async function launch(page: Page, cmi?: unknown): Promise<Frame> {
  if (cmi)
    await page.addInitScript((stored) => ((window as unknown as { storedCmi: unknown }).storedCmi = stored), cmi);
  await page.goto(`${lms.origin}/`);
  const course = page.frameLocator('#sco').frameLocator('#course');
  await expect(course.locator('h1')).toBeVisible();
  const frame = page.frames().find((f) => f.parentFrame()?.url().endsWith('scorm-launch.html'));
  if (!frame) throw new Error('The launch page shows no course');
  return frame;
}
const callsOf = (page: Page): Promise<Call[]> =>
  page.evaluate(() => (window as unknown as { scormCalls: Call[] }).scormCalls);
/** The last value the package set for a CMI element. */
async function lastSet(page: Page, element: string): Promise<string | undefined> {
  const sets = (await callsOf(page)).filter((c) => c[0] === 'LMSSetValue' && c[1] === element);
  return sets.at(-1)?.[2];
}
/** Closes the package the way an LMS does when the learner leaves: its frame goes away. */
async function close(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('sco')?.remove());
  await expect.poll(async () => (await callsOf(page)).some((c) => c[0] === 'LMSFinish')).toBe(true);
}

test('a first launch reports the lessons and the knowledge check done, and finishes on close', async ({ page }) => {
  const course = await launch(page);
  const first = manifest.modules[0];
  if (!first) throw new Error('The course has no modules');
  // The home's links lead into the package, wherever the LMS serves it.
  await course.locator(`a[href$="moduulit/${first.id}/index.html"]`).first().click();
  await expect(course.locator('h1')).toHaveText(first.title.fi);
  await course
    .locator(`a[data-lesson-id="${first.lessons[0]?.id ?? ''}"]`)
    .first()
    .click();
  for (const lesson of first.lessons) {
    await expect(course.locator('h1')).toHaveText(lesson.title.fi);
    await course.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await expect.poll(() => lastSet(page, 'cmi.core.lesson_status')).toBe('incomplete');
  }
  await expect.poll(() => course.url()).toMatch(/osaamistesti\/index\.html(#main)?$/);
  await passQuiz(course, 'Tarkista vastaukset');
  await expect(course.getByRole('status').filter({ hasText: '%' })).toBeVisible();

  await expect.poll(() => lastSet(page, 'cmi.core.lesson_location')).toBe(first.id);
  await expect
    .poll(async () => JSON.parse((await lastSet(page, 'cmi.suspend_data')) ?? '{}') as unknown)
    .toMatchObject({
      q: { [first.id]: [expect.any(Number), 10_000, expect.any(Number), expect.any(Number)] },
    });
  const suspendData = (await lastSet(page, 'cmi.suspend_data')) ?? '';
  expect(suspendData.length).toBeLessThanOrEqual(4096);
  expect(await lastSet(page, 'cmi.core.exit')).toBe('suspend');
  // No score yet: one check of seven would read as a failed course.
  expect(await lastSet(page, 'cmi.core.score.raw')).toBeUndefined();

  await close(page);
  const calls = await callsOf(page);
  const names = calls.map((c) => c[0]);
  expect(names[0]).toBe('LMSInitialize');
  expect(calls[0]?.at(-1)).toBe('true');
  expect(calls.slice(1, 2)).toEqual([['LMSGetValue', 'cmi.suspend_data', '']]);
  expect(names.slice(-3)).toEqual(['LMSSetValue', 'LMSCommit', 'LMSFinish']);
  expect(calls.at(-3)?.[1]).toBe('cmi.core.session_time');
  expect(calls.at(-3)?.[2]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  expect(
    calls.filter((c) => c[0] === 'LMSSetValue' || c[0] === 'LMSCommit' || c[0] === 'LMSFinish').map((c) => c.at(-1)),
  ).not.toContain('false');
  expect(lms.outside).toEqual([]);
  storedCmi = await page.evaluate(() => (window as unknown as { storedCmiNow: () => unknown }).storedCmiNow());
});

test('a launch on another computer finds the progress the LMS stored', async ({ browser }) => {
  if (!storedCmi) throw new Error('The first launch stored no CMI data to relaunch with.');
  const context = await browser.newContext();
  const page = await context.newPage();
  const course = await launch(page, storedCmi);
  const first = manifest.modules[0];
  await expect(course.locator(`[data-module-id="${first?.id ?? ''}"]`).first()).toHaveAttribute(
    'data-progress',
    'completed',
  );
  const second = manifest.modules[1];
  await expect(course.locator(`[data-module-id="${second?.id ?? ''}"]`).first()).toHaveAttribute(
    'data-progress',
    'not-started',
  );
  const calls = await callsOf(page);
  expect(calls[1]?.[1]).toBe('cmi.suspend_data');
  expect(calls[1]?.[2]).not.toBe('');
  await context.close();
});

test('finishing the last knowledge check reports the course passed with its score', async ({ browser }) => {
  // The LMS holds every lesson and check done but the last module's check.
  const at = (minute: number): string => new Date(Date.UTC(2026, 10, 1) + minute * 60_000).toISOString();
  const last = manifest.modules.at(-1);
  if (!last) throw new Error('The course has no modules');
  const doc: ProgressDocument = {
    kind: 'hankintapolku.progress',
    schemaVersion: 2,
    contentVersion: manifest.contentVersion,
    updatedAt: at(500),
    courseStartedAt: at(0),
    lessons: {},
    quizzes: {},
    notes: {},
  };
  for (const module of manifest.modules) {
    for (const lesson of module.lessons)
      doc.lessons[`${module.id}/${lesson.id}`] = { firstOpenedAt: at(1), completedAt: at(2) };
    if (module !== last) doc.quizzes[module.id] = { attempts: 1, bestScore: 1, passedAt: at(3), lastAttemptAt: at(3) };
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const course = await launch(page, {
    cmi: { suspend_data: encodeSuspendData(doc), core: { lesson_status: 'incomplete' } },
  });
  await course.goto(
    new URL(`moduulit/${last.id}/osaamistesti/index.html`, `${lms.origin}${encodeURI(PACKAGE_PATH)}`).href,
  );
  await passQuiz(course, 'Tarkista vastaukset');
  await expect.poll(() => lastSet(page, 'cmi.core.lesson_status')).toBe('passed');
  expect(await lastSet(page, 'cmi.core.score.raw')).toBe('100');
  expect(await lastSet(page, 'cmi.core.score.min')).toBe('0');
  expect(await lastSet(page, 'cmi.core.score.max')).toBe('100');
  expect(await lastSet(page, 'cmi.core.exit')).toBe('');
  await close(page);
  expect(lms.outside).toEqual([]);
  await context.close();
});

test('a value the LMS refuses is shown to the learner with the LMS’s error', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const course = await launch(page);
  await page.evaluate(() => ((window as unknown as { refusing: boolean }).refusing = true));
  const first = manifest.modules[0];
  await course.goto(
    new URL(
      `moduulit/${first?.id ?? ''}/${first?.lessons[0]?.id ?? ''}/index.html`,
      `${lms.origin}${encodeURI(PACKAGE_PATH)}`,
    ).href,
  );
  await course.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
  const alert = page.frameLocator('#sco').getByRole('alert');
  await expect(alert).toContainText('Oppimisympäristö ei ottanut vastaan tietoja suorituksestasi');
  const refused = (await callsOf(page)).filter((c) => c[0] === 'LMSSetValue' && c.at(-1) === 'false');
  expect(refused.length).toBeGreaterThan(0);
  await expect(alert).toContainText('(101: ');
  await context.close();
});

test('search works inside the package and its results lead to the lessons there', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const course = await launch(page);
  const module = manifest.modules[1] ?? manifest.modules[0];
  const lesson = module?.lessons[0];
  if (!module || !lesson) throw new Error('no lessons');
  const word = lesson.title.fi.split(/[\s,.:;–-]+/).sort((a, b) => b.length - a.length)[0] ?? '';
  await course.getByRole('link', { name: 'Haku' }).first().click();
  await course.getByLabel('Hae kurssilta').fill(word);
  await course.getByRole('button', { name: 'Hae' }).click();
  const result = course.locator(`.search-results a[href*="moduulit/${module.id}/${lesson.id}/index.html"]`);
  await expect(result).toBeVisible();
  await result.click();
  await expect(course.locator('h1')).toHaveText(lesson.title.fi);
  expect(lms.outside).toEqual([]);
  await context.close();
});
