import { describe, expect, it } from 'vitest';
import { lessonMinutes, quizMinutes, REFLECTION_MINUTES, WORDS_PER_MINUTE } from '../../src/course/studyTime';
import { buildManifest } from '../../src/course/buildManifest';
import type { CourseSources } from '../../src/course/validateCourse';

const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'];
const words = (n: number, word = 'hankinta') => Array.from({ length: n }, () => word).join(' ');

describe('study time from words', () => {
  it('reads Finnish more slowly per word than English, and adds the reflection', () => {
    const text = { body: words(600), takeaways: [], reflection: '' };
    expect(lessonMinutes(text, 'fi')).toBe(Math.ceil(600 / WORDS_PER_MINUTE.fi) + REFLECTION_MINUTES);
    expect(lessonMinutes(text, 'en')).toBe(Math.ceil(600 / WORDS_PER_MINUTE.en) + REFLECTION_MINUTES);
    expect(lessonMinutes(text, 'fi')).toBeGreaterThan(lessonMinutes(text, 'en'));
  });

  it('counts the takeaways and the prompt but not component tags, link addresses or Markdown marks', () => {
    const plain = lessonMinutes({ body: words(199), takeaways: [], reflection: '' }, 'fi');
    const marked = lessonMinutes(
      {
        body: `## ${words(99)}\n\n<Example title="x" fictional>\n[${words(100)}](/sanasto/#a-very-long-anchor)\n</Example>`,
        takeaways: [],
        reflection: '',
      },
      'fi',
    );
    expect(marked).toBe(plain);
    expect(lessonMinutes({ body: words(199), takeaways: [words(2)], reflection: 'Mitä?' }, 'fi')).toBe(plain + 1);
  });

  it('times a knowledge check by the words of its questions, options and explanations', () => {
    const localized = (n: number) => ({ fi: words(n), en: words(n) });
    const option = { text: localized(20), explanation: localized(30) };
    const quiz = { questions: [{ prompt: localized(50), options: [option, option] }] };
    expect(quizMinutes(quiz, 'fi')).toBe(Math.ceil(150 / WORDS_PER_MINUTE.fi));
    expect(quizMinutes(quiz, 'en')).toBe(Math.ceil(150 / WORDS_PER_MINUTE.en));
  });
});

describe('the manifest’s minutes', () => {
  function course(finnishWords: number, override?: number): CourseSources {
    const sources: CourseSources = { modules: [], quizzes: [], lessons: [] };
    const l = (s: string) => ({ fi: s, en: s });
    moduleIds.forEach((id, i) => {
      sources.modules.push({
        id: `${id}/module.yaml`,
        filePath: id,
        data: {
          id,
          order: i + 1,
          title: l(id),
          summary: l('s'),
          objectives: { fi: ['a', 'b', 'c'], en: ['a', 'b', 'c'] },
        },
      });
      const option = { text: l(words(10)), correct: true, explanation: l(words(90)) };
      sources.quizzes.push({
        id: `${id}/quiz.yaml`,
        filePath: id,
        data: { questions: [{ id: 'q', prompt: l('p'), options: [option] }] },
      });
      for (const lang of ['fi', 'en'] as const) {
        sources.lessons.push({
          id: `${id}/${lang}/01-l.mdx`,
          filePath: id,
          data: { id: 'l', order: 1, title: 't', summary: 's', takeaways: [], reflection: '', minutes: override },
          body: words(lang === 'fi' ? finnishWords : finnishWords * 1.5),
        });
      }
    });
    return sources;
  }

  it('computes each lesson’s minutes per language, and a module’s as its lessons plus the check', () => {
    const goals = buildManifest(course(1000)).modules.find((m) => m.id === 'goals');
    expect(goals?.lessons[0]?.minutes).toEqual({ fi: 10 + REFLECTION_MINUTES, en: 10 + REFLECTION_MINUTES });
    expect(goals?.minutes).toEqual({ fi: 13 + 2, en: 13 + 1 });
  });

  it('uses a lesson’s minutes field as an override', () => {
    const goals = buildManifest(course(1000, 25)).modules.find((m) => m.id === 'goals');
    expect(goals?.lessons[0]?.minutes).toEqual({ fi: 25, en: 25 });
  });
});
