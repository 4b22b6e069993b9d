/*
 * Study time, computed from the words a learner reads, so that the minutes shown on lessons, modules
 * and home stay true when the text changes.
 *
 * This file has no imports and uses only type annotations that Node can strip, because the content
 * report (scripts/lib/contentStats.mjs) runs it directly under Node as well as through the build.
 */

/** A language code of the course (src/shared/languages.ts; not imported, see above). */
type Lang = string;

/**
 * Words read per minute when studying a lesson. Silent reading of standard texts averages about
 * 161 words a minute in Finnish and 228 in English (IReST, Trauzettel-Klosinski & Dietz 2012); a
 * Finnish word carries more (cases, possessive suffixes, compounds), so the same content has fewer,
 * longer words. Studying is slower than reading, so both speeds are about two thirds of the average.
 * A language without a figure of its own here is read at the English speed.
 */
export const WORDS_PER_MINUTE = { fi: 100, en: 150 } as const;

const wordsPerMinute = (lang: Lang): number =>
  (WORDS_PER_MINUTE as Readonly<Record<string, number | undefined>>)[lang] ?? WORDS_PER_MINUTE.en;

/** Minutes for writing the answer to a lesson's reflection prompt. */
export const REFLECTION_MINUTES = 3;

/** The prose of an MDX body: no component tags, Markdown markers, links' addresses or code. */
export function proseOf(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<\/?[A-Z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>[\]`|]/g, ' ');
}

/** Words: runs of characters with at least one letter or digit. */
export const countWords = (text: string): number => (text.match(/\S*[\p{L}\p{N}]\S*/gu) ?? []).length;

const readingMinutes = (words: number, lang: Lang): number => Math.max(1, Math.ceil(words / wordsPerMinute(lang)));

/** What a lesson asks the learner to read and do, in one language. */
export interface LessonText {
  /** The MDX body. */
  body: string;
  takeaways: readonly string[];
  reflection: string;
}

/** Minutes for a lesson: reading its text, takeaways and prompt, then writing the reflection. */
export function lessonMinutes(lesson: LessonText, lang: Lang): number {
  const words =
    countWords(proseOf(lesson.body)) + countWords(lesson.takeaways.join(' ')) + countWords(lesson.reflection);
  return readingMinutes(words, lang) + REFLECTION_MINUTES;
}

/** The words of a knowledge check in one language, as the quiz files give them. */
interface QuizText {
  questions: readonly {
    prompt: Record<Lang, string>;
    options: readonly { text: Record<Lang, string>; explanation: Record<Lang, string> }[];
  }[];
}

/** Minutes for a knowledge check: reading every question, its options and their explanations once. */
export function quizMinutes(quiz: QuizText, lang: Lang): number {
  const words = quiz.questions.reduce(
    (sum, q) =>
      sum +
      countWords(q.prompt[lang] ?? '') +
      q.options.reduce((s, o) => s + countWords(o.text[lang] ?? '') + countWords(o.explanation[lang] ?? ''), 0),
    0,
  );
  return readingMinutes(words, lang);
}
