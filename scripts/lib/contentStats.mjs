// Reads the course in content/ for the content report and the content checks: lessons, words,
// study minutes, review dates, questions and average sentence length per module and language. The
// minutes come from the same code as the site's (src/course/studyTime.ts), so the report and the
// pages agree.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { countWords, lessonMinutes, proseOf, quizMinutes } from '../../src/course/studyTime.ts';
import { isReviewDue } from '../../src/course/reviewDue.ts';
import { languages } from '../../src/shared/languages.ts';

export { countWords, proseOf };

/** Splits an MDX file into its frontmatter (parsed) and its body. */
export function splitMdx(text) {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  return match ? { data: parse(match[1]), body: match[2] } : { data: {}, body: text };
}

/** Sentences end in . ! or ? followed by space or the end. */
export function sentenceCount(text) {
  return (text.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+(\s|$)/g) ?? []).length;
}

/** Per module and language: lesson files with their word counts, and the module's totals. */
export function courseStats(contentDir = 'content', today = new Date()) {
  const modulesDir = join(contentDir, 'modules');
  const rows = [];
  for (const moduleId of readdirSync(modulesDir).sort()) {
    const dir = join(modulesDir, moduleId);
    if (!existsSync(join(dir, 'module.yaml'))) continue;
    const module = parse(readFileSync(join(dir, 'module.yaml'), 'utf8'));
    const quiz = existsSync(join(dir, 'quiz.yaml'))
      ? parse(readFileSync(join(dir, 'quiz.yaml'), 'utf8'))
      : { questions: [] };
    for (const lang of languages) {
      const langDir = join(dir, lang);
      const files = existsSync(langDir)
        ? readdirSync(langDir)
            .filter((f) => f.endsWith('.mdx'))
            .sort()
        : [];
      const lessons = files.map((file) => {
        const { data, body } = splitMdx(readFileSync(join(langDir, file), 'utf8'));
        const prose = proseOf(body);
        const text = { body, takeaways: data.takeaways ?? [], reflection: data.reflection ?? '' };
        return {
          file: join(langDir, file),
          id: data.id,
          minutes: data.minutes ?? lessonMinutes(text, lang),
          words: countWords(prose),
          sentences: sentenceCount(prose),
          reviewed:
            data.reviewed === undefined
              ? undefined
              : String(data.reviewed instanceof Date ? data.reviewed.toISOString().slice(0, 10) : data.reviewed),
          reviewDue: isReviewDue(data.reviewed, today),
        };
      });
      const words = lessons.reduce((s, l) => s + l.words, 0);
      const sentences = lessons.reduce((s, l) => s + l.sentences, 0);
      const lessonMinutesTotal = lessons.reduce((s, l) => s + l.minutes, 0);
      const quizTime = quiz.questions?.length ? quizMinutes(quiz, lang) : 0;
      rows.push({
        order: module.order,
        moduleId,
        lang,
        lessons,
        words,
        minutes: lessonMinutesTotal + quizTime,
        lessonMinutes: lessonMinutesTotal,
        quizMinutes: quizTime,
        questions: quiz.questions?.length ?? 0,
        avgSentence: sentences ? words / sentences : 0,
      });
    }
  }
  return rows.sort((a, b) => a.order - b.order || a.lang.localeCompare(b.lang));
}
