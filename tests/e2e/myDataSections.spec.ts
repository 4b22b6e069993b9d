import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { manifestOf } from './helpers';

const FEEDBACK = 'Esimerkit kunnista auttoivat.';
const GOALS = 'Puolet ruokapalvelun hankinnoista kasvispainotteisiksi.';
const ACADEMY = /Esimerkkiakatemia 2026–2027/;

const summaryFile = {
  name: 'pekka.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      kind: 'hankintapolku.summary',
      schemaVersion: 1,
      id: 'pekka-0000-1111',
      name: 'Pekka',
      exportedAt: '2026-11-20T10:00:00.000Z',
      modules: Object.fromEntries(
        ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'].map((id, i) => [
          id,
          i === 0 ? 'completed' : 'not-started',
        ]),
      ),
      assessment: { before: 2.5, after: null },
    }),
  ),
};

/** Fills every kind of stored data through the pages a learner uses; returns the lesson completed. */
async function fillEverything(page: Page): Promise<{ moduleId: string; lessonId: string }> {
  await page.goto('/');
  const module = (await manifestOf(page)).modules[0];
  const lesson = module?.lessons[0];
  if (!module || !lesson) throw new Error('no lesson');
  await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
  await page.getByLabel(/Vastauksesi/).fill('Oma pohdinta');
  await page.getByRole('button', { name: 'Merkitse tehdyksi ja jatka' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith(`/${lesson.id}/`));

  await page.goto('/kehittamissuunnitelma/');
  await page.getByLabel('Tavoitteet', { exact: true }).fill(GOALS);
  await expect(page.getByRole('status').filter({ hasText: 'Tallennettu tähän selaimeen' })).toBeVisible();

  await page.goto('/en/self-assessment/');
  await page.locator('fieldset.statement').first().getByLabel('2 – a little').check();

  await page.goto('/aikataulu/');
  await page.getByLabel(ACADEMY).check();
  await expect(page.getByRole('status').filter({ hasText: 'Aikataulu tallennettu' })).toBeVisible();

  await page.goto('/en/feedback/');
  await page.getByLabel('Comment').check();
  await page.getByLabel('Your feedback').fill(FEEDBACK);
  await page.getByRole('button', { name: 'Save and send feedback' }).click();
  await expect(page.locator('tr', { hasText: FEEDBACK })).toBeVisible();

  await page.goto('/tiimi/');
  await page.getByLabel('Tuo yhteenvetotiedostoja').setInputFiles(summaryFile);
  await expect(page.locator('tr[data-member="Pekka"]')).toBeVisible();
  return { moduleId: module.id, lessonId: lesson.id };
}

/** Every section is back: progress and note, plan, self-assessment, schedule, feedback, team view. */
async function expectEverything(page: Page, done: { moduleId: string; lessonId: string }): Promise<void> {
  await page.goto(`/moduulit/${done.moduleId}/`);
  await expect(page.locator(`.lesson-list [data-lesson-id="${done.lessonId}"]`)).toHaveAttribute(
    'data-progress',
    'completed',
  );
  await page.goto('/muistiinpanot/');
  await expect(page.getByText('Oma pohdinta')).toBeVisible();
  await page.goto('/kehittamissuunnitelma/');
  await expect(page.getByLabel('Tavoitteet', { exact: true })).toHaveValue(GOALS);
  await page.goto('/en/self-assessment/');
  await expect(page.locator('fieldset.statement').first().getByLabel('2 – a little')).toBeChecked();
  await page.goto('/aikataulu/');
  await expect(page.getByLabel(ACADEMY)).toBeChecked();
  await page.goto('/en/feedback/');
  await expect(page.locator('tr', { hasText: FEEDBACK })).toBeVisible();
  await page.goto('/tiimi/');
  await expect(page.locator('tr[data-member="Pekka"]')).toBeVisible();
}

async function importInFreshBrowser(browser: Browser, file: string, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto('/omat-tiedot/');
  await expect(page.getByLabel('Tiedosto')).toBeEnabled();
  await page.getByLabel('Tiedosto').setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  return { context, page };
}

test.describe('my data carries every section', () => {
  test.describe.configure({ timeout: 120_000 });

  test('export every section, import it into a fresh browser by merging and by replacing: every section is back', async ({
    page,
    browser,
  }) => {
    const done = await fillEverything(page);
    await page.goto('/omat-tiedot/');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa tiedot tiedostona' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    const sections = Object.keys((JSON.parse(exported) as { sections: Record<string, unknown> }).sections).sort();
    expect(sections).toEqual(['academy', 'feedback', 'plan', 'selfAssessment', 'team']);

    const merged = await importInFreshBrowser(browser, exported);
    // The preview loads the import code and the stored-data schemas first: slow on a busy machine.
    await expect(merged.page.getByText('Kehittämissuunnitelma: 0 toimenpidettä')).toBeVisible({ timeout: 20_000 });
    await merged.page.getByRole('button', { name: 'Yhdistä tietoihini' }).click();
    await expect(merged.page.getByRole('status').filter({ hasText: 'Tiedot tuotu' })).toBeVisible();
    await expectEverything(merged.page, done);
    await merged.context.close();

    const replaced = await importInFreshBrowser(browser, exported);
    await replaced.page.getByRole('button', { name: 'Korvaa tietoni tiedostolla' }).click();
    await replaced.page.getByRole('button', { name: 'Kyllä, korvaa' }).click();
    await expect(replaced.page.getByRole('status').filter({ hasText: 'Korvattu tiedoston tiedoilla' })).toBeVisible();
    await expectEverything(replaced.page, done);
    await replaced.context.close();
  });

  test('replacing with a file that lacks a section keeps that section as it was, and says so', async ({ browser }) => {
    const file = JSON.stringify({
      kind: 'hankintapolku.export',
      formatVersion: 1,
      exportedAt: '2026-11-20T10:00:00.000Z',
      progress: {
        kind: 'hankintapolku.progress',
        schemaVersion: 2,
        contentVersion: 'x',
        updatedAt: '2026-11-20T10:00:00.000Z',
        lessons: {},
        quizzes: {},
        notes: {},
      },
      sections: {},
    });
    const { context, page } = await importInFreshBrowser(browser, file, async (p) => {
      await p.goto('/kehittamissuunnitelma/');
      await p.getByLabel('Tavoitteet', { exact: true }).fill(GOALS);
      await expect(p.getByRole('status').filter({ hasText: 'Tallennettu tähän selaimeen' })).toBeVisible();
    });
    await page.getByRole('button', { name: 'Korvaa tietoni tiedostolla' }).click();
    await expect(page.getByText('näissä osissa: edistyminen ja muistiinpanot.')).toBeVisible();
    await page.getByRole('button', { name: 'Kyllä, korvaa' }).click();
    await expect(page.getByRole('status')).toContainText(/Säilytetty ennallaan.*kehittämissuunnitelma/);
    await page.goto('/kehittamissuunnitelma/');
    await expect(page.getByLabel('Tavoitteet', { exact: true })).toHaveValue(GOALS);
    await context.close();
  });

  test('progress for modules and lessons this course does not have is left out, with the count shown', async ({
    browser,
  }) => {
    const at = '2026-11-20T10:00:00.000Z';
    const lessons = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`elsewhere/lesson-${String(i)}`, { completedAt: at }]),
    );
    const file = JSON.stringify({
      kind: 'hankintapolku.export',
      formatVersion: 1,
      exportedAt: at,
      progress: {
        kind: 'hankintapolku.progress',
        schemaVersion: 1,
        contentVersion: 'x',
        updatedAt: at,
        lessons,
        quizzes: {},
        notes: {},
      },
    });
    const { context, page } = await importInFreshBrowser(browser, file);
    await expect(page.getByText('Tiedostossa on 2000 merkintää moduuleista tai oppitunneista')).toBeVisible();
    await page.getByRole('button', { name: 'Yhdistä tietoihini' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tiedot tuotu' })).toBeVisible();
    await page.goto('/');
    await expect(page.locator('.module-list [data-progress="not-started"]')).toHaveCount(7);
    await context.close();
  });
});
