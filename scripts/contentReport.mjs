// `npm run content:report`: per module and language, the lessons, words, minutes, knowledge-check
// questions and average sentence length, as a Markdown table.
import { courseStats } from './lib/contentStats.mjs';

const rows = courseStats(process.argv[2] ?? 'content');
const lines = [
  '| # | module | lang | lessons | words | words per lesson (min–max) | minutes | questions | avg sentence (words) |',
  '| -: | --- | --- | -: | -: | --- | -: | -: | -: |',
];
for (const r of rows) {
  const counts = r.lessons.map((l) => l.words);
  lines.push(
    `| ${r.order} | ${r.moduleId} | ${r.lang} | ${r.lessons.length} | ${r.words} | ${Math.min(...counts)}–${Math.max(...counts)} | ${r.minutes} | ${r.questions} | ${r.avgSentence.toFixed(1)} |`,
  );
}
const total = (lang, key) => rows.filter((r) => r.lang === lang).reduce((s, r) => s + r[key], 0);
lines.push(
  `| | **total** | fi | ${rows.filter((r) => r.lang === 'fi').reduce((s, r) => s + r.lessons.length, 0)} | ${total('fi', 'words')} | | ${total('fi', 'minutes')} | ${total('fi', 'questions')} | |`,
  `| | **total** | en | ${rows.filter((r) => r.lang === 'en').reduce((s, r) => s + r.lessons.length, 0)} | ${total('en', 'words')} | | ${total('en', 'minutes')} | ${total('en', 'questions')} | |`,
);
console.log(lines.join('\n'));
