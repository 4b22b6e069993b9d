import { describe, expect, it } from 'vitest';
import { ContentError, validateCourse, type CourseSources } from '../../src/course/validateCourse';
import { buildManifest, contentVersionOf } from '../../src/course/buildManifest';
import { lessonSchema, moduleSchema, quizSchema } from '../../src/schemas/content';

const localized = (s: string) => ({ fi: `${s} fi`, en: `${s} en` });
const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'];

function soundCourse(): CourseSources {
  const sources: CourseSources = { modules: [], quizzes: [], lessons: [] };
  moduleIds.forEach((id, i) => {
    sources.modules.push({
      id: `${id}/module.yaml`,
      filePath: `content/modules/${id}/module.yaml`,
      data: {
        id,
        order: i + 1,
        title: localized(id),
        summary: localized('s'),
        objectives: { fi: ['a', 'b', 'c'], en: ['a', 'b', 'c'] },
      },
    });
    sources.quizzes.push({
      id: `${id}/quiz.yaml`,
      filePath: `content/modules/${id}/quiz.yaml`,
      data: { questions: [] },
    });
    for (const lang of ['fi', 'en']) {
      for (const n of [1, 2]) {
        sources.lessons.push({
          id: `${id}/${lang}/0${n}-l${n}.mdx`,
          filePath: `content/modules/${id}/${lang}/0${n}-l${n}.mdx`,
          data: {
            id: `l${n}`,
            order: n,
            title: `${lang} ${n}`,
            minutes: 5,
            summary: 's',
            takeaways: ['a', 'b'],
            reflection: 'r',
          },
          digest: `${id}${lang}${n}`,
        });
      }
    }
  });
  return sources;
}

