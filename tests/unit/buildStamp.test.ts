import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesBetween, recordStamp, recordedStamp, stampOf } from '../../scripts/buildStamp.mjs';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'build-stamp-'));
  await mkdir(join(root, 'content', 'modules'), { recursive: true });
  await mkdir(join(root, 'src'));
  await mkdir(join(root, 'tests'));
  await writeFile(join(root, 'content', 'modules', 'goals.mdx'), '# Tavoitteet');
  await writeFile(join(root, 'src', 'page.ts'), 'export const a = 1;');
  await writeFile(join(root, 'astro.config.mjs'), 'export default {};');
  await writeFile(join(root, 'tests', 'page.test.ts'), 'test');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the stamp of the build inputs', () => {
  it('finds no change when nothing changed, nor when only a file the build does not read did', async () => {
    const before = await stampOf(root, {});
    await writeFile(join(root, 'tests', 'page.test.ts'), 'another test');
    expect(changesBetween(before, await stampOf(root, {}))).toEqual([]);
  });

  it('names content and code that changed, were added or removed', async () => {
    const before = await stampOf(root, {});
    await writeFile(join(root, 'content', 'modules', 'goals.mdx'), '# Tavoitteet ja vaikuttavuus');
    await writeFile(join(root, 'src', 'new.ts'), 'export const b = 2;');
    await rm(join(root, 'src', 'page.ts'));
    expect(changesBetween(before, await stampOf(root, {}))).toEqual([
      'changed content/modules/goals.mdx',
      'added src/new.ts',
      'removed src/page.ts',
    ]);
  });

  it('counts the build settings from the environment, and only those', async () => {
    const before = await stampOf(root, { HOME: '/home/a' });
    expect(changesBetween(before, await stampOf(root, { HOME: '/home/b' }))).toEqual([]);
    expect(changesBetween(before, await stampOf(root, { SITE_URL: 'https://kurssi.example.fi' }))).toEqual([
      'setting SITE_URL',
    ]);
    expect(changesBetween(before, await stampOf(root, { HANKINTAPOLKU_PILOT: 'off' }))).toEqual([
      'setting HANKINTAPOLKU_PILOT',
    ]);
  });

  it('is recorded only for a finished build, and a missing build means building', async () => {
    const dist = join(root, 'dist');
    const stamp = await stampOf(root, {});
    await recordStamp(root, stamp);
    expect(await recordedStamp(root, dist)).toBeUndefined();
    expect(changesBetween(undefined, stamp)).toEqual(['no finished build is recorded']);
    await mkdir(dist);
    await writeFile(join(dist, 'index.html'), '<!DOCTYPE html>');
    await writeFile(join(dist, 'sw.js'), '');
    expect(await recordedStamp(root, dist)).toEqual(stamp);
    await recordStamp(root, undefined);
    expect(await recordedStamp(root, dist)).toBeUndefined();
  });
});
