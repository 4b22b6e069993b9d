import { expect, test, type Page } from '@playwright/test';
import { manifestOf, passQuiz } from './helpers';
import type { ManifestModule } from '../../src/schemas/manifest';

/** The English manifest module at `index`. */
async function moduleAt(page: Page, index: number): Promise<ManifestModule> {
  await page.goto('/en/');
  const module = (await manifestOf(page)).modules[index];
  if (!module) throw new Error('no module');
  return module;
}

const lessonPath = (module: ManifestModule, at: number) => `/en/modules/${module.id}/${module.lessons[at]?.id}/`;

async function markDone(page: Page): Promise<void> {
  const url = page.url();
  await page.getByRole('button', { name: 'Mark as done and continue' }).click();
  await page.waitForURL((next) => next.href !== url);
}

test.describe('progress a learner can feel', () => {
  test('the module contents tick finished lessons; module pages and cards count lessons; the button continues', async ({
    page,
  }) => {
    const module = await moduleAt(page, 2);
    const [first, second] = module.lessons;
    if (!first || !second) throw new Error('no lessons');
    const total = module.lessons.length;
    await page.goto(`/en/modules/${module.id}/`);
    await expect(page.locator(`[data-lessons-done-of="${module.id}"]`)).toHaveText(`0 of ${total} lessons done`);
    await expect(page.locator(`[data-module-action="${module.id}"]`)).toHaveText('Start the module');
    await expect(page.locator(`[data-quiz-result-of="${module.id}"]`)).toHaveText(
      'You have not taken the knowledge check yet.',
    );

    await page.goto(lessonPath(module, 0));
    await markDone(page);
    const toc = page.getByRole('navigation', { name: 'In this module' });
    const done = toc.locator(`[data-lesson-id="${first.id}"]`);
    await expect(done).toHaveAttribute('data-progress', 'completed');
    await expect(done.locator('[data-status-text]')).toHaveText('Completed');
    expect(await done.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('✓');
    await expect(toc.locator(`[data-lesson-id="${second.id}"]`)).toHaveAttribute('data-progress', 'in-progress');
    await expect(toc.locator(`[data-lesson-id="${second.id}"] [data-status-text]`)).toHaveText('In progress');

    await page.goto(`/en/modules/${module.id}/`);
    await expect(page.locator(`[data-lessons-done-of="${module.id}"]`)).toHaveText(`1 of ${total} lessons done`);
    const button = page.locator(`[data-module-action="${module.id}"]`);
    await expect(button).toHaveText(`Continue: ${second.title.en}`);
    await expect(button).toHaveAttribute('href', lessonPath(module, 1));
    await expect(page.locator(`[data-module-complete="${module.id}"]`)).toBeHidden();
    await page.goto('/en/');
    await expect(page.locator(`.module-list [data-lessons-done-of="${module.id}"]`)).toHaveText(
      `1 of ${total} lessons done`,
    );
  });

  test('finishing a module says so, shows the check’s result and what comes next, and offers a review', async ({
    page,
  }) => {
    const manifest = await (async () => {
      await page.goto('/en/');
      return manifestOf(page);
    })();
    const module = manifest.modules[5];
    const next = manifest.modules[6];
    if (!module || !next) throw new Error('no module');
    await page.goto(lessonPath(module, 0));
    for (let i = 0; i < module.lessons.length; i++) await markDone(page);
    await passQuiz(page, 'Check answers');
    await expect(page.getByRole('status')).toContainText('Module complete!');
    await expect(page.getByRole('link', { name: `Next module: ${next.title.en}` })).toBeVisible();

    await page.goto(`/en/modules/${module.id}/`);
    const complete = page.locator(`[data-module-complete="${module.id}"]`);
    await expect(complete).toBeVisible();
    await expect(complete).toContainText('Module complete!');
    await expect(complete.getByRole('link', { name: `Next: ${next.title.en}` })).toHaveAttribute(
      'href',
      `/en/modules/${next.id}/`,
    );
    await expect(page.locator(`[data-quiz-result-of="${module.id}"]`)).toHaveText(
      'You passed the knowledge check. Your best result: 100 %.',
    );
    await expect(page.locator(`[data-module-action="${module.id}"]`)).toHaveText('Review the module');
  });

  test('"continue" on the home page goes to the next unfinished lesson, not back to a finished page', async ({
    page,
  }) => {
    const module = await moduleAt(page, 4);
    await page.goto(lessonPath(module, 0));
    await markDone(page);
    await page.goto(`/en/modules/${module.id}/`);
    await expect(page.locator(`[data-lessons-done-of="${module.id}"]`)).toHaveText(/^1 of/);
    await page.goto('/en/');
    const resume = page.getByRole('link', { name: /Continue where you left off/ });
    await expect(resume).toHaveAttribute('href', lessonPath(module, 1));
    await expect(resume).toContainText(module.lessons[1]?.title.en ?? '');
  });

  test('a lesson opens where the learner stopped reading, on resume and in the other language', async ({ page }) => {
    const module = await moduleAt(page, 1);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(lessonPath(module, 1));
    const article = page.locator('article[data-reading]');
    const halfway = await article.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const top = window.scrollY + box.top + box.height / 2;
      window.scrollTo({ top, behavior: 'instant' });
      return top;
    });
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await page.waitForTimeout(700);
    await page.goto('/en/');
    await page.getByRole('link', { name: /Continue where you left off/ }).click();
    await expect(page).toHaveURL(lessonPath(module, 1));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(halfway - 100);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(halfway + 100);

    // The Finnish text of the same lesson opens about halfway through too.
    await page.getByRole('link', { name: 'Lue tämä sivu suomeksi' }).click();
    await expect(page).toHaveURL(`/moduulit/${module.id}/${module.lessons[1]?.id}/`);
    const through = await article.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return -box.top / box.height;
    });
    expect(through).toBeGreaterThan(0.4);
    expect(through).toBeLessThan(0.6);

    // Another lesson opens at the top.
    await page.goto(`/moduulit/${module.id}/${module.lessons[2]?.id}/`);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});

