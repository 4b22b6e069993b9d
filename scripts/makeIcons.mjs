// Renders the PNG icons from public/favicon.svg with the test browser. Run after changing the
// logo: `node scripts/makeIcons.mjs`; the PNGs are committed. Pages link the 32 px PNG as their
// favicon rather than the SVG: Chromium renders an SVG favicon as a document of its own on the page's
// main thread (a 60-80 ms task on a first visit under a fourfold CPU slowdown).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findBrowser } from './findBrowser.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const executablePath = findBrowser();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
const page = await browser.newPage();
// Maskable icons keep the mark inside the middle 80 % safe zone, on a full-bleed background.
const icons = [
  { file: 'favicon-32.png', size: 32, inset: 0, transparent: true },
  { file: 'apple-touch-icon.png', size: 180, inset: 0.1 },
  { file: 'icon-192.png', size: 192, inset: 0 },
  { file: 'icon-512.png', size: 512, inset: 0 },
  { file: 'maskable-512.png', size: 512, inset: 0.2 },
];
for (const { file, size, inset, transparent = false } of icons) {
  await page.setViewportSize({ width: size, height: size });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:${transparent ? 'transparent' : '#0b4f8a'};width:${size}px;height:${size}px;display:grid;place-items:center">` +
      `<div style="width:${size - 2 * pad}px;height:${size - 2 * pad}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: transparent });
}
await browser.close();
console.log(`wrote ${icons.length} icons to public/icons/`);
