import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteSite } from '../../scripts/buildLms.rewrite.mjs';

// A two-file site: a lesson page that names the collector, and the script it loads.
let site = '';
function siteWith(body: string): string {
  site = mkdtempSync(join(tmpdir(), 'hankintapolku-rewrite-'));
  mkdirSync(join(site, 'moduulit/a'), { recursive: true });
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, '_astro/x.js'), '');
  writeFileSync(
    join(site, 'moduulit/a/index.html'),
    `<html lang="fi"><head><script src="/_astro/x.js"></script></head><body>${body}</body></html>`,
  );
  return site;
}
const files = ['_astro/x.js', 'moduulit/a/index.html'];
const page = (): string => readFileSync(join(site, 'moduulit/a/index.html'), 'utf8');
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('package link rewriting and the configured feedback collector', () => {
  const endpoint = 'https://palaute.example.fi/api/feedback';
  const props = `<x-island props="{&quot;endpoint&quot;:[0,&quot;${endpoint}&quot;]}"></x-island>`;

  it('keeps an absolute collector endpoint as it is and makes the package’s own links relative', () => {
    siteWith(`${props}<form action="${endpoint}"></form>`);
    expect(rewriteSite(site, files, endpoint)).toEqual([]);
    expect(page()).toContain(`&quot;${endpoint}&quot;`);
    expect(page()).toContain(`action="${endpoint}"`);
    expect(page()).toContain('src="../../_astro/x.js"');
  });

  it('allows only that one origin: anything loaded from another is reported', () => {
    siteWith(`<form action="https://muu.example.fi/api/feedback"></form><img src="https://cdn.example.com/a.png">`);
    expect(rewriteSite(site, files, endpoint)).toEqual([
      'moduulit/a/index.html: loads https://muu.example.fi/api/feedback from outside the package',
      'moduulit/a/index.html: loads https://cdn.example.com/a.png from outside the package',
    ]);
  });

  it('with an absolute collector, a root-absolute /api/ address is reported rather than kept', () => {
    siteWith('<form action="/api/feedback"></form>');
    expect(rewriteSite(site, files, endpoint)).toEqual([
      'moduulit/a/index.html: links to /api/feedback, which is not in the package',
    ]);
  });

  it('without a configured collector, nothing from outside is allowed', () => {
    siteWith(`<form action="${endpoint}"></form>`);
    expect(rewriteSite(site, files, undefined)).toEqual([
      `moduulit/a/index.html: loads ${endpoint} from outside the package`,
    ]);
  });
});
