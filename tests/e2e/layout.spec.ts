/*
 * Layout on phones and laptops: every page type, in both languages, at 320, 390 and 1,366 px wide,
 * filled with a busy learner's data (tests/e2e/layoutData.ts). A page fails when the document is
 * wider than the screen, a status badge is taller than two lines, text spills out of its box, a
 * label hides under its field, the parts of a page's column are drawn in another order than the page
 * has them, or (on a phone) the lesson title or home's start button is below the first screen. Each
 * page is saved as a screenshot in screenshots/layout/ (git-ignored) for review.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectorItems, importBusyLearner, type LearnerState } from './layoutData';
import { REVIEW_TOKEN } from './reviewToken';
import type { CourseManifest } from '../../src/schemas/manifest';

const SHOTS = 'screenshots/layout';
const viewports = [
  { name: 'phone-320', width: 320, height: 640 },
  { name: 'phone-390', width: 390, height: 844 },
  { name: 'laptop-1366', width: 1366, height: 768 },
] as const;
const ACADEMY = 'esimerkkiakatemia-2026-2027';

interface PageType {
  name: string;
  path: (lang: 'fi' | 'en', m: CourseManifest) => string;
  /** Brings the page to the state worth looking at. */
  prepare?: (page: Page, lang: 'fi' | 'en') => Promise<void>;
}
const firstModule = (m: CourseManifest) => m.modules[0]?.id ?? 'background';
const firstLesson = (m: CourseManifest) => m.modules[0]?.lessons[0]?.id ?? '';
const en = (lang: 'fi' | 'en', fi: string, enPath: string) => (lang === 'fi' ? fi : `/en${enPath}`);

const pageTypes: PageType[] = [
  { name: 'home', path: (lang) => en(lang, '/', '/') },
  { name: 'module', path: (lang, m) => en(lang, `/moduulit/${firstModule(m)}/`, `/modules/${firstModule(m)}/`) },
  {
    name: 'lesson',
    path: (lang, m) =>
      en(lang, `/moduulit/${firstModule(m)}/${firstLesson(m)}/`, `/modules/${firstModule(m)}/${firstLesson(m)}/`),
  },
  {
    name: 'quiz',
    path: (lang, m) =>
      en(lang, `/moduulit/${firstModule(m)}/osaamistesti/`, `/modules/${firstModule(m)}/knowledge-check/`),
  },
  {
    name: 'search',
    path: (lang) => en(lang, '/haku/?q=hankinta', '/search/?q=procurement'),
    prepare: async (page) => {
      await expect(page.locator('.search-results li').first()).toBeVisible();
    },
  },
  { name: 'notes', path: (lang) => en(lang, '/muistiinpanot/', '/notes/') },
  { name: 'certificate', path: (lang) => en(lang, '/todistus/', '/certificate/') },
  { name: 'my-data', path: (lang) => en(lang, '/omat-tiedot/', '/my-data/') },
  { name: 'accessibility', path: (lang) => en(lang, '/saavutettavuus/', '/accessibility/') },
  { name: 'glossary', path: (lang) => en(lang, '/sanasto/', '/glossary/') },
  {
    name: 'feedback',
    path: (lang) => en(lang, '/palaute/', '/feedback/'),
    prepare: async (page) => {
      await expect(page.locator('[data-feedback-state]')).toHaveCount(20);
    },
  },
  {
    name: 'feedback-review',
    path: (lang) => en(lang, '/palaute/tarkastelu/', '/feedback/review/'),
    prepare: async (page, lang) => {
      await postToCollector(page);
      await page.getByLabel(lang === 'fi' ? 'Ylläpitäjän tunnus' : 'Admin token').fill(REVIEW_TOKEN);
      await page.getByRole('button', { name: lang === 'fi' ? 'Näytä palaute' : 'Show feedback' }).click();
      await expect(page.getByTestId('review-table').locator('tbody tr').first()).toBeVisible();
    },
  },
  { name: 'schedule', path: (lang) => en(lang, '/aikataulu/', '/schedule/') },
  {
    name: 'meeting-brief',
    path: (lang) => en(lang, `/aikataulu/${ACADEMY}/sprint-1/`, `/schedule/${ACADEMY}/sprint-1/`),
  },
  {
    name: 'plan',
    path: (lang) => en(lang, '/kehittamissuunnitelma/', '/development-plan/'),
    prepare: async (page) => {
      await expect(page.locator('fieldset.plan-worksheet')).toBeEnabled();
    },
  },
  { name: 'self-assessment', path: (lang) => en(lang, '/itsearviointi/', '/self-assessment/') },
  {
    name: 'team',
    path: (lang) => en(lang, '/tiimi/', '/team/'),
    prepare: async (page) => {
      await expect(page.locator('.team-table tbody tr')).toHaveCount(10);
    },
  },
  { name: 'offline', path: (lang) => en(lang, '/ei-yhteytta/', '/offline/') },
];

/**
 * Gives the collector feedback of its own for the review page. Both languages' tests send the same
 * items (the collector stores each id once), fewer than the collector's rate limit; when other tests
 * have used up the limit, it waits as the collector asks.
 */
async function postToCollector(page: Page): Promise<void> {
  for (const item of collectorItems(manifest).slice(0, 8)) {
    for (let attempt = 0; ; attempt++) {
      const response = await page.request.post('/api/feedback', { data: item });
      if (response.status() === 429 && attempt < 3) {
        const { retryAfterSeconds = 5 } = (await response.json()) as { retryAfterSeconds?: number };
        await page.waitForTimeout(retryAfterSeconds * 1000);
        continue;
      }
      expect(response.ok(), await response.text()).toBe(true);
      break;
    }
  }
}

