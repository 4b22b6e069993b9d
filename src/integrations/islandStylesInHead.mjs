// @ts-check
// Moves Astro's island style (`astro-island,astro-slot,astro-static-slot{display:contents}`) from the
// body into the head of every built page. Astro writes it just before the first island, wherever that
// is (after a `<dl>`, inside a `<details>`), and the HTML standard allows `<style>` only in the head
// (the Nu validator reports it on every page with an island). Astro keeps it in the body on purpose
// and has no option for it (withastro/astro#10308, still open); in the head it applies from the first
// paint just the same. Only the build is rewritten: `astro dev` pages are never validated.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';

const islandStyle = `<style>${ISLAND_STYLES}</style>`;

/**
 * The page with the island style moved to the end of its head; the page unchanged when it has no
 * island (or no head to move it to).
 * @param {string} html
 * @returns {string}
 */
export function hoistIslandStyle(html) {
  const at = html.indexOf(islandStyle);
  const headEnd = html.indexOf('</head>');
  if (at === -1 || headEnd === -1 || at < headEnd) return html;
  const withoutStyle = html.slice(0, at) + html.slice(at + islandStyle.length);
  return withoutStyle.slice(0, headEnd) + islandStyle + withoutStyle.slice(headEnd);
}

/** @returns {import('astro').AstroIntegration} */
export function islandStylesInHead() {
  return {
    name: 'hankintapolku:island-styles-in-head',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        let moved = 0;
        for (const entry of entries) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = join(entry.parentPath, entry.name);
          const html = await readFile(file, 'utf8');
          const hoisted = hoistIslandStyle(html);
          if (hoisted === html) continue;
          await writeFile(file, hoisted);
          moved += 1;
        }
        logger.info(`Island style moved into the head of ${moved} pages.`);
      },
    },
  };
}
