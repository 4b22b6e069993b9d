import { expect, test } from '@playwright/test';
import { manifestOf } from './helpers';

test.describe('search', () => {
  test('finds a lesson by a word from its text, in Finnish', async ({ page }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[1] ?? manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lessons');
    // A long word from the lesson's own title is a term the index must know.
    const word = lesson.title.fi.split(/[\s,.:;–-]+/).sort((a, b) => b.length - a.length)[0] ?? '';
    await page.getByRole('link', { name: 'Haku' }).click();
    await page.getByLabel('Hae kurssilta').fill(word);
    await page.getByRole('button', { name: 'Hae' }).click();
    await expect(page.getByRole('status')).toContainText(word);
    await expect(page.locator(`.search-results a[href$="/moduulit/${module.id}/${lesson.id}/"]`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(word)}`));
  });

  test('searches only the English pages in English and keeps the query on reload', async ({ page }) => {
    await page.goto('/en/');
    const manifest = await manifestOf(page);
    const lesson = manifest.modules[0]?.lessons[0];
    const word = lesson?.title.en.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? '';
    await page.goto(`/en/search/?q=${encodeURIComponent(word)}`);
    await expect(page.getByLabel('Search the course')).toHaveValue(word);
    const links = page.locator('.search-results a');
    await expect(links.first()).toBeVisible();
    for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^\/en\//);
    }
  });

  test('says clearly when nothing was found', async ({ page }) => {
    await page.goto('/en/search/');
    await page.getByLabel('Search the course').fill('xyzzyqwerty');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText(
      'No results for “xyzzyqwerty”. Try another word or a shorter search.',
    );
  });
});
