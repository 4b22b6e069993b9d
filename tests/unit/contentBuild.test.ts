import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
});
