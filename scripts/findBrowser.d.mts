/** Path of the Chromium to use, or undefined for Playwright's own; throws with what to run if none. */
export function findBrowser(): string | undefined;
