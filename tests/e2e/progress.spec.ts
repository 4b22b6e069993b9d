import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { axeClean, manifestOf, passQuiz } from './helpers';
import type { ManifestModule } from '../../src/schemas/manifest';

async function completeModule(page: Page, module: ManifestModule, lang: 'fi' | 'en'): Promise<void> {
  const base = lang === 'fi' ? '/moduulit' : '/en/modules';
  const markDone = lang === 'fi' ? 'Merkitse tehdyksi ja jatka' : 'Mark as done and continue';
  await page.goto(`${base}/${module.id}/${module.lessons[0]?.id}/`);
  for (const lesson of module.lessons) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title[lang]);
    await page.getByRole('button', { name: markDone }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));
  }
  await expect(page).toHaveURL(new RegExp(`${base}/${module.id}/(osaamistesti|knowledge-check)/`));
  await passQuiz(page, lang === 'fi' ? 'Tarkista vastaukset' : 'Check answers');
  await expect(page.getByRole('status').filter({ hasText: '%' })).toContainText(
    lang === 'fi' ? 'Läpäisit' : 'You passed',
  );
}

/** Opens the page of the course's `index`th module (the first if there are fewer); returns it and its first lesson. */
async function openModulePage(page: Page, index: number): Promise<{ module: ManifestModule; lessonId: string }> {
  await page.goto('/');
  const manifest = await manifestOf(page);
  const module = manifest.modules[index] ?? manifest.modules[0];
  const lesson = module?.lessons[0];
  if (!module || !lesson) throw new Error('no lesson');
  await page.goto(`/moduulit/${module.id}/`);
  return { module, lessonId: lesson.id };
}

/** Completes a lesson in a new tab; `watcher`, open on the lesson's module page, shows it within 1.5 s. */
async function completeInAnotherTab(
  context: BrowserContext,
  watcher: Page,
  moduleId: string,
  lessonId: string,
): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(`/moduulit/${moduleId}/${lessonId}/`);
  await tab.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
  await expect(watcher.locator(`.lesson-list [data-lesson-id="${lessonId}"]`)).toHaveAttribute(
    'data-progress',
    'completed',
    { timeout: 1500 },
  );
}

