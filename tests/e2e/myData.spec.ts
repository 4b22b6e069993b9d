import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { axeClean, importFile, manifestOf } from './helpers';
import type { CourseManifest } from '../../src/schemas/manifest';

/** An export file in which the whole course is complete, as another device would have made it. */
function completedCourseFile(manifest: CourseManifest): string {
  const at = '2026-10-01T09:00:00.000Z';
  const lessons: Record<string, { firstOpenedAt: string; completedAt: string }> = {};
  const quizzes: Record<string, { attempts: number; bestScore: number; passedAt: string; lastAttemptAt: string }> = {};
  for (const m of manifest.modules) {
    for (const l of m.lessons) lessons[`${m.id}/${l.id}`] = { firstOpenedAt: at, completedAt: at };
    quizzes[m.id] = { attempts: 1, bestScore: 1, passedAt: at, lastAttemptAt: at };
  }
  return JSON.stringify({
    kind: 'hankintapolku.export',
    formatVersion: 1,
    exportedAt: at,
    progress: {
      kind: 'hankintapolku.progress',
      schemaVersion: 1,
      contentVersion: manifest.contentVersion,
      updatedAt: at,
      courseStartedAt: at,
      lessons,
      quizzes,
      notes: {
        [`${manifest.modules[0]?.id}/${manifest.modules[0]?.lessons[0]?.id}`]: {
          text: 'Tuotu muistiinpano',
          updatedAt: at,
        },
      },
    },
  });
}

