import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { crawl } from './helpers';

// Every page reachable from the two home pages, plus both 404 pages, must have no axe violations.
test.describe('accessibility of every page', () => {
  test('every internal link resolves', async ({ baseURL }) => {
    const { pages, broken } = await crawl(baseURL ?? '');
    expect(broken).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
  });

  test('axe finds no violations on any page in either language', async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    const { pages } = await crawl(baseURL ?? '');
    const failures: string[] = [];
    for (const path of [...pages, '/no-such-page/', '/en/no-such-page/']) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        for (const v of violations)
          failures.push(
            `${path} (${scheme}): ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
