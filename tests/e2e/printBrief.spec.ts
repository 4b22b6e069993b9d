/*
 * The pre-meeting brief is made to be printed and taken to the sprint meeting: with a chosen schedule
 * and a busy learner's data (reflections on every lesson, a plan with five actions), it prints on
 * at most two A4 pages in both languages, and no page is blank (screen padding at the end of the page
 * once pushed an empty third page out of the printer).
 */
import { expect, test } from '@playwright/test';
import { importBusyLearner, type LearnerState } from './layoutData';
import { pdfPages } from './pdfPages';

const ACADEMY = 'esimerkkiakatemia-2026-2027';
const briefs = [
  { lang: 'fi', path: `/aikataulu/${ACADEMY}/sprint-1/`, title: 'Valmistautumismuistio: sprinttitapaaminen 1' },
  { lang: 'en', path: `/en/schedule/${ACADEMY}/sprint-1/`, title: 'Pre-meeting brief: sprint meeting 1' },
] as const;

let storageState: LearnerState;

test.describe('printed pre-meeting brief', () => {
  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    ({ storageState } = await importBusyLearner(browser, baseURL, ACADEMY));
  });

  for (const brief of briefs) {
    test(`prints on at most two A4 pages with no blank page (${brief.lang})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, storageState });
      const page = await context.newPage();
      await page.goto(brief.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(brief.title);
      // The learner's own part is there: reflections written, not the "no reflection" hint, and the plan's actions.
      await expect(page.locator('.brief-module')).toHaveCount(2);
      await expect(page.locator('.brief-reflection .note-text').first()).toContainText('elinkaarikustannukset');
      await expect(page.locator('.brief table tbody tr')).toHaveCount(5);

      await page.emulateMedia({ media: 'print' });
      const pages = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const blank = pages.flatMap((p, i) => (p.textRuns === 0 ? [i + 1] : []));
      expect(blank, `blank pages among ${pages.length}`).toEqual([]);
      expect(pages.length, 'printed A4 pages').toBeGreaterThanOrEqual(1);
      expect(pages.length, 'printed A4 pages').toBeLessThanOrEqual(2);
      await context.close();
    });
  }

  // The check above can fail: a page with nothing but a box pushed onto a page of its own is seen as blank.
  test('the page reader tells a blank page from a printed one', async ({ page }) => {
    await page.setContent('<p>Printed text</p><div style="break-before: page; height: 2cm"></div>');
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages.map((p) => p.textRuns > 0)).toEqual([true, false]);
  });
});
