import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { CourseManifest } from '../../src/schemas/manifest';

/** The course manifest that a page showing progress links to (one JSON file for the whole site). */
export async function manifestOf(page: Page): Promise<CourseManifest> {
  const href = await page.locator('link#course-manifest').evaluate((link: HTMLLinkElement) => link.href);
  const response = await page.request.get(href);
  expect(response.ok(), `${href} answers`).toBe(true);
  return (await response.json()) as CourseManifest;
}

/** Every page reachable by links from both home pages, found by following internal links. */
export async function crawl(baseURL: string): Promise<{ pages: string[]; broken: string[] }> {
  const seen = new Set<string>(['/', '/en/']);
  const queue = ['/', '/en/'];
  const pages: string[] = [];
  const broken: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift() ?? '/';
    const response = await fetch(new URL(path, baseURL));
    if (!response.ok) {
      broken.push(`${path} → ${response.status}`);
      continue;
    }
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    pages.push(path);
    const html = await response.text();
    for (const match of html.matchAll(/href="(\/[^"#?]*)/g)) {
      const href = match[1] ?? '/';
      if (href.startsWith('//') || seen.has(href)) continue;
      seen.add(href);
      queue.push(href);
    }
  }
  return { pages, broken };
}

/** Fails with every axe violation (WCAG 2.1 A and AA, and best practice) found on the page as it is now. */
export async function axeClean(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Answers every question, reads the right options from the explanations, then answers them right. */
export async function passQuiz(page: Pick<Page, 'locator' | 'getByRole'>, check: string, retry: string): Promise<void> {
  const questions = page.locator('fieldset.question');
  const count = await questions.count();
  for (let i = 0; i < count; i++) await questions.nth(i).locator('input').first().check();
  await page.getByRole('button', { name: check }).click();
  await expect(page.getByRole('status').filter({ hasText: '%' })).toBeVisible();
  const correct: number[][] = [];
  for (let i = 0; i < count; i++) {
    correct.push(
      await questions
        .nth(i)
        .locator('li')
        .evaluateAll((lis) => lis.flatMap((li, j) => (li.classList.contains('opt-correct') ? [j] : []))),
    );
  }
  const retryButton = page.getByRole('button', { name: retry });
  if (await retryButton.isVisible()) await retryButton.click();
  for (let i = 0; i < count; i++) {
    for (const j of correct[i] ?? []) await questions.nth(i).locator('input').nth(j).check();
  }
  await page.getByRole('button', { name: check }).click();
}
