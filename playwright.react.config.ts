import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/*
 * The islands' browser suite on a build whose islands run on React itself (ISLANDS=react) instead of
 * preact/compat. `npm run test:react` (scripts/testReact.mjs) makes that build in a folder of its own
 * and names it in REACT_DIST_DIR; the server serves it instead of dist/.
 */
const distDir = process.env['REACT_DIST_DIR'];
if (!distDir) throw new Error('REACT_DIST_DIR is not set: run the React suite with `npm run test:react`.');

const server = base.webServer;
if (!server || Array.isArray(server)) throw new Error('playwright.config.ts is expected to start one web server.');

export default defineConfig({
  ...base,
  testDir: 'tests/react',
  use: { ...base.use, serviceWorkers: 'block' },
  webServer: { ...server, env: { ...server.env, HANKINTAPOLKU_DIST_DIR: distDir } },
});