test.describe('progress', () => {
  test('a learner completes a module end to end, and it stays completed after a reload, in both languages', async ({
    page,
  }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[0];
    if (!module) throw new Error('no module');
    await completeModule(page, module, 'fi');
    await axeClean(page);

    await page.goto('/');
    await page.reload();
    await expect(page.locator(`.module-list [data-module-id="${module.id}"]`)).toHaveAttribute(
      'data-progress',
      'completed',
    );
    await expect(page.locator(`.module-list [data-module-id="${manifest.modules[1]?.id}"]`)).toHaveAttribute(
      'data-progress',
      'not-started',
    );

    await page.goto('/en/');
    await expect(page.locator(`.module-list [data-module-id="${module.id}"]`)).toHaveAttribute(
      'data-progress',
      'completed',
    );
    await expect(page.locator(`.module-list [data-module-id="${module.id}"] [data-status-text]`)).toHaveText(
      'Completed',
    );
    await page.goto(`/en/modules/${module.id}/`);
    for (const lesson of module.lessons) {
      await expect(page.locator(`.lesson-list [data-lesson-id="${lesson.id}"]`)).toHaveAttribute(
        'data-progress',
        'completed',
      );
    }
  });

  test('an opened lesson is in progress and "continue where you left off" goes back to it', async ({ page }) => {
    await page.goto('/en/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[2] ?? manifest.modules[0];
    const lesson = module?.lessons[1] ?? module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/en/modules/${module.id}/${lesson.id}/`);
    await expect(page.locator(`.toc [data-lesson-id="${lesson.id}"]`)).toHaveAttribute('data-progress', 'in-progress');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await page.goto('/');
    await expect(page.locator(`.module-list [data-module-id="${module.id}"]`)).toHaveAttribute(
      'data-progress',
      'in-progress',
    );
    await page.getByRole('link', { name: /Jatka siitä, mihin jäit/ }).click();
    await expect(page).toHaveURL(`/moduulit/${module.id}/${lesson.id}/`);
  });

  test('a reflection answer is saved to the notes and survives a reload', async ({ page }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[1] ?? manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    const answer = page.getByLabel(/Vastauksesi/);
    await answer.fill('Hankintasuunnitelma puuttuu vielä.\nToinen rivi.');
    await expect(page.getByText('Tallennettu.')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await page.reload();
    await expect(page.getByLabel(/Vastauksesi/)).toHaveValue('Hankintasuunnitelma puuttuu vielä.\nToinen rivi.');
    await page.goto('/en/notes/');
    await expect(page.getByRole('heading', { name: module.title.en })).toBeVisible();
    await expect(page.getByText('Hankintasuunnitelma puuttuu vielä.')).toBeVisible();
    await axeClean(page);
  });

  test('options picked before the knowledge check comes alive stay picked and are checked', async ({ page }) => {
    // Hold back the form's script, as a slow phone would, so the options are picked in the built page.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/_astro/QuizForm.*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/en/');
    const module = (await manifestOf(page)).modules[3];
    if (!module) throw new Error('no module');
    await page.goto(`/en/modules/${module.id}/knowledge-check/`);
    const island = page.locator('astro-island', { has: page.locator('form.quiz') });
    await expect(island).toHaveAttribute('ssr');
    const firstOptions = page.locator('fieldset.question li:first-child input');
    const count = await firstOptions.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await firstOptions.nth(i).check();

    release();
    await expect(island).not.toHaveAttribute('ssr');
    await expect(page.getByRole('button', { name: 'Check answers' })).toBeEnabled();
    for (let i = 0; i < count; i++) await expect(firstOptions.nth(i)).toBeChecked();
    await page.getByRole('button', { name: 'Check answers' }).click();
    await expect(page.getByRole('status')).toContainText(`of ${count} right`);
    for (let i = 0; i < count; i++) await expect(firstOptions.nth(i)).toBeChecked();
  });

  test('two tabs completing different lessons both keep their work', async ({ context }) => {
    const a = await context.newPage();
    await a.goto('/');
    const manifest = await manifestOf(a);
    const module = manifest.modules[3] ?? manifest.modules[0];
    const [first, second] = module?.lessons ?? [];
    if (!module || !first) throw new Error('no lesson');
    const b = await context.newPage();
    await a.goto(`/moduulit/${module.id}/${first.id}/`);
    await b.goto(`/moduulit/${module.id}/${second?.id ?? first.id}/`);
    await a.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await b.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await a.waitForLoadState('load');
    await b.waitForLoadState('load');
    const c = await context.newPage();
    await c.goto(`/moduulit/${module.id}/`);
    await expect(c.locator(`.lesson-list [data-lesson-id="${first.id}"]`)).toHaveAttribute(
      'data-progress',
      'completed',
    );
    if (second)
      await expect(c.locator(`.lesson-list [data-lesson-id="${second.id}"]`)).toHaveAttribute(
        'data-progress',
        'completed',
      );
  });

  test('another open tab learns of a completed lesson within a second', async ({ context }) => {
    const a = await context.newPage();
    const { module, lessonId } = await openModulePage(a, 4);
    await completeInAnotherTab(context, a, module.id, lessonId);
  });

  test('a document from another tab that is not valid progress is ignored, and what follows still arrives', async ({
    context,
  }) => {
    const a = await context.newPage();
    const errors: string[] = [];
    a.on('pageerror', (error) => errors.push(error.message));
    const { module, lessonId } = await openModulePage(a, 2);
    await expect(a.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    // Another deploy (or anything else on the channel) sends something that is not a progress document.
    await a.evaluate(() => {
      const channel = new BroadcastChannel('hankintapolku-progress');
      channel.postMessage({ kind: 'doc', doc: { kind: 'hankintapolku.progress', schemaVersion: 9, lessons: 'all' } });
      channel.postMessage({ kind: 'doc', doc: null });
      channel.close();
    });
    await completeInAnotherTab(context, a, module.id, lessonId);
    // The last lesson: the other tab moves on to the second one and opens it, which may arrive too.
    await expect(a.locator(`.lesson-list [data-lesson-id]:not([data-lesson-id="${lessonId}"])`).last()).toHaveAttribute(
      'data-progress',
      'not-started',
    );
    expect(errors).toEqual([]);
  });
});

test.describe('the course manifest', () => {
  // Without a worker, every request the page makes is its own and can be stopped below.
  test.use({ serviceWorkers: 'block' });

  test('a page loads it once, through its preload, and each mark goes straight to the stored status', async ({
    page,
  }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[5] ?? manifest.modules[0];
    const [done, opened] = module?.lessons ?? [];
    if (!module || !done || !opened) throw new Error('the test needs a module of two lessons');
    await page.goto(`/moduulit/${module.id}/${done.id}/`);
    await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await page.waitForURL(`/moduulit/${module.id}/${opened.id}/#main`);
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');

    // Every status a mark takes on the next page, from the first byte of HTML on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { statusesSeen: seen });
      new MutationObserver((records) => {
        for (const { target } of records) {
          if (!(target instanceof Element)) continue;
          const id =
            target.getAttribute('data-lesson-id') ??
            target.getAttribute('data-quiz-module') ??
            target.getAttribute('data-module-id') ??
            '?';
          seen.push(`${id}=${target.getAttribute('data-progress') ?? ''}`);
        }
      }).observe(document, { subtree: true, attributeFilter: ['data-progress'] });
    });
    const manifestRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/course-manifest.')) manifestRequests.push(request.url());
    });
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });

    await page.goto(`/moduulit/${module.id}/`);
    const mark = (id: string) => page.locator(`.lesson-list [data-lesson-id="${id}"]`);
    await expect(mark(done.id)).toHaveAttribute('data-progress', 'completed');
    await expect(mark(opened.id)).toHaveAttribute('data-progress', 'in-progress');
    await expect(mark(done.id).locator('[data-status-text]')).toHaveText('Valmis');
    const seen = await page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);
    // Rendered "not started", each mark changes once, to its stored status, and nothing else moves.
    expect(seen.filter((entry) => entry.startsWith(`${done.id}=`))).toEqual([`${done.id}=completed`]);
    expect(seen.filter((entry) => entry.startsWith(`${opened.id}=`))).toEqual([`${opened.id}=in-progress`]);
    // The module's own mark at the top of its page.
    expect(seen.filter((entry) => entry.startsWith(`${module.id}=`))).toEqual([`${module.id}=in-progress`]);
    const marks = [done.id, opened.id, module.id];
    expect(seen.filter((entry) => !marks.some((id) => entry.startsWith(`${id}=`)))).toEqual([]);
    expect(manifestRequests).toHaveLength(1);
    expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
  });

  test('when it cannot be loaded, the page says so instead of showing wrong progress', async ({ page }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[6] ?? manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.route('**/course-manifest.*.json', (route) => route.abort('internetdisconnected'));
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await expect(page.getByRole('alert').filter({ hasText: 'kurssin tietoja ei saatu ladattua' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' })).toBeDisabled();
    await expect(page.locator(`.toc [data-lesson-id="${lesson.id}"]`)).toHaveAttribute('data-progress', 'not-started');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'false');
    await axeClean(page);

    // Back to normal, the same lesson shows and records progress again.
    await page.unroute('**/course-manifest.*.json');
    await page.reload();
    await expect(page.locator(`.toc [data-lesson-id="${lesson.id}"]`)).toHaveAttribute('data-progress', 'in-progress');
    await expect(page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' })).toBeEnabled();
    await expect(page.locator('[data-storage-notice]')).toHaveText('');
  });
});
