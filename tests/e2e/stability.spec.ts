import { expect, test } from '@playwright/test';
import { pagePaths } from '../../scripts/lib/benchPageWeight';

// Nothing on a page may jump while it loads and its islands hydrate: a learner who has started
// reading or is about to press a button must not lose their place. Layout shifts are counted as
// Chromium reports them (the CLS of Lighthouse, without its timings), on a phone-sized screen,
// for a returning learner.
test.use({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });

const pages = [
  { name: 'home', path: pagePaths.home },
  { name: 'a module overview', path: pagePaths.module },
  { name: 'a knowledge check', path: pagePaths.quiz },
  { name: 'the development plan', path: pagePaths.plan },
];

for (const { name, path } of pages) {
  test(`${name} does not shift while it loads and hydrates`, async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // A returning learner with a lesson in progress, so status marks and the resume link change on load.
    await page.goto(pagePaths.module);
    await page.locator('.lesson-list a[data-lesson-id]').first().click();
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    // Islands below the fold (client:visible) wait for the learner to scroll to them.
    await expect(page.locator('astro-island[ssr]:not([client="visible"])')).toHaveCount(0);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
    const total = shifts.reduce((sum, value) => sum + value, 0);
    expect(total, `layout shifts: ${shifts.join(', ') || 'none'}`).toBeLessThanOrEqual(0.02);
  });
}
