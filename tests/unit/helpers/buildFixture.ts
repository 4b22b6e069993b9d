import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCourse } from '../../../scripts/lib/syntheticCourse.mjs';

/** A fresh, valid generated course in a temporary folder, ready to be broken by a test. */
export function makeCourse(lessonsPerModule = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'hankintapolku-course-'));
  writeSyntheticCourse(join(dir, 'content'), { lessonsPerModule });
  return dir;
}

/** Edits a file of the fixture course in place. */
export function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, 'content', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Runs the real `astro build` on the fixture course; returns its exit status and all it printed. */
export function buildCourse(dir: string): { status: number | null; output: string } {
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      HANKINTAPOLKU_CONTENT_DIR: join(dir, 'content'),
      HANKINTAPOLKU_BUILD_DIR: dir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
