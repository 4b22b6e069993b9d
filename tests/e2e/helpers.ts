import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CourseManifest } from '../../src/schemas/manifest';
import type { QuizData } from '../../src/schemas/content';

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

/** A page, or a frame inside one (the LMS package runs the course in a frame). */
type QuizHost = Pick<Page, 'locator' | 'getByRole'>;

/** A module's knowledge check as written in content/, options in the authored order. */
export function quizKey(moduleId: string): QuizData {
  return parse(readFileSync(`content/modules/${moduleId}/quiz.yaml`, 'utf8')) as QuizData;
}

/**
 * For each question on the knowledge-check page, whether each option as shown is a right one. The
 * form shuffles options, so the key is looked up by option text in the module's quiz.yaml.
 */
export async function shownKey(page: QuizHost): Promise<boolean[][]> {
  const path = await page.locator('html').evaluate(() => location.pathname);
  const moduleId = /\/(?:moduulit|modules)\/([^/]+)\//.exec(path)?.[1] ?? '';
  const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'fi';
  const { questions } = quizKey(moduleId);
  const fieldsets = page.locator('fieldset.question');
  const key: boolean[][] = [];
  for (let i = 0; i < (await fieldsets.count()); i++) {
    const labels = await fieldsets.nth(i).locator('li label').allTextContents();
    const options = questions[i]?.options ?? [];
    key.push(labels.map((label) => options.find((o) => o.text[lang].trim() === label.trim())?.correct ?? false));
  }
  return key;
}

/** Answers every question right (the key comes from content/, since the page never shows it) and checks. */
export async function passQuiz(page: QuizHost, check: string): Promise<void> {
  await expect(page.getByRole('button', { name: check })).toBeEnabled();
  await expect(page.locator('form.quiz')).toHaveAttribute('data-attempt', /\d+/);
  const key = await shownKey(page);
  const questions = page.locator('fieldset.question');
  for (const [i, options] of key.entries()) {
    for (const [j, right] of options.entries()) if (right) await questions.nth(i).locator('input').nth(j).check();
  }
  await page.getByRole('button', { name: check }).click();
}

/** Picks `content` as a file in My data's import field, once the field is live. */
export async function importFile(page: Page, name: string, content: string): Promise<void> {
  await expect(page.getByLabel('Tiedosto')).toBeEnabled();
  await page.getByLabel('Tiedosto').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}
