import { expect, test, type Page } from '@playwright/test';
import { axeClean, manifestOf } from './helpers';
import type { CourseManifest } from '../../src/schemas/manifest';

/** A "My data" file of a learner who completed the whole course on 1 October 2026. */
function completedFile(manifest: CourseManifest, name: string): object {
  const at = '2026-10-01T09:00:00.000Z';
  const lessons: Record<string, { firstOpenedAt: string; completedAt: string }> = {};
  const quizzes: Record<string, object> = {};
  for (const m of manifest.modules) {
    for (const l of m.lessons) lessons[`${m.id}/${l.id}`] = { firstOpenedAt: at, completedAt: at };
    quizzes[m.id] = { attempts: 1, bestScore: 1, passedAt: at, lastAttemptAt: at };
  }
  return {
    kind: 'hankintapolku.export',
    formatVersion: 1,
    exportedAt: at,
    progress: {
      kind: 'hankintapolku.progress',
      schemaVersion: 1,
      contentVersion: manifest.contentVersion,
      updatedAt: at,
      courseStartedAt: '2026-09-01T09:00:00.000Z',
      courseCompletedAt: at,
      certificate: { name, updatedAt: at },
      quizzes,
      notes: {},
      lessons,
    },
  };
}

/** Imports a completed course through My data, replacing what is there. */
async function completeCourse(page: Page, name: string): Promise<object> {
  await page.goto('/omat-tiedot/');
  const file = completedFile(await manifestOf(page), name);
  await expect(page.getByLabel('Tiedosto')).toBeEnabled();
  await page.getByLabel('Tiedosto').setInputFiles({
    name: 'complete.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByRole('button', { name: 'Korvaa tietoni tiedostolla' }).click();
  await page.getByRole('button', { name: 'Kyllä, korvaa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tiedot tuotu' })).toBeVisible();
  return file;
}

/** Pages in a PDF: each page object has "/Type /Page" (the page tree has "/Type /Pages"). */
const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test.describe('certificate', () => {
  for (const lang of ['fi', 'en'] as const) {
    test(`shows course, issuer, name, date, modules, hours and a code, and prints on one A4 page (${lang})`, async ({
      page,
    }) => {
      await completeCourse(page, 'Maija Meikäläinen');
      await page.goto(lang === 'fi' ? '/todistus/' : '/en/certificate/');
      const certificate = page.locator('article.certificate');
      await expect(certificate).toContainText('Maija Meikäläinen');
      await expect(certificate).toContainText(
        lang === 'fi' ? 'Todistuksen myöntäjä: Hankintapolku' : 'Issued by: Hankintapolku',
      );
      await expect(certificate).toContainText(lang === 'fi' ? '1. lokakuuta 2026' : '1 October 2026');
      await expect(certificate).toContainText(lang === 'fi' ? '7 moduulia' : '7 modules');
      await expect(certificate).toContainText(lang === 'fi' ? 'tuntia' : 'hours');
      await expect(certificate.locator('li')).toHaveCount(7);
      await expect(certificate.locator('[data-verification-code]')).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      await axeClean(page);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pageCount(pdf)).toBe(1);
    });
  }

  test('is not printed without a name, and the name typed is saved when printing', async ({ page }) => {
    await completeCourse(page, 'Maija Meikäläinen');
    await page.goto('/en/certificate/');
    const name = page.getByLabel('Name on the certificate');
    await name.fill('');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Write your name before printing' })).toBeVisible();
    await expect(page.locator('article.certificate')).toContainText('Maija Meikäläinen');

    await page.evaluate(() => {
      Object.assign(window, { printed: 0 });
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: 'Print the certificate' }).click();
    await expect(name).toBeFocused();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);

    await name.fill('Matti Virtanen');
    await page.getByRole('button', { name: 'Print the certificate' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await expect(page.locator('article.certificate')).toContainText('Matti Virtanen');
  });

  test('a coordinator gets the same code from the learner’s file, and a different name gives another', async ({
    page,
  }) => {
    const file = await completeCourse(page, 'Maija Meikäläinen');
    await page.goto('/en/certificate/');
    const code = await page.locator('[data-verification-code]').innerText();
    await page.getByText('For coordinators: check a certificate').click();
    const input = page.getByLabel('The learner’s file');
    await input.setInputFiles({
      name: 'maija.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(page.getByRole('status').filter({ hasText: 'According to the file' })).toHaveText(
      `According to the file, Maija Meikäläinen completed the course on 1 October 2026. Verification code: ${code}.`,
    );
    const forged = JSON.parse(JSON.stringify(file)) as { progress: { certificate: { name: string } } };
    forged.progress.certificate.name = 'Someone Else';
    await input.setInputFiles({
      name: 'forged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(forged)),
    });
    await expect(page.getByRole('status').filter({ hasText: 'According to the file' })).not.toContainText(code);
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  });
});
