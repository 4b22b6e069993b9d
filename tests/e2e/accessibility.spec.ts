import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { crawl } from './helpers';

// Every page reachable from the two home pages, plus both 404 pages, must have no axe violations,
// in light mode; one page of each kind is also checked in dark mode.
const SHARDS = 4;
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

test.describe('accessibility of every page', () => {
  test('every internal link resolves', async ({ baseURL }) => {
    const { pages, broken } = await crawl(baseURL ?? '');
    expect(broken).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
  });

  for (let shard = 0; shard < SHARDS; shard++) {
    test(`axe finds no violations on any page in either language (part ${shard + 1} of ${SHARDS})`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(300_000);
      const { pages } = await crawl(baseURL ?? '');
      const all = [...pages, '/no-such-page/', '/en/no-such-page/'];
      const mine = all.filter((_, i) => i % SHARDS === shard);
      const failures: string[] = [];
      for (const path of mine) {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
        for (const v of violations)
          failures.push(`${path}: ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      }
      expect(failures).toEqual([]);
    });
  }

  test('dark mode passes axe on one page of each kind', async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    const failures: string[] = [];
    for (const path of [
      '/',
      '/en/modules/goals/',
      '/moduulit/goals/impact-chain/',
      '/en/modules/tools/knowledge-check/',
      '/haku/',
      '/en/my-data/',
      '/palaute/',
      '/en/no-such-page/',
    ]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      for (const v of violations)
        failures.push(`${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    expect(failures).toEqual([]);
  });
});
