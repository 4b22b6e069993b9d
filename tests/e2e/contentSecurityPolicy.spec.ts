import { expect, test, type Page } from '@playwright/test';

// Every kind of page, in both languages, under the Content-Security-Policy the server sends: any
// inline script or style the build emits without the server hashing it, any eval, any blocked load
// shows up here as a securitypolicyviolation event.
const pages = [
  '/',
  '/moduulit/goals/',
  '/moduulit/goals/osaamistesti/',
  '/haku/?q=hankinta',
  '/kehittamissuunnitelma/',
  '/itsearviointi/',
  '/tiimi/',
  '/aikataulu/',
  '/omat-tiedot/',
  '/muistiinpanot/',
  '/todistus/',
  '/palaute/',
  '/palaute/tarkastelu/',
  '/sanasto/',
  '/saavutettavuus/',
  '/ei-yhteytta/',
  '/ei-ole-olemassa/',
  '/en/',
  '/en/modules/goals/',
  '/en/search/?q=procurement',
  '/en/development-plan/',
  '/en/schedule/',
  '/en/my-data/',
  '/en/feedback/review/',
  '/en/not-there/',
];

/** Collects the page's CSP violations from its first script on, and those Chromium reports to the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${String(event.lineNumber)})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('Content-Security-Policy', () => {
  for (const path of pages) {
    test(`${path} runs with no policy violation`, async ({ page }) => {
      const violations = await watchViolations(page);
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await page.waitForLoadState('networkidle');
      // Islands hydrate when visible or idle: scroll to the end so every one of them runs.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      expect(violations).toEqual([]);
    });
  }

  test('a lesson runs with no policy violation, and no other site may frame it', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/moduulit/goals/');
    await page.locator('a[data-lesson-id]').first().click();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    const policy = (await page.request.get(page.url())).headers()['content-security-policy'];
    expect(policy).not.toContain('unsafe-inline');
  });
});
