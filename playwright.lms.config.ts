import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The SCORM package tests (tests/e2e/lms*.spec.ts) on their own: they serve the unzipped package
 * themselves, so they need neither the website build nor its server. `npm run test:lms`.
 */
export default defineConfig({ ...base, testIgnore: [], testMatch: /[\\/]lms[^\\/]*\.spec\.ts$/, webServer: undefined });