test.describe('my data', () => {
  test('export, delete everything, import: all progress and notes come back', async ({ page }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await page.getByLabel(/Vastauksesi/).fill('Oma pohdinta');
    await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));

    await page.goto('/omat-tiedot/');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa tiedot tiedostona' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ kind: 'hankintapolku.export', formatVersion: 1 });

    await page.getByRole('button', { name: 'Poista kaikki tietoni' }).click();
    await page.getByRole('button', { name: 'Kyllä, poista kaikki' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'poistettu' })).toBeFocused();
    await page.goto(`/moduulit/${module.id}/`);
    await expect(page.locator(`.lesson-list [data-lesson-id="${lesson.id}"]`)).toHaveAttribute(
      'data-progress',
      'not-started',
    );

    await page.goto('/omat-tiedot/');
    await importFile(page, 'export.json', exported);
    await expect(page.getByText(/Yhdistäminen lisää tietoihisi 1 uuden tehdyn oppitunnin/)).toBeVisible();
    await page.getByRole('button', { name: 'Yhdistä tietoihini' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tiedot tuotu' })).toBeVisible();
    await page.goto(`/moduulit/${module.id}/`);
    await expect(page.locator(`.lesson-list [data-lesson-id="${lesson.id}"]`)).toHaveAttribute(
      'data-progress',
      'completed',
    );
    await page.goto('/muistiinpanot/');
    await expect(page.getByText('Oma pohdinta')).toBeVisible();
  });

  test('malformed, foreign, newer and oversized files are refused with a reason and change nothing', async ({
    page,
  }) => {
    await page.goto('/omat-tiedot/');
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{ not json', /ei ole JSON-muotoinen/],
      ['other.json', JSON.stringify({ kind: 'something-else' }), /ei ole Hankintapolku-kurssilta/],
      [
        'newer.json',
        JSON.stringify({ kind: 'hankintapolku.export', formatVersion: 99, progress: {} }),
        /uudemmalla versiolla/,
      ],
      [
        'bad.json',
        JSON.stringify({
          kind: 'hankintapolku.export',
          formatVersion: 1,
          progress: { kind: 'hankintapolku.progress' },
        }),
        /sisältö on virheellinen/,
      ],
      ['big.json', `"${'x'.repeat(1024 * 1024 + 10)}"`, /yli 1 Mt/],
    ];
    for (const [name, content, message] of cases) {
      await importFile(page, name, content);
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Yhdistä tietoihini' })).toHaveCount(0);
    }
    await page.goto('/');
    await expect(page.locator('.module-list [data-progress="not-started"]')).toHaveCount(7);
  });

  test('a file picked while stored progress is still loading is previewed once it has loaded, not dropped', async ({
    page,
  }) => {
    await page.goto('/');
    const exported = completedCourseFile(await manifestOf(page));
    // The course data arrives late, as on a slow connection: the page is live before progress is.
    await page.route(/\/course-manifest\.[^/]+\.json$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('/omat-tiedot/');
    await importFile(page, 'export.json', exported);
    await expect(page.getByRole('button', { name: 'Yhdistä tietoihini' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText(/Yhdistäminen lisää tietoihisi \d+ uutta tehtyä oppituntia/)).toBeVisible();
  });

  test('without the course data an import is refused with the reason, not dropped', async ({ page }) => {
    await page.goto('/');
    const exported = completedCourseFile(await manifestOf(page));
    await page.route(/\/course-manifest\.[^/]+\.json$/, (route) => route.abort());
    await page.goto('/omat-tiedot/');
    await importFile(page, 'export.json', exported);
    await expect(
      page.getByRole('alert').filter({ hasText: /Tiedostoa ei tuotu: kurssin tietoja ei saatu ladattua/ }),
    ).toBeVisible({
      timeout: 10_000,
    });
  });

  test('a completed course unlocks the certificate, which shows the name and every module', async ({ page }) => {
    await page.goto('/en/certificate/');
    await expect(page.getByText(/The certificate opens when/)).toBeVisible();
    await axeClean(page);
    const manifest = await manifestOf(page);
    await page.goto('/omat-tiedot/');
    await importFile(page, 'complete.json', completedCourseFile(manifest));
    await page.getByRole('button', { name: 'Korvaa tietoni tiedostolla' }).click();
    await page.getByRole('button', { name: 'Kyllä, korvaa' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tiedot tuotu' })).toBeVisible();

    await page.goto('/');
    await expect(page.locator('.module-list [data-progress="completed"]')).toHaveCount(7);
    await page.goto('/en/certificate/');
    await page.getByLabel('Name on the certificate').fill('Maija Meikäläinen');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByText('Name saved.')).toBeVisible();
    const certificate = page.locator('.certificate');
    await expect(certificate).toContainText('Maija Meikäläinen');
    await expect(certificate.locator('li')).toHaveCount(7);
    await expect(certificate).toContainText('1 October 2026');
    await axeClean(page);
    await page.reload();
    await expect(page.locator('.certificate')).toContainText('Maija Meikäläinen');
  });

  test('a lesson and a knowledge check can be done with the keyboard alone', async ({ page }) => {
    await page.goto('/en/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[6] ?? manifest.modules[0];
    const lessons = module?.lessons ?? [];
    const last = lessons[lessons.length - 1];
    if (!module || !last) throw new Error('no lesson');
    await page.goto(`/en/modules/${module.id}/${last.id}/`);
    const button = page.getByRole('button', { name: 'Mark as done and continue' });
    await expect(button).toBeEnabled();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/en/modules/${module.id}/knowledge-check/#main$`));
    await expect(page.locator('main')).toBeFocused();

    // Tab to the first question and answer every question with the arrow keys and space.
    const questions = page.locator('fieldset.question');
    const count = await questions.count();
    await expect(page.getByRole('button', { name: 'Check answers' })).toBeEnabled();
    await questions.first().locator('input').first().focus();
    for (let i = 0; i < count; i++) {
      const first = questions.nth(i).locator('input').first();
      await expect(first).toBeFocused();
      await page.keyboard.press('Space');
      await expect(first).toBeChecked();
      // Leave the group: past every option of a checkbox group, or straight on from a radio group.
      const type = await first.getAttribute('type');
      const stops = type === 'checkbox' ? await questions.nth(i).locator('input').count() : 1;
      for (let s = 0; s < stops; s++) await page.keyboard.press('Tab');
    }
    await expect(page.getByRole('button', { name: 'Check answers' })).toBeFocused();
    await page.keyboard.press('Enter');
    const result = page.getByRole('status').filter({ hasText: '%' });
    await expect(result).toBeFocused();
    await axeClean(page);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
