import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from './scripts/findBrowser.mjs';
import { REVIEW_TOKEN } from './tests/e2e/reviewToken';

/** The tests get a port of their own, so they never test a stale `npm start` left running. */
const port = Number(process.env['TEST_PORT'] ?? 4391);
const executablePath = findBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  // The LMS package specs run in their own suite on their own build (npm run test:lms).
  testIgnore: /[\\/]lms[^\\/]*\.spec\.ts$/,
  fullyParallel: true,
  // One worker in CI: on its two CPUs a second worker, the server and their browsers contend, and a
  // long test (two self-assessments, a reload, two axe runs) then ran past its 30 s limit.
  workers: process.env['CI'] ? 1 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node server/start.ts',
    url: `http://127.0.0.1:${port}/`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // A fresh collector database for every run, and review enabled with a known token.
      FEEDBACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'hankintapolku-e2e-')),
      FEEDBACK_ADMIN_TOKEN: REVIEW_TOKEN,
    },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
