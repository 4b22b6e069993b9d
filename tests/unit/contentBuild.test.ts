import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseManifest } from '../../src/schemas/manifest';
import { buildCourse, edit, makeCourse } from './helpers/buildFixture';

// Each test runs the real build on a generated course with one thing broken, and checks that the
// build stops and names the file and the field at fault.
describe('the build refuses broken content', () => {
  it('builds a sound generated course (the baseline the other tests break)', () => {
    const dir = makeCourse();
    const { status, output } = buildCourse(dir);
    expect(output).not.toMatch(/problem/i);
    expect(status).toBe(0);
    expect(existsSync(join(dir, 'dist', 'en', 'modules', 'goals', 'lesson-1', 'index.html'))).toBe(true);
  });

  it('names the file and field when a required field is missing', () => {
    const dir = makeCourse();
    edit(dir, 'modules/goals/fi/001-lesson-1.mdx', (text) => text.replace(/^reflection:.*$/m, ''));
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('goals/fi/001-lesson-1.mdx');
    expect(output).toContain('reflection');
  });

  it('names both files when a lesson id is duplicated', () => {
    const dir = makeCourse(2);
    edit(dir, 'modules/tools/en/002-lesson-2.mdx', (text) => text.replace('id: lesson-2', 'id: lesson-1'));
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/tools\/en\/00[12]-lesson-[12]\.mdx: field "id" "lesson-1" is duplicated/);
  });

  it('names the lesson that exists in one language but not the other', () => {
    const dir = makeCourse(2);
    edit(dir, 'modules/support/fi/002-lesson-2.mdx', (text) => text.replace('id: lesson-2', 'id: only-in-finnish'));
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('support/fi/002-lesson-2.mdx: lesson "only-in-finnish" exists in fi but not in en');
  });

  it('names the file whose module id is unknown', () => {
    const dir = makeCourse();
    edit(dir, 'modules/teamwork/module.yaml', (text) => text.replace('id: teamwork', 'id: team-work'));
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('teamwork/module.yaml');
    expect(output).toMatch(/id/);
  });

  it('names the file and field of a malformed glossary term', () => {
    const dir = makeCourse();
    edit(dir, 'modules/tools/glossary.yaml', (text) =>
      text.replace(/definition: "The term of module tools\."/, 'definiton: x'),
    );
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('tools/glossary.yaml');
    expect(output).toMatch(/terms\.0\.en\.definition/);
  });

  it('names both files when two glossary terms share an id', () => {
    const dir = makeCourse();
    edit(dir, 'modules/support/glossary.yaml', (text) => text.replace('id: term-of-support', 'id: term-of-tools'));
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    // Both files are named, whichever is read first.
    expect(output).toMatch(
      /glossary\.yaml: field "terms\.0\.id" "term-of-tools" is duplicated \(also in .*glossary\.yaml terms\.0\)/,
    );
    expect(output).toContain('support/glossary.yaml');
    expect(output).toContain('tools/glossary.yaml');
  });

  it('warns about a lesson not reviewed for a year, and still builds', () => {
    const dir = makeCourse();
    edit(dir, 'modules/goals/en/001-lesson-1.mdx', (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2024-01-15'));
    const { status, output } = buildCourse(dir);
    expect(status, output).toBe(0);
    expect(output).toContain('1 lesson(s) not reviewed in the last 12 months');
    expect(output).toContain('goals/en/001-lesson-1.mdx: reviewed 2024-01-15');
  });
});

// One real build of a generated course with two lessons a module, read by the tests below.
describe('the built site', () => {
  let dist = '';
  beforeAll(() => {
    const dir = makeCourse(2);
    const { status, output } = buildCourse(dir);
    expect(status, output).toBe(0);
    dist = join(dir, 'dist');
  }, 120_000);
  const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

  it('writes the course manifest once, named by its hash, and progress pages link to it instead of carrying it', () => {
    const files = readdirSync(dist).filter((name) => /^course-manifest\.[0-9a-f]{12}\.json$/.test(name));
    expect(files).toHaveLength(1);
    const file = files[0] ?? '';
    const manifest = JSON.parse(readFileSync(join(dist, file), 'utf8')) as CourseManifest;
    expect(manifest.modules).toHaveLength(7);
    expect(manifest.modules.find((m) => m.id === 'goals')?.lessons.map((l) => l.id)).toEqual(['lesson-1', 'lesson-2']);

    const link = `<link rel="preload" id="course-manifest" href="/${file}" as="fetch" crossorigin="anonymous">`;
    for (const path of ['', 'moduulit/goals', 'moduulit/goals/lesson-1', 'en/modules/goals/knowledge-check']) {
      expect(page(path), path).toContain(link);
      expect(page(path), path).not.toContain('questionCount');
    }
    // Pages without progress do not load it at all.
    expect(page('haku')).not.toContain('course-manifest');
  });

  it('puts only its own module’s lessons on a lesson page, so pages do not grow with the whole course', () => {
    const lesson = page('moduulit/goals/lesson-1');
    expect(lesson).toContain('href="/moduulit/goals/lesson-2/"');
    for (const other of ['background', 'tools', 'support']) {
      expect(lesson).not.toContain(`/moduulit/${other}/lesson-`);
      expect(lesson).not.toContain(`Oppitunti 1 ${other}`);
    }
  });

  it('lists every module’s glossary terms on the glossary page, sorted, with anchors and the other language', () => {
    const fi = page('sanasto');
    const ids = [...fi.matchAll(/<dt id="(term-of-[a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(7);
    expect(fi.indexOf('termi background')).toBeLessThan(fi.indexOf('termi tools'));
    // Scoped styles may add data-astro-cid attributes; the text and its language are what matter.
    expect(fi).toMatch(/<span lang="en"[^>]*>term tools<\/span>/);
    expect(page('en/glossary')).toMatch(/<span lang="fi"[^>]*>termi tools<\/span>/);
  });

  it('shows a lesson’s review date and its study minutes computed from its words', () => {
    const lesson = page('en/modules/goals/lesson-1');
    expect(lesson).toMatch(/Reviewed \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(lesson).toContain('Lesson 1 of 2 · 5 min');
  });
});
