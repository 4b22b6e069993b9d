import { expect, test } from '@playwright/test';
import { axeClean } from './helpers';

const IMPACT_CHAIN = '/en/modules/goals/impact-chain/';
const LIFE_CYCLE = '/en/modules/tools/life-cycle-costs/';

test.describe('lesson blocks', () => {
  test('an in-lesson check gives its feedback at once, by keyboard, and tells screen readers', async ({ page }) => {
    await page.goto(IMPACT_CHAIN);
    // The first check on the page, found as a screen reader user would: a group with its legend.
    const check = page.getByRole('group', { name: 'Check your understanding' }).first();
    await expect(check).toHaveAttribute('data-check-question');
    await expect(check.locator('.check-feedback:visible')).toHaveCount(0);
    await check.getByLabel('The city gets 20 electric buses.').check();
    await expect(check.locator('.check-feedback:visible')).toHaveText(/^Not quite\. The buses are the output/);
    // Arrow keys move within the radio group; the feedback follows the choice.
    await page.keyboard.press('ArrowUp');
    await expect(check.getByLabel('Traffic emissions in the city centre go down.')).toBeChecked();
    await expect(check.locator('.check-feedback:visible')).toHaveText(/^Right\./);
    await expect(check.locator('[data-check-announce]')).toHaveText(/^Right\./);
    await axeClean(page);
  });

  test('figures, checks and scenarios work as plain content without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/moduulit/goals/impact-chain/');
    const figure = page.getByRole('img', { name: /Panokset.*→ Toiminnot.*→ Tuotokset.*→ Tulokset.*→ Vaikutukset/ });
    await expect(figure).toBeVisible();
    await expect(page.locator('figure figcaption').first()).toHaveText('Vaikutusketju: panoksista vaikutuksiin');
    const check = page.locator('[data-check-question]').first();
    await check.getByLabel('Kaupunki saa 20 sähköbussia.').check();
    await expect(check.locator('.check-feedback:visible')).toHaveText(/^Ei aivan\./);

    await page.goto('/moduulit/constraints/market-dialogue/');
    const answer = page.getByText('Kiitä tiedoista');
    await expect(answer).toBeHidden();
    await page.getByText('Näytä vastaus').click();
    await expect(answer).toBeVisible();
    await context.close();
  });

  test('every module has a figure and at least two in-lesson checks, in both languages', async ({ page }) => {
    // Visits every lesson in both languages (58 pages).
    test.setTimeout(120_000);
    for (const [lang, base] of [
      ['fi', '/moduulit'],
      ['en', '/en/modules'],
    ] as const) {
      await page.goto(lang === 'fi' ? '/' : '/en/');
      const modules = await page
        .locator('.module-list [data-module-id]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-module-id') ?? ''));
      for (const id of modules) {
        await page.goto(`${base}/${id}/`);
        const lessons = await page
          .locator('.lesson-list a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        let figures = 0;
        let checks = 0;
        for (const href of lessons) {
          await page.goto(href);
          figures += await page.locator('figure.flow-figure svg[role="img"]').count();
          checks += await page.locator('[data-check-question]').count();
        }
        expect(figures, `${lang} ${id}: figures`).toBeGreaterThanOrEqual(1);
        expect(checks, `${lang} ${id}: in-lesson checks`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

test.describe('life-cycle cost calculator', () => {
  test('compares the worked example and a hand-computed case, and saves to the notes', async ({ page }) => {
    await page.goto(LIFE_CYCLE);
    const calculator = page.locator('form.calculator');
    await calculator.scrollIntoViewIfNeeded();
    // The worked example in the text: A ≈ 101 200 €, B ≈ 90 168 €, B cheaper by ≈ 11 032 €.
    await expect(calculator.locator('[data-lcc="a"]')).toHaveText('€101,200');
    await expect(calculator.locator('[data-lcc="b"]')).toHaveText('€90,168');
    await expect(calculator.locator('[data-lcc="verdict"]')).toHaveText(
      'Offer B costs less over its life cycle, by €11,032.',
    );
    await expect(calculator.getByRole('button', { name: 'Save the calculation to my notes' })).toBeEnabled();

    // By hand: 10 000 + (600 + 400)/1.05 + (600 + 400)/1.05² + 500/1.05² = 12 312.93 €.
    const a = calculator.getByRole('group', { name: 'Offer A' });
    await a.getByLabel('Purchase price (€)').fill('10 000');
    await a.getByLabel('Energy per year (€)').fill('600');
    await a.getByLabel('Maintenance per year (€)').fill('400');
    await a.getByLabel('Disposal (€)').fill('500');
    await calculator.getByLabel('Years of use').fill('2');
    await calculator.getByLabel('Discount rate (%)').fill('5');
    await expect(calculator.locator('[data-lcc="a"]')).toHaveText('€12,313');
    await expect(calculator.locator('[data-lcc="verdict"]')).toHaveText(/^Offer A costs less/);

    await calculator.getByLabel('Years of use').fill('0');
    await expect(calculator).toContainText('Enter the years of use as a whole number from 1 to 50.');
    await expect(calculator.getByRole('button', { name: 'Save the calculation to my notes' })).toBeDisabled();
    await calculator.getByLabel('Years of use').fill('2');

    await calculator.getByRole('button', { name: 'Save the calculation to my notes' }).click();
    await expect(calculator.getByRole('status')).toHaveText('Calculation saved to your notes.');
    await expect(page.locator('html')).toHaveAttribute('data-progress-saved', 'true');
    await axeClean(page);
    await page.goto('/en/notes/');
    await expect(page.getByText('Life-cycle cost calculation (2 years, discount rate 5 %)')).toBeVisible();
    await expect(page.getByText('Offer A: €12,313')).toBeVisible();
  });

  test('its code loads only on its own lesson', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(IMPACT_CHAIN);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((path) => path.includes('LifeCycleCalculator'))).toEqual([]);
    await page.goto(LIFE_CYCLE);
    await page.locator('form.calculator').scrollIntoViewIfNeeded();
    await expect.poll(() => scripts.filter((path) => path.includes('LifeCycleCalculator')).length).toBeGreaterThan(0);
  });
});
