import { expect, test, type Browser, type Page } from '@playwright/test';
import { manifestOf } from './helpers';
import type { CourseManifest } from '../../src/schemas/manifest';

const MARK_DONE = 'Merkitse tehdyksi ja jatka';
/** Rounds per test; round r uses module r mod 7, so every module is covered at least once. */
const ROUNDS = 10;

/**
 * One round in a fresh browser (empty storage): `tabs` tabs open different lessons of one module,
 * all press "Mark as done and continue" at the same instant, each waits for its next page, and a
 * reloaded tab must show every one of those lessons completed.
 */
async function round(browser: Browser, manifest: CourseManifest, index: number, tabs: number): Promise<string[]> {
  const module = manifest.modules[index % manifest.modules.length];
  if (!module) throw new Error('no module');
  const lessons = module.lessons.slice(0, tabs);
  // No service worker: each round's fresh browser would otherwise precache the whole site first.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const pages: Page[] = [];
    for (const lesson of lessons) {
      const page = await context.newPage();
      await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
      await expect(page.getByRole('button', { name: MARK_DONE })).toBeEnabled();
      pages.push(page);
    }
    // The same wall-clock instant in every tab, so the saves really overlap.
    const at = Date.now() + 300;
    await Promise.all(
      pages.map((page) =>
        page.evaluate(
          ([when, name]) =>
            new Promise<void>((resolve) => {
              const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
              setTimeout(
                () => {
                  button?.click();
                  resolve();
                },
                Math.max(0, when - Date.now()),
              );
            }),
          [at, MARK_DONE] as const,
        ),
      ),
    );
    await Promise.all(
      pages.map((page, i) => page.waitForURL((url) => !url.pathname.endsWith(`/${lessons[i]?.id ?? ''}/`))),
    );
    const check = pages[0];
    if (!check) throw new Error('no tab');
    // A fresh page load: what it shows comes from storage.
    await check.goto(`/moduulit/${module.id}/`);
    await expect(check.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    const lost: string[] = [];
    for (const lesson of lessons) {
      const status = await check.locator(`.lesson-list [data-lesson-id="${lesson.id}"]`).getAttribute('data-progress');
      if (status !== 'completed') lost.push(`round ${String(index + 1)}: ${module.id}/${lesson.id} is ${status}`);
    }
    return lost;
  } finally {
    await context.close();
  }
}

test.describe('several tabs completing lessons at the same moment', () => {
  // Ten rounds of fresh browsers and page loads: longer than one ordinary test.
  test.describe.configure({ timeout: 180_000 });

  for (const tabs of [2, 3]) {
    test(`${String(tabs)} tabs, ${String(ROUNDS)} rounds over every module: no completion is lost`, async ({
      browser,
      page,
    }) => {
      await page.goto('/');
      const manifest = await manifestOf(page);
      const lost: string[] = [];
      for (let r = 0; r < ROUNDS; r++) lost.push(...(await round(browser, manifest, r, tabs)));
      expect(lost).toEqual([]);
    });
  }
});
