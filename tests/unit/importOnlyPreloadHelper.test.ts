import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { importOnlyPreloadHelper, preloadHelperId } from '../../src/integrations/importOnlyPreloadHelper.mjs';

type Chunk = { type: 'chunk'; fileName: string; dynamicImports: string[]; viteMetadata?: { importedCss: Set<string> } };

const plugin = importOnlyPreloadHelper();
/** Calls a plugin hook, whether written as a function or as `{ handler }`. */
function call(hook: unknown, context: object, ...args: unknown[]): unknown {
  const run = typeof hook === 'function' ? hook : (hook as { handler: (...a: unknown[]) => unknown }).handler;
  return run.apply(context, args);
}

/** Runs the plugin's bundle check and returns the error it raised, if any. */
function check(bundle: Record<string, Chunk>): string | undefined {
  let raised: string | undefined;
  call(plugin.generateBundle, { error: (message: string) => (raised = message) }, {}, bundle, false);
  return raised;
}

const chunk = (fileName: string, dynamicImports: string[] = [], css: string[] = []): Chunk => ({
  type: 'chunk',
  fileName,
  dynamicImports,
  viteMetadata: { importedCss: new Set(css) },
});

describe('the import-only preload helper', () => {
  it("takes the place of Vite's helper and nothing else", () => {
    const code = call(plugin.load, {}, preloadHelperId) as string;
    expect(code).toContain('export const __vitePreload');
    expect(code).not.toContain('modulepreload');
    expect(call(plugin.load, {}, '/src/client/boot.ts')).toBeNull();
  });

  it('imports, and reports a failed import with vite:preloadError before rethrowing it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'preload-helper-'));
    const file = join(folder, 'helper.mjs');
    writeFileSync(file, call(plugin.load, {}, preloadHelperId) as string);
    const window = new EventTarget();
    const reported: unknown[] = [];
    window.addEventListener('vite:preloadError', (event) =>
      reported.push((event as Event & { payload: unknown }).payload),
    );
    vi.stubGlobal('window', window);
    try {
      const { __vitePreload: helper } = (await import(pathToFileURL(file).href)) as {
        __vitePreload: (load: () => Promise<unknown>) => Promise<unknown>;
      };
      await expect(helper(() => Promise.resolve('module'))).resolves.toBe('module');
      const offline = new Error('offline');
      await expect(helper(() => Promise.reject(offline))).rejects.toBe(offline);
      expect(reported).toEqual([offline]);
    } finally {
      vi.unstubAllGlobals();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lets a build through when no dynamically imported chunk brings a stylesheet', () => {
    expect(
      check({ 'a.js': chunk('a.js', ['b.js']), 'b.js': chunk('b.js'), 'c.js': chunk('c.js', [], ['c.css']) }),
    ).toBeUndefined();
  });

  it('fails the build, naming both chunks and the stylesheet, when one does', () => {
    const message = check({ 'a.js': chunk('a.js', ['b.js']), 'b.js': chunk('b.js', [], ['_astro/b.css']) });
    expect(message).toContain('b.js, imported dynamically by a.js');
    expect(message).toContain('_astro/b.css');
  });
});
