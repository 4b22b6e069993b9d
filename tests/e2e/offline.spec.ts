import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServiceWorker } from '../../scripts/buildServiceWorker.mjs';
import { precompress } from '../../scripts/precompress.mjs';
import { t } from '../../src/i18n/ui';
import { axeClean, crawl, manifestOf, passQuiz } from './helpers';
import { freePort, startServer } from '../../scripts/lib/serverProcess';

const repoRoot = join(import.meta.dirname, '..', '..');

/** The worker has precached everything, is active and controls the page. */
async function offlineReady(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test.describe('offline', () => {
  test('after the first visit the whole course works with no network, in both languages, and progress is kept', async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    const manifest = await manifestOf(page);
    await offlineReady(page);
    // Progress needs the course manifest, so the worker must have it whatever the HTTP cache holds.
    const manifestHref = await page.locator('link#course-manifest').evaluate((link: HTMLLinkElement) => link.href);
    const precached = await page.evaluate(async (href) => {
      for (const name of await caches.keys()) if (await (await caches.open(name)).match(href)) return true;
      return false;
    }, manifestHref);
    expect(precached, `${manifestHref} is precached`).toBe(true);
    await expect(page.locator('.net-status')).toHaveText('Verkossa');
    const { pages: paths } = await crawl(baseURL ?? '');
    expect(paths.length).toBeGreaterThan(100);

    await context.setOffline(true);
    await expect(page.locator('.net-status')).toHaveText('Ei verkkoyhteyttä');

    // Every page reachable from the home pages (lessons, search, notes, certificate, self-study tools,
    // feedback, in both languages) must then answer from the cache.
    const failed = await page.evaluate(
      async (list) =>
        (
          await Promise.all(
            list.map(async (p) =>
              (await fetch(p).then(
                (r) => r.ok,
                () => false,
              ))
                ? ''
                : p,
            ),
          )
        ).filter(Boolean),
      paths,
    );
    expect(failed).toEqual([]);

    // Lessons never visited open as pages, in Finnish and in English.
    const module = manifest.modules[3] ?? manifest.modules[0];
    const other = manifest.modules[4] ?? manifest.modules[0];
    if (!module || !other) throw new Error('no modules');
    const lesson = module.lessons[1] ?? module.lessons[0];
    const englishLesson = other.lessons[0];
    if (!lesson || !englishLesson) throw new Error('no lessons');
    await page.goto(`/en/modules/${other.id}/${englishLesson.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(englishLesson.title.en);
    await expect(page.locator('.net-status')).toHaveText('Offline');

    // Search, with the query in the address as a learner would bookmark it.
    const word = englishLesson.title.en.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? '';
    await page.goto(`/en/search/?q=${encodeURIComponent(word)}`);
    await expect(page.getByLabel('Search the course')).toHaveValue(word);
    await expect(page.locator(`.search-results a[href$="/en/modules/${other.id}/${englishLesson.id}/"]`)).toBeVisible();
    await page.goto('/haku/');
    const fiWord = lesson.title.fi.split(/[\s,.:;–-]+/).sort((a, b) => b.length - a.length)[0] ?? '';
    await page.getByLabel('Hae kurssilta').fill(fiWord);
    await page.getByRole('button', { name: 'Hae' }).click();
    await expect(page.locator(`.search-results a[href$="/moduulit/${module.id}/${lesson.id}/"]`)).toBeVisible();

    // A lesson completed and a knowledge check passed offline.
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title.fi);
    await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));
    await page.goto(`/moduulit/${module.id}/osaamistesti/`);
    await passQuiz(page, 'Tarkista vastaukset');
    await expect(page.getByRole('status').filter({ hasText: '%' })).toContainText('Läpäisit');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');

    // Reloaded offline, everything is still there.
    await page.goto(`/moduulit/${module.id}/`);
    await page.reload();
    await expect(page.locator(`.lesson-list [data-lesson-id="${lesson.id}"]`)).toHaveAttribute(
      'data-progress',
      'completed',
    );
    await expect(page.locator(`main a[data-quiz-module="${module.id}"]`)).toHaveAttribute('data-progress', 'completed');

    // An address the course does not have gets the offline page of its language.
    await page.goto('/moduulit/ei-ole-olemassa/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ei verkkoyhteyttä');
    await axeClean(page);
    await page.goto('/en/no-such-page/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
    await axeClean(page);

    await context.setOffline(false);
    await expect(page.locator('.net-status')).toHaveText('Online');
  });

  test('My data says the course is available offline and how much is saved for it', async ({ page }) => {
    await page.goto('/en/my-data/');
    await offlineReady(page);
    const status = page.locator('[data-offline-status]');
    await expect(status).toHaveAttribute('data-offline-status', 'ready');
    await expect(status).toContainText('The course works offline in this browser.');
    await expect(status).toContainText(/The course takes about [\d.]+ MB of space on this device\./);
  });

  test('when the browser cannot store the course, the site keeps working online and My data says offline use isn’t available', async ({
    page,
    context,
    baseURL,
  }) => {
    const cdp = await context.newCDPSession(page);
    // Far less than the precache needs: the worker's install fails as it would on a full disk.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL ?? '').origin, quotaSize: 300_000 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/omat-tiedot/');
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'failed', { timeout: 60_000 });
    await expect(page.locator('[data-offline-status]')).toContainText('Kurssia ei voi käyttää ilman verkkoyhteyttä');
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    const manifest = await manifestOf(page);
    const module = manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));
    expect(errors).toEqual([]);
  });

  test('without service workers the site works online as before', async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/en/my-data/');
    await expect(page.locator('[data-offline-status]')).not.toHaveAttribute('data-offline-status', 'checking');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My data');
    await page.goto('/en/search/');
    await expect(page.locator('.net-status')).toHaveText('Online');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the offline pages pass axe in both languages', async ({ page }) => {
    for (const path of ['/ei-yhteytta/', '/en/offline/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await axeClean(page);
    }
  });
});

// ---- Updates: a second server serves build v1 from a folder, which is then replaced by build v2 ----

async function serve(distDir: string, dataDir: string, port: number): Promise<() => Promise<void>> {
  return (await startServer(distDir, dataDir, port)).stop;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/**
 * Build v2 from a copy of the built site: the lesson island's chunk gets a new name (so v1's chunk is
 * gone from the server, as after a real deploy) and the footer says "v2"; then the worker and the
 * compressed copies are made again over the copy, exactly as the build does.
 */
async function makeVersion2(from: string, to: string): Promise<{ oldChunk: string; newChunk: string }> {
  cpSync(from, to, { recursive: true, filter: (source) => !/\.(br|gz)$/.test(source) });
  const oldChunk = readdirSync(join(to, '_astro')).find((name) => /^MarkDone\..+\.js$/.test(name));
  if (!oldChunk) throw new Error('no MarkDone chunk in the build');
  const newChunk = oldChunk.replace(/^MarkDone\./, 'MarkDone.v2');
  rmSync(join(to, '_astro', oldChunk));
  cpSync(join(from, '_astro', oldChunk), join(to, '_astro', newChunk));
  for (const file of filesUnder(to).filter((f) => /\.(html|js)$/.test(f) && !f.endsWith('sw.js'))) {
    const text = readFileSync(file, 'utf8');
    const next = text
      .replaceAll(oldChunk, newChunk)
      .replace(t('fi', 'footer.text'), `${t('fi', 'footer.text')} Versio 2.`)
      .replace(t('en', 'footer.text'), `${t('en', 'footer.text')} Version 2.`);
    if (next !== text) writeFileSync(file, next);
  }
  await buildServiceWorker(to);
  await precompress(to);
  return { oldChunk, newChunk };
}

test.describe('updates', () => {
  test('a new version never breaks the open tab and takes over only when the learner presses Update', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const scratch = mkdtempSync(join(tmpdir(), 'hankintapolku-update-'));
    const site = join(scratch, 'site');
    const v2 = join(scratch, 'v2');
    const dist = join(repoRoot, 'dist');
    cpSync(dist, site, { recursive: true });
    const port = await freePort();
    let stop = await serve(site, join(scratch, 'data'), port);
    try {
      const origin = `http://127.0.0.1:${port}`;
      await page.goto(`${origin}/`);
      const manifest = await manifestOf(page);
      const module = manifest.modules[1] ?? manifest.modules[0];
      const [first, second, third] = module?.lessons ?? [];
      if (!module || !first || !second || !third) throw new Error('the test needs a module of three lessons');
      await page.goto(`${origin}/moduulit/${module.id}/${first.id}/`);
      await offlineReady(page);
      await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
      await page.waitForURL((url) => url.pathname === `/moduulit/${module.id}/${second.id}/`);
      await offlineReady(page);

      // Deploy v2: the folder's content is replaced and the server restarted over it.
      const { oldChunk, newChunk } = await makeVersion2(dist, v2);
      await stop();
      rmSync(site, { recursive: true });
      cpSync(v2, site, { recursive: true });
      stop = await serve(site, join(scratch, 'data'), port);
      expect((await page.request.get(`${origin}/_astro/${oldChunk}`)).status()).toBe(404);

      await page.evaluate(() => {
        (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
      });
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const prompt = page.getByRole('status').filter({ hasText: 'Kurssista on saatavilla uusi versio' });
      await expect(prompt).toBeVisible({ timeout: 60_000 });
      const update = prompt.getByRole('button', { name: 'Päivitä' });
      await expect(update).not.toBeFocused();
      // Nothing takes over or reloads by itself.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
        true,
      );
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
        true,
      );

      // The open tab keeps working on v1: another lesson, with v1's island chunk that the server no longer has.
      await page
        .getByRole('navigation', { name: 'Edellinen ja seuraava oppitunti' })
        .getByRole('link', { name: /Seuraava/ })
        .click();
      await page.waitForURL((url) => url.pathname === `/moduulit/${module.id}/${third.id}/`);
      await expect(page.locator('astro-island[component-url*="MarkDone"]')).toHaveAttribute(
        'component-url',
        `/_astro/${oldChunk}`,
      );
      await expect(page.locator('.site-footer')).not.toContainText('Versio 2');
      await expect(prompt).toBeVisible();
      await axeClean(page);

      // The prompt is reachable by keyboard; Update reloads once, into v2, with progress intact.
      await page.locator('body').focus();
      for (let i = 0; i < 20 && !(await update.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(update).toBeFocused();
      const reloaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await reloaded;
      await expect(page.locator('.site-footer')).toContainText('Versio 2');
      await expect(page.locator('astro-island[component-url*="MarkDone"]')).toHaveAttribute(
        'component-url',
        `/_astro/${newChunk}`,
      );
      await expect(page.getByRole('status').filter({ hasText: 'Kurssista on saatavilla uusi versio' })).toHaveCount(0);
      await expect(page.locator(`.toc [data-lesson-id="${first.id}"]`)).toHaveAttribute('data-progress', 'completed');
      await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(`/${third.id}/`));
    } finally {
      await stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
