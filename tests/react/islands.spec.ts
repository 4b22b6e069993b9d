import { expect, test, type Page } from '@playwright/test';
import { manifestOf, passQuiz } from '../e2e/helpers';

/*
 * The islands are written to React's API and run by preact/compat in the default build. These tests
 * run on a build that uses React itself (see playwright.react.config.ts), so an island that only works
 * under Preact fails here: complete a lesson, pass a knowledge check, edit the development plan.
 */

/** Every island on the page is hydrated by React's renderer, not Preact's. */
async function expectReactIslands(page: Page): Promise<void> {
  await expect(page.locator('astro-island').first()).toBeAttached();
  await expect(page.locator('astro-island[data-preact-island-id]')).toHaveCount(0);
}

test('a lesson is marked as done and the learner moves on to the next', async ({ page }) => {
  await page.goto('/en/');
  const module = (await manifestOf(page)).modules[0];
  const [first, second] = module?.lessons ?? [];
  if (!module || !first || !second) throw new Error('The first module needs two lessons');
  await page.goto(`/en/modules/${module.id}/${first.id}/`);
  await expectReactIslands(page);
  await page.getByRole('button', { name: 'Mark as done and continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/modules/${module.id}/${second.id}/(#main)?$`));
  await page.goto(`/en/modules/${module.id}/`);
  await expect(page.locator(`[data-lesson-id="${first.id}"]`).first()).toHaveAttribute('data-progress', 'completed');
});

test('a knowledge check is passed after a failed attempt shows what was wrong', async ({ page }) => {
  await page.goto('/moduulit/goals/osaamistesti/');
  await expectReactIslands(page);
  await passQuiz(page, 'Tarkista vastaukset');
  await expect(page.getByRole('status').filter({ hasText: '%' })).toContainText('Läpäisit');
});

test('the development plan is edited, saved, shown in another tab and still there after a reload', async ({
  page,
  context,
}) => {
  await page.goto('/en/development-plan/');
  await expectReactIslands(page);
  const goals = page.getByLabel('Goals', { exact: true });
  await goals.fill('Half of the food service procurements plant-based by 2028.');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await expect(page.getByLabel('Action 1: what')).toBeFocused();
  await page.getByLabel('Action 1: what').fill('Market dialogue');
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
  const other = await context.newPage();
  await other.goto('/en/development-plan/');
  await expect(other.getByLabel('Action 1: what')).toHaveValue('Market dialogue');
  await page.reload();
  await expect(goals).toHaveValue(/plant-based/);
  await expect(page.getByLabel('Action 1: what')).toHaveValue('Market dialogue');
});
