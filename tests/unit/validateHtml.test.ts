import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { failures } from '../../scripts/validateHtml.mjs';
import { hoistIslandStyle } from '../../src/integrations/islandStylesInHead.mjs';

const islandStyle = `<style>${ISLAND_STYLES}</style>`;
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Sivu</title>${head}</head><body>${body}</body></html>`;

describe('the island style', () => {
  it('moves from before the first island into the head', () => {
    const built = page(`<main><p>Teksti</p>${islandStyle}<astro-island uid="a"></astro-island></main>`);
    const hoisted = hoistIslandStyle(built);
    expect(hoisted).toBe(page('<main><p>Teksti</p><astro-island uid="a"></astro-island></main>', islandStyle));
  });

  it('leaves a page without islands, or with the style already in its head, as it is', () => {
    const plain = page('<main><p>Teksti</p></main>');
    expect(hoistIslandStyle(plain)).toBe(plain);
    const inHead = page('<main><astro-island uid="a"></astro-island></main>', islandStyle);
    expect(hoistIslandStyle(inHead)).toBe(inHead);
  });
});

describe('the HTML check', () => {
  it('fails on errors and on notes nobody has accepted, and lets the accepted note through', () => {
    const message = (type: 'error' | 'info', text: string) => ({ type, message: text });
    const slash = 'Trailing slash on void elements has no effect and interacts badly with unquoted attribute values.';
    const unknown = 'Some new note nobody has read yet.';
    const failed = failures([message('info', slash), message('error', 'Bad value'), message('info', unknown)]);
    expect(failed.map((m) => m.message)).toEqual(['Bad value', unknown]);
  });

  describe('over a built site', () => {
    let dist = '';
    beforeAll(async () => {
      dist = await mkdtemp(join(tmpdir(), 'validate-html-'));
      await mkdir(join(dist, 'en'));
      await writeFile(join(dist, 'index.html'), page(`<p>Hyvä</p><input name="q" />`));
      await writeFile(
        join(dist, 'en', 'index.html'),
        page(`<main><p>Search</p>${islandStyle}<form action="" method="get"></form></main>`).replace('"fi"', '"en"'),
      );
    });
    afterAll(() => rm(dist, { recursive: true, force: true }));

    it('names each invalid page with its errors, and fails', () => {
      const run = spawnSync(process.execPath, ['scripts/validateHtml.mjs', dist], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('en/index.html:1:');
      expect(run.stderr).toContain('A “style” element in “body” must be the first child of its parent.');
      expect(run.stderr).toContain('Bad value “” for attribute “action” on element “form”');
      expect(run.stderr).not.toMatch(/^index\.html/m);
      expect(run.stderr).toContain('HTML check of 2 pages');
    }, 180_000); // one Java start, which takes long on a busy machine
  });
});