/**
 * Records, from the first animation frame after the next click, what `read` finds in the page: what
 * the browser paints first in answer to the click. Kept in sessionStorage, since the click may open
 * another page before the test reads it.
 */
async function watchFirstFrameAfterClick(page: Page, selector: string): Promise<void> {
  await page.evaluate((watched) => {
    document.addEventListener(
      'click',
      () => {
        requestAnimationFrame(() => {
          sessionStorage.setItem('first-frame', document.querySelector(watched)?.textContent ?? '(gone)');
        });
      },
      { capture: true, once: true },
    );
  }, selector);
}

test.describe('answers to input come in the next frame', () => {
  test('"Mark as done and continue" and "Check answers" change the page in the first frame after the click', async ({
    page,
  }) => {
    const module = await moduleAt(page, 3);
    for (let at = 0; at < module.lessons.length; at++) {
      await page.goto(lessonPath(module, at));
      const button = page.getByRole('button', { name: 'Mark as done and continue' });
      await expect(button).toBeEnabled();
      await watchFirstFrameAfterClick(page, '.mark-done');
      const url = page.url();
      await button.click();
      await page.waitForURL((next) => next.href !== url);
      // The first frame after the click already answers it, before the save and the next page: the
      // button says it is saving, or the lesson already shows as done.
      expect(await page.evaluate(() => sessionStorage.getItem('first-frame'))).toMatch(
        /^Saving…$|^You marked this lesson as done on .+Continue$/,
      );
    }
    await expect(page.getByRole('button', { name: 'Check answers' })).toBeEnabled();
    await expect(page.locator('form.quiz')).toHaveAttribute('data-attempt', /\d+/);
    for (const question of await page.locator('fieldset.question').all())
      await question.locator('input').first().check();
    await watchFirstFrameAfterClick(page, '.quiz-result');
    await page.getByRole('button', { name: 'Check answers' }).click();
    await expect(page.locator('.quiz-result')).toContainText(/\d+ of \d+/);
    expect(await page.evaluate(() => sessionStorage.getItem('first-frame'))).toMatch(/\d+ of \d+/);
  });
});
