import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { manifestOf } from './helpers';
import { REVIEW_TOKEN } from './reviewToken';

test.describe('pilot feedback', () => {
  test('feedback written offline waits, is sent when back online, and reaches the review page with its lesson and version', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    const manifest = await manifestOf(page);
    const module = manifest.modules[1] ?? manifest.modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson');
    await page.goto(`/moduulit/${module.id}/${lesson.id}/`);
    await expect(page.getByText('Pilottiversio')).toBeVisible();

    await page.getByText('Anna palautetta', { exact: true }).last().click();
    // The form's code loads when it is opened; without the service worker that needs the network.
    await expect(page.getByLabel('Kysymys')).toBeEnabled();
    await context.setOffline(true);
    await page.getByLabel('Kysymys').check();
    await page.getByLabel('Arvio (vapaaehtoinen)').selectOption('4');
    const text = `Miten tämä koskee sidosyksiköitä? <script>alert(1)</script> <b>lihavoitu</b>`;
    await page.getByLabel('Palautteesi').fill(text);
    await expect(page.getByText(`${text.length}/2000 merkkiä`)).toBeVisible();
    await page.getByRole('button', { name: 'Tallenna ja lähetä palaute' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Palaute tallennettu' })).toBeFocused();

    // Back online, but the collector cannot be reached yet: the item waits and says why.
    await page.route('**/api/feedback', (route) => route.abort('connectionrefused'));
    await context.setOffline(false);
    await page.goto('/palaute/');
    const row = page.locator('tr', { hasText: 'sidosyksiköitä' });
    await expect(row).toHaveAttribute('data-feedback-state', 'waiting');
    await expect(row).toContainText('Odottaa lähetystä');
    await page.unroute('**/api/feedback');
    await page.getByRole('button', { name: 'Yritä lähettää nyt' }).click();
    await expect(row).toHaveAttribute('data-feedback-state', 'sent');
    await expect(row).toContainText('Lähetetty');

    await page.goto('/en/feedback/review/');
    await page.getByLabel('Admin token').fill(REVIEW_TOKEN);
    await page.getByRole('button', { name: 'Show feedback' }).click();
    const reviewed = page.getByTestId('review-table').locator('tr', { hasText: 'sidosyksiköitä' });
    await expect(reviewed).toContainText(`${module.title.en} / ${lesson.title.en}`);
    await expect(reviewed).toContainText(manifest.contentVersion);
    await expect(reviewed).toContainText('Question');
    // The markup came back as text, never as elements.
    await expect(reviewed).toContainText('<script>alert(1)</script> <b>lihavoitu</b>');
    await expect(page.locator('.review b')).toHaveCount(0);
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  test('empty feedback is refused with a message beside the field, and nothing is saved', async ({ page }) => {
    await page.goto('/en/feedback/');
    await page.getByRole('button', { name: 'Save and send feedback' }).click();
    await expect(page.getByText('Please write your feedback.')).toBeVisible();
    await expect(page.getByLabel('Your feedback')).toBeFocused();
    await expect(page.getByLabel('Your feedback')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('You have not given any feedback in this browser yet.')).toBeVisible();
  });

  test('the review page says so when the token is wrong', async ({ page }) => {
    await page.goto('/palaute/tarkastelu/');
    await page.getByLabel('Ylläpitäjän tunnus').fill('wrong');
    await page.getByRole('button', { name: 'Näytä palaute' }).click();
    await expect(page.getByRole('alert')).toHaveText('Tunnus ei kelpaa.');
  });
});
