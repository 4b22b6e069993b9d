import type { QuizData } from '../schemas/content';
import type { SourceEntry } from './validateCourse';
import { languages } from '../shared/languages';

/*
 * Warnings (not errors) about knowledge checks whose keys can be guessed without reading: the right
 * option written in the same place in most questions, or the right option usually the longest. The
 * check shuffles options for the learner, but the length cue survives shuffling, and a pattern in
 * the authored order shows what to even out when a question is rewritten.
 */

/** A share above which a pattern is worth a warning; chance alone gives 1/options or less. */
const PATTERN_SHARE = 0.6;
/** Fewer questions than this say nothing about a pattern. */
const MIN_QUESTIONS = 3;

const percent = (part: number, whole: number): string => `${Math.round((part / whole) * 100)} %`;

/** The authored positions of the right options of one question. */
function keyPositions(question: QuizData['questions'][number]): number[] {
  return question.options.flatMap((option, i) => (option.correct ? [i] : []));
}

/** Whether the right option of a one-answer question is longer than every wrong one, in every language. */
function keyIsLongest(question: QuizData['questions'][number]): boolean {
  const right = question.options.find((option) => option.correct);
  if (!right) return false;
  return languages.every((lang) =>
    question.options.every((option) => option === right || option.text[lang].length < right.text[lang].length),
  );
}

/** One message per pattern found, each naming the file. Empty when the keys look unguessable. */
export function quizKeyWarnings(quizzes: SourceEntry<QuizData>[]): string[] {
  const warnings: string[] = [];
  for (const quiz of quizzes) {
    const single = quiz.data.questions.filter((q) => keyPositions(q).length === 1);
    const multiple = quiz.data.questions.filter((q) => keyPositions(q).length > 1);

    const byPosition = new Map<number, number>();
    for (const q of single) {
      const position = keyPositions(q)[0] ?? 0;
      byPosition.set(position, (byPosition.get(position) ?? 0) + 1);
    }
    for (const [position, count] of byPosition) {
      if (single.length >= MIN_QUESTIONS && count / single.length > PATTERN_SHARE) {
        warnings.push(
          `${quiz.filePath}: the right option is option ${position + 1} in ${count} of ${single.length} one-answer questions (${percent(count, single.length)}); vary where the right option is written`,
        );
      }
    }

    const leading = multiple.filter((q) => keyPositions(q).every((position, i) => position === i));
    if (multiple.length >= 2 && leading.length / multiple.length > PATTERN_SHARE) {
      warnings.push(
        `${quiz.filePath}: the right options come first in ${leading.length} of ${multiple.length} questions with several right answers; mix right and wrong options`,
      );
    }

    const longest = single.filter(keyIsLongest);
    if (single.length >= MIN_QUESTIONS && longest.length / single.length > PATTERN_SHARE) {
      warnings.push(
        `${quiz.filePath}: the right option is the longest in ${longest.length} of ${single.length} one-answer questions (${percent(longest.length, single.length)}); make wrong options as full as the right one`,
      );
    }
  }
  return warnings;
}
