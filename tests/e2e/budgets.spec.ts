import { expect, test } from '@playwright/test';
import {
  budgets,
  firstLessonPath,
  jsCeilings,
  KB,
  measurePageInBrowser,
  pagePaths,
  type PageWeight,
} from '../../scripts/lib/benchPageWeight';

// Byte budgets are deterministic, so they are tested; timings stay in `npm run bench`. The page is
// summed as the browser loads it, after every island has hydrated (scripts/lib/benchPageWeight.ts):
// the HTML with its inline course manifest, the stylesheets, every script and lazy chunk, but no
// images or icons, and no service worker (blocked, or it would precache the whole course).
test.use({ serviceWorkers: 'block' });

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const show = (weight: PageWeight) =>
  `files, gzip: ${weight.files.map((file) => `${file.path} ${kb(file.gzip)}`).join(', ')}`;

const pages = [
  { name: 'the home page', kind: 'home', path: () => Promise.resolve(pagePaths.home) },
  { name: 'a module overview', kind: 'module', path: () => Promise.resolve(pagePaths.module) },
  {
    name: 'a lesson',
    kind: 'lesson',
    path: async (baseURL: string) => firstLessonPath(await (await fetch(new URL(pagePaths.module, baseURL))).text()),
  },
  { name: 'a knowledge check', kind: 'quiz', path: () => Promise.resolve(pagePaths.quiz) },
] as const;

// Besides the goals, each page keeps its own JavaScript ceiling (jsCeilings: its figure as last
// measured, with half a kilobyte of room), so script added to a page is a decision, not a drift.
for (const { name, kind, path } of pages) {
  const ceiling = jsCeilings[kind] ?? budgets.jsGzip;
  test(`${name} loads at most ${kb(ceiling)} of JS, 20 KB of CSS and 150 KB in all but images, gzip`, async ({
    page,
    baseURL,
  }) => {
    const weight = await measurePageInBrowser(page, new URL(await path(baseURL ?? ''), baseURL).href);
    expect(weight.unhydrated, 'every island hydrates').toBe(0);
    expect(weight.thirdParty, 'no request leaves the site').toEqual([]);
    expect(weight.js.gzip, `JS gzip (${show(weight)})`).toBeLessThanOrEqual(ceiling);
    expect(weight.css.gzip, 'CSS gzip').toBeLessThanOrEqual(budgets.cssGzip);
    expect(weight.total.gzip, `all but images, gzip (${show(weight)})`).toBeLessThanOrEqual(budgets.totalGzip);
  });
}

test('the development plan loads no more JavaScript than its ceiling', async ({ page, baseURL }) => {
  const ceiling = jsCeilings.plan ?? budgets.jsGzip;
  const weight = await measurePageInBrowser(page, new URL(pagePaths.plan, baseURL).href);
  expect(weight.unhydrated, 'every island hydrates').toBe(0);
  expect(weight.js.gzip, `JS gzip at most ${kb(ceiling)} (${show(weight)})`).toBeLessThanOrEqual(ceiling);
});
