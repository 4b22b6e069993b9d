// Runs the Playwright tests against the built site, after checking that there is a build and a browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './findBrowser.mjs';

if (!existsSync('dist/index.html')) {
  console.error('There is no build to test: run `npm run build` first.');
  process.exit(1);
}
try {
  findBrowser();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
