import { expect, test } from '@playwright/test';
import { manifestOf } from './helpers';

test.describe('reading the course', () => {
  test('the Finnish home page lists the seven modules in order, each with its progress', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
    const manifest = await manifestOf(page);
    const cards = page.locator('.module-list [data-module-id]');
    await expect(cards).toHaveCount(7);
    await expect(cards.first()).toHaveAttribute('data-progress', /^(not-started|in-progress|completed)$/);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-module-id')))).toEqual(
      manifest.modules.map((m) => m.id),
    );
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a learner goes from home to a module, through its lessons with previous and next', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const manifest = await manifestOf(page);
    const first = manifest.modules[0];
    if (!first) throw new Error('no modules');
    await page.locator(`[data-module-id="${first.id}"] a`).first().click();
    await expect(page).toHaveURL(`/en/modules/${first.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title.en);
    await expect(page.locator('.lesson-list [data-lesson-id]')).toHaveCount(first.lessons.length);

    await page.locator(`.lesson-list [data-lesson-id="${first.lessons[0]?.id}"]`).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.lessons[0]?.title.en ?? '');
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link')).toHaveCount(3);
    const toc = page.getByRole('navigation', { name: 'In this module' });
    await expect(toc.locator('[aria-current="page"]')).toHaveAttribute('data-lesson-id', first.lessons[0]?.id ?? '');

    if (first.lessons.length > 1) {
      await page.getByRole('link', { name: /Next/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.lessons[1]?.title.en ?? '');
      await page.getByRole('link', { name: /Previous/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.lessons[0]?.title.en ?? '');
    }
  });

  test('the language switch keeps the learner on the same lesson, and both twins are linked', async ({ page }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[2] ?? manifest.modules[0];
    const lesson = module?.lessons[module.lessons.length - 1];
    if (!module || !lesson) throw new Error('no lessons');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title.fi);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      'href',
      new RegExp(`/en/modules/${module.id}/${lesson.id}/$`),
    );

    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page).toHaveURL(`/en/modules/${module.id}/${lesson.id}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title.en);

    await page.getByRole('link', { name: 'Lue tämä sivu suomeksi' }).click();
    await expect(page).toHaveURL(`/moduulit/${module.id}/${lesson.id}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('content pages ship no JavaScript of their own', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/en/accessibility/');
    await page.waitForLoadState('networkidle');
    // The one script allowed is the small offline module (worker registration, update prompt, network
    // status), inlined into the page; the service worker it registers is not page JavaScript.
    expect(scripts.filter((url) => new URL(url).pathname !== '/sw.js')).toEqual([]);
    expect(await page.locator('script[type="module"]:not([src])').count()).toBeLessThanOrEqual(1);
  });
});

test.describe('unknown addresses', () => {
  test('an unknown Finnish address gives the Finnish 404 page', async ({ page }) => {
    const response = await page.goto('/moduulit/background/ei-ole-olemassa/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sivua ei löytynyt');
  });

  test('an unknown English address gives the English 404 page', async ({ page }) => {
    const response = await page.goto('/en/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('a lesson id under the wrong language path gives that language’s 404', async ({ page }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[0];
    const lesson = module?.lessons[0];
    const response = await page.goto(`/en/moduulit/${module?.id}/${lesson?.id}/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