/** Whatever is wrong with the layout as it is now, as sentences naming the element. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element): string => {
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
    };
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    /** Inside a box that scrolls or clips sideways on purpose (a table's scroll box, a visually hidden text). */
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    };

    const width = document.documentElement.clientWidth;
    const docWidth = document.documentElement.scrollWidth;
    if (docWidth > width) {
      const widest = [...document.body.querySelectorAll('*')]
        .filter((el) => visible(el) && !clipped(el) && el.getBoundingClientRect().right > width + 1)
        .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
        .slice(0, 3)
        .map((el) => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
      problems.push(`the page is ${docWidth} px wide on a ${width} px screen: ${widest.join('; ')}`);
    }

    for (const badge of document.querySelectorAll('.status, .net-status, .state-badge')) {
      if (!visible(badge)) continue;
      const style = getComputedStyle(badge);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
      const chrome =
        parseFloat(style.paddingTop) +
        parseFloat(style.paddingBottom) +
        parseFloat(style.borderTopWidth) +
        parseFloat(style.borderBottomWidth);
      const height = badge.getBoundingClientRect().height;
      if (height > 2 * line + chrome + 1) problems.push(`badge ${name(badge)} is ${Math.round(height)} px tall`);
    }

    // Text that spills out of its own box sideways: a block whose content is wider than itself.
    const textBoxes =
      'p, li, dd, dt, td, th, label, legend, summary, h1, h2, h3, button, .button, .status, input, select';
    for (const el of document.querySelectorAll<HTMLElement>(textBoxes)) {
      if (!visible(el) || clipped(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.overflowX !== 'visible') continue;
      if (el.scrollWidth > el.clientWidth + 2) {
        problems.push(`${name(el)} spills out of its box (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
    }

    // A label and its field drawn on top of each other.
    for (const label of document.querySelectorAll('label')) {
      const control = label.control;
      if (!control || label.contains(control) || !visible(label) || !visible(control)) continue;
      const a = label.getBoundingClientRect();
      const b = control.getBoundingClientRect();
      const overlap =
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
      if (overlap) problems.push(`label ${name(label)} overlaps its field`);
    }
    // The parts of a page's main column drawn in another order than they come in it: a screen reader
    // reads them in the other order, and a slow phone, which paints a page while still reading it,
    // draws what comes first at the top and then moves it down (the knowledge check's contents did,
    // a layout shift of 0.3).
    for (const layout of document.querySelectorAll('.lesson-layout')) {
      if (getComputedStyle(layout).gridTemplateColumns.split(' ').length > 1) continue;
      const parts = [...layout.children].filter(visible);
      for (const [i, part] of parts.entries()) {
        const before = parts[i - 1];
        if (before && part.getBoundingClientRect().top < before.getBoundingClientRect().top)
          problems.push(`${name(part)} is drawn above ${name(before)}, which comes before it`);
      }
    }
    return problems;
  });
}

/** Where an element's top and bottom are, in px from the top of the page. */
const box = async (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY) };
    });

let storageState: LearnerState;
let manifest: CourseManifest;

test.describe('layout', () => {
  test.describe.configure({ mode: 'parallel' });

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    ({ storageState, manifest } = await importBusyLearner(browser, baseURL, ACADEMY));
    mkdirSync(SHOTS, { recursive: true });
  });

  for (const type of pageTypes) {
    for (const lang of ['fi', 'en'] as const) {
      test(`${type.name} (${lang}) fits a 320 and a 390 px phone and a laptop`, async ({ browser, baseURL }) => {
        test.setTimeout(90_000);
        const context = await browser.newContext({ baseURL, storageState, viewport: viewports[0] });
        const page = await context.newPage();
        await page.goto(type.path(lang, manifest));
        await type.prepare?.(page, lang);
        const problems: string[] = [];
        for (const viewport of viewports) {
          await page.setViewportSize(viewport);
          await page.evaluate(() => window.scrollTo(0, 0));
          problems.push(...(await layoutProblems(page)).map((p) => `${viewport.name}: ${p}`));
          if (viewport.width < 1000 && type.name === 'lesson') {
            const title = await box(page, 'main h1');
            if (title.bottom > viewport.height)
              problems.push(`${viewport.name}: the lesson title ends at ${title.bottom} px, below the first screen`);
            const paragraph = await box(page, 'main article p');
            if (viewport.width === 390 && paragraph.top > viewport.height - 40)
              problems.push(
                `${viewport.name}: the first paragraph starts at ${paragraph.top} px, below the first screen`,
              );
          }
          if (viewport.width === 390 && type.name === 'home') {
            const start = await box(page, '.hero .button-primary');
            if (start.bottom > viewport.height)
              problems.push(`${viewport.name}: the start button ends at ${start.bottom} px, below the first screen`);
          }
          // The first screen as PNG and the full page as JPEG (encoding a long PNG is slow), at the
          // two sizes a reviewer looks at.
          if (viewport.width !== 320) {
            const file = `${SHOTS}/${type.name}-${lang}-${viewport.name}`;
            await page.screenshot({ path: `${file}-first-screen.png` });
            await page.screenshot({ path: `${file}.jpeg`, fullPage: true, type: 'jpeg', quality: 70 });
          }
        }
        await context.close();
        expect(problems).toEqual([]);
      });
    }
  }
});
