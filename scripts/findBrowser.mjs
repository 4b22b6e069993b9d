// Finds a Chromium for the browser tests: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
// Playwright's own download. Returns undefined for Playwright's own, or throws with what to run.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No browser found for the tests. Do one of these, then run npm test again:\n' +
      '  - Debian or Ubuntu: sudo apt-get install -y chromium\n' +
      '  - elsewhere: npx playwright install chromium\n' +
      '  - or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
