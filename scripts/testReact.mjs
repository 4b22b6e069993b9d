// Builds the site with its islands on React itself (ISLANDS=react) into a folder of its own, then runs
// the islands' browser suite (tests/react) on that build. The default build in dist/ is left as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from './findBrowser.mjs';

try {
  findBrowser();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const buildDir = mkdtempSync(join(tmpdir(), 'hankintapolku-react-'));
const run = (args, env) => spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
let status = run(['astro', 'build', '--silent'], { ISLANDS: 'react', HANKINTAPOLKU_BUILD_DIR: buildDir });
if (status === 0) {
  status = run(['playwright', 'test', '-c', 'playwright.react.config.ts', ...process.argv.slice(2)], {
    REACT_DIST_DIR: join(buildDir, 'dist'),
  });
} else {
  console.error('The React build failed.');
}
rmSync(buildDir, { recursive: true, force: true });
process.exit(status);