const problemsOf = (sources: CourseSources): string[] => {
  try {
    validateCourse(sources);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
};

describe('validateCourse', () => {
  it('accepts a sound course', () => {
    expect(problemsOf(soundCourse())).toEqual([]);
  });

  it('names both files when a lesson id is duplicated within a language', () => {
    const s = soundCourse();
    const second = s.lessons.find((l) => l.id === 'goals/en/02-l2.mdx');
    if (second) second.data = { ...second.data, id: 'l1' };
    expect(problemsOf(s)).toContainEqual(
      'content/modules/goals/en/02-l2.mdx: field "id" "l1" is duplicated (also in content/modules/goals/en/01-l1.mdx)',
    );
  });

  it('names a lesson that exists in only one language', () => {
    const s = soundCourse();
    s.lessons = s.lessons.filter((l) => l.id !== 'tools/en/02-l2.mdx');
    expect(problemsOf(s)).toEqual([
      'content/modules/tools/fi/02-l2.mdx: lesson "l2" exists in fi but not in en (add content/modules/tools/en/ with the same id)',
    ]);
  });

  it('names a lesson whose order differs between the languages', () => {
    const s = soundCourse();
    const en = s.lessons.find((l) => l.id === 'tools/en/02-l2.mdx');
    if (en) en.data = { ...en.data, order: 7 };
    expect(problemsOf(s)[0]).toMatch(/tools\/en\/02-l2\.mdx: field "order" is 7 but 2/);
  });

  it('names a lesson in a module folder that has no module.yaml', () => {
    const s = soundCourse();
    const [template] = s.lessons;
    if (!template) throw new Error('no lessons');
    s.lessons.push({ ...template, id: 'ethics/fi/01-l1.mdx', filePath: 'content/modules/ethics/fi/01-l1.mdx' });
    expect(problemsOf(s)).toEqual([
      `content/modules/ethics/fi/01-l1.mdx: module folder "ethics" has no module.yaml, so it is not a module; known ids: ${moduleIds.join(', ')}`,
    ]);
  });

  it('takes the modules from the content: a new module folder needs no code, only its files', () => {
    const s = soundCourse();
    const goals = (x: { id: string }): boolean => x.id.startsWith('goals/');
    for (const list of [s.modules, s.quizzes, s.lessons] as { id: string; filePath: string }[][]) {
      for (const e of list.filter(goals)) {
        list.push({
          ...structuredClone(e),
          id: e.id.replace('goals/', 'ethics/'),
          filePath: e.filePath.replace('/goals/', '/ethics/'),
        });
      }
    }
    const ethics = s.modules.find((m) => m.id.startsWith('ethics/'));
    if (!ethics) throw new Error('no module');
    ethics.data = { ...ethics.data, id: 'ethics', order: 8 };
    expect(problemsOf(s)).toEqual([]);
    expect(buildManifest(s).modules.map((m) => m.id)).toEqual([...moduleIds, 'ethics']);
  });

  it('names a module whose id does not match its folder, and a module without its knowledge check', () => {
    const s = soundCourse();
    const support = s.modules.find((m) => m.id.startsWith('support/'));
    if (support) support.data = { ...support.data, id: 'tuki' };
    s.quizzes = s.quizzes.filter((q) => !q.id.startsWith('goals/'));
    expect(problemsOf(s)).toEqual([
      'content/modules/support/module.yaml: field "id" is "tuki" but the folder is "support"; they must match',
      'content/modules/goals/quiz.yaml: the knowledge check of module "goals" is missing',
    ]);
  });

  it('names a module order beyond the number of modules', () => {
    const s = soundCourse();
    const last = s.modules.at(-1);
    if (last) last.data = { ...last.data, order: 9 };
    expect(problemsOf(s)).toEqual([
      'content/modules/support/module.yaml: field "order" is 9 but the course has 7 modules; number them from 1',
    ]);
  });

  it('refuses a lesson id that would collide with the knowledge check path', () => {
    const s = soundCourse();
    for (const l of s.lessons.filter((x) => x.id.startsWith('goals/') && x.data.id === 'l2'))
      l.data = { ...l.data, id: 'osaamistesti' };
    expect(problemsOf(s).join('\n')).toContain('reserved for the knowledge check');
  });
});

describe('buildManifest', () => {
  it('lists modules and lessons in order with titles in both languages', () => {
    const m = buildManifest(soundCourse());
    expect(m.modules.map((x) => x.id)).toEqual([...moduleIds]);
    expect(m.modules[0]?.lessons).toEqual([
      { id: 'l1', minutes: { fi: 5, en: 5 }, title: { fi: 'fi 1', en: 'en 1' } },
      { id: 'l2', minutes: { fi: 5, en: 5 }, title: { fi: 'fi 2', en: 'en 2' } },
    ]);
    expect(m.passMark).toBe(0.8);
  });

  it('changes the content version when any file changes, and only then', () => {
    const a = soundCourse();
    const b = soundCourse();
    expect(contentVersionOf(a)).toBe(contentVersionOf(b));
    const changed = b.lessons[3];
    if (changed) changed.digest = 'changed';
    expect(contentVersionOf(a)).not.toBe(contentVersionOf(b));
    expect(contentVersionOf(a)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('content schemas', () => {
  it('explains a module id that is not a stable id', () => {
    const r = moduleSchema.safeParse({
      id: 'Ethics',
      order: 1,
      title: localized('t'),
      summary: localized('s'),
      objectives: { fi: ['a', 'b', 'c'], en: ['a', 'b', 'c'] },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['id']);
    expect(r.error?.issues[0]?.message).toContain('must use only lowercase letters');
  });

  it('requires the same number of objectives in both languages', () => {
    const r = moduleSchema.safeParse({
      id: 'goals',
      order: 1,
      title: localized('t'),
      summary: localized('s'),
      objectives: { fi: ['a', 'b', 'c'], en: ['a', 'b', 'c', 'd'] },
    });
    expect(r.error?.issues[0]?.path).toEqual(['objectives']);
  });

  it('requires takeaways and a reflection prompt on every lesson', () => {
    const r = lessonSchema.safeParse({ id: 'x', order: 1, title: 't', minutes: 5, summary: 's' });
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['reflection', 'takeaways']);
  });

  it('requires a correct option and an explanation for every option', () => {
    const option = { text: localized('o'), correct: false, explanation: localized('e') };
    const question = { id: 'q', prompt: localized('p'), options: [option, option] };
    const r = quizSchema.safeParse({
      questions: [
        question,
        { ...question, id: 'q2' },
        { ...question, id: 'q3' },
        { ...question, id: 'q4' },
        { ...question, id: 'q5' },
      ],
    });
    expect(r.error?.issues[0]?.message).toBe('needs at least one option with correct: true');
    const noExplanation = { text: localized('o'), correct: true };
    const r2 = quizSchema.safeParse({
      questions: [{ id: 'q', prompt: localized('p'), options: [noExplanation, option] }],
    });
    expect(r2.error?.issues.some((i) => i.path.join('.') === 'questions.0.options.0.explanation')).toBe(true);
  });
});
