import type { Page } from '@playwright/test';
import type { CourseManifest } from '../../src/schemas/manifest';

/** The course manifest that every page carries. */
export async function manifestOf(page: Page): Promise<CourseManifest> {
  const text = await page.locator('#course-manifest').textContent();
  return JSON.parse(text ?? '{}') as CourseManifest;
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
