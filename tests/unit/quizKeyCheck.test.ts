import { describe, expect, it } from 'vitest';
import { quizKeyWarnings } from '../../src/course/quizKeyCheck';
import type { QuizData } from '../../src/schemas/content';

const text = (s: string) => ({ fi: s, en: s });
/** A question whose options are `texts`, the ones at `right` correct. */
function question(id: string, texts: string[], right: number[]): QuizData['questions'][number] {
  return {
    id,
    prompt: text(`${id}?`),
    options: texts.map((t, i) => ({ text: text(t), correct: right.includes(i), explanation: text('because') })),
  };
}
const file = (questions: QuizData['questions']) => [
  { id: 'tools/quiz.yaml', filePath: 'content/modules/tools/quiz.yaml', data: { questions } },
];

describe('the build’s check of guessable knowledge-check keys', () => {
  it('warns, naming the file, when the right option is written first in most questions', () => {
    const questions = ['a', 'b', 'c', 'd'].map((id) => question(id, ['bb', 'aa', 'cc'], [0]));
    const warnings = quizKeyWarnings(file(questions));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/content\/modules\/tools\/quiz\.yaml: the right option is option 1 in 4 of 4/);
  });

  it('warns when the right option is usually the longest', () => {
    const questions = [0, 1, 2, 0].map((at, i) => {
      const texts = ['short', 'brief', 'terse'];
      texts[at] = 'a much longer and more careful option';
      return question(`q${i}`, texts, [at]);
    });
    expect(quizKeyWarnings(file(questions))).toEqual([expect.stringMatching(/is the longest in 4 of 4/)]);
  });

  it('warns when the right options of multiple-answer questions come first', () => {
    const questions = [
      question('m1', ['a', 'b', 'c', 'd'], [0, 1]),
      question('m2', ['a', 'b', 'c', 'd'], [0, 1, 2]),
      question('s1', ['aa', 'b', 'c'], [1]),
    ];
    expect(quizKeyWarnings(file(questions))).toEqual([expect.stringMatching(/right options come first in 2 of 2/)]);
  });

  it('says nothing about keys spread over positions and lengths', () => {
    const questions = [
      question('a', ['long right one', 'x', 'longer wrong one'], [0]),
      question('b', ['x', 'right', 'the longest of all'], [1]),
      question('c', ['same', 'also', 'ok'], [2]),
      question('d', ['w', 'xx', 'yyy', 'r'], [3]),
      question('m', ['a', 'b', 'c', 'd'], [1, 3]),
    ];
    expect(quizKeyWarnings(file(questions))).toEqual([]);
  });
});
