// `npm run content:report`: per module and language, the lessons, words, study minutes, knowledge-check
// questions and average sentence length, as a Markdown table; then the lessons whose facts were not
// reviewed in the last 12 months.
import { courseStats } from './lib/contentStats.mjs';
import { WORDS_PER_MINUTE, REFLECTION_MINUTES } from '../src/course/studyTime.ts';
import { REVIEW_INTERVAL_MONTHS } from '../src/course/reviewDue.ts';
import { languages } from '../src/shared/languages.ts';

const rows = courseStats(process.argv[2] ?? 'content');
const lines = [
  `Study minutes: lesson words at ${WORDS_PER_MINUTE.fi} words a minute in Finnish and ${WORDS_PER_MINUTE.en} in English, plus ${REFLECTION_MINUTES} minutes per reflection, plus the knowledge check's words.`,
  '',
  '| # | module | lang | lessons | words | words per lesson (min–max) | lesson minutes | quiz minutes | minutes | questions | avg sentence (words) |',
  '| -: | --- | --- | -: | -: | --- | --- | -: | -: | -: | -: |',
];
for (const r of rows) {
  const counts = r.lessons.map((l) => l.words);
  lines.push(
    `| ${r.order} | ${r.moduleId} | ${r.lang} | ${r.lessons.length} | ${r.words} | ${Math.min(...counts)}–${Math.max(...counts)} | ${r.lessons.map((l) => l.minutes).join(' + ')} | ${r.quizMinutes} | ${r.minutes} | ${r.questions} | ${r.avgSentence.toFixed(1)} |`,
  );
}
for (const lang of languages) {
  const of = rows.filter((r) => r.lang === lang);
  const sum = (key) => of.reduce((s, r) => s + r[key], 0);
  const lessons = of.reduce((s, r) => s + r.lessons.length, 0);
  const minutes = sum('minutes');
  lines.push(
    `| | **total** | ${lang} | ${lessons} | ${sum('words')} | | | | ${minutes} (${(minutes / 60).toFixed(1)} h) | ${sum('questions')} | |`,
  );
}

const due = rows.flatMap((r) => r.lessons.filter((l) => l.reviewDue));
lines.push('', `## Lessons not reviewed in the last ${REVIEW_INTERVAL_MONTHS} months: ${due.length}`, '');
for (const l of due) lines.push(`- ${l.file}: ${l.reviewed ? `reviewed ${l.reviewed}` : 'never reviewed'}`);
console.log(lines.join('\n'));
