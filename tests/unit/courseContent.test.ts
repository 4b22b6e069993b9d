import { describe, expect, it } from 'vitest';
import { courseStats } from '../../scripts/lib/contentStats.mjs';

// Checks of the real course in content/ that the schemas cannot make: length and completeness.
const stats = courseStats('content');
/** The seven modules of the basic course (PRODUCT.md), in course order; the course reads them from content/. */
const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'];

describe('the course content', () => {
  it('has all seven modules in both languages', () => {
    expect(new Set(stats.map((r) => r.moduleId))).toEqual(new Set(moduleIds));
    for (const id of moduleIds)
      expect(
        stats
          .filter((r) => r.moduleId === id)
          .map((r) => r.lang)
          .sort(),
      ).toEqual(['en', 'fi']);
  });

  it('has 3–5 lessons per module, the same in both languages', () => {
    for (const id of moduleIds) {
      const [en, fi] = stats.filter((r) => r.moduleId === id).sort((a, b) => a.lang.localeCompare(b.lang));
      expect(fi?.lessons.length, id).toBeGreaterThanOrEqual(3);
      expect(fi?.lessons.length, id).toBeLessThanOrEqual(5);
      expect(
        en?.lessons.map((l) => l.id),
        id,
      ).toEqual(fi?.lessons.map((l) => l.id));
    }
  });

  it('keeps every lesson within 400–900 words', () => {
    const table = stats.map((r) => `${r.moduleId} ${r.lang}: ${r.lessons.map((l) => l.words).join(', ')}`);
    console.log(`Words per lesson\n${table.join('\n')}`);
    const outside = stats.flatMap((r) =>
      r.lessons.filter((l) => l.words < 400 || l.words > 900).map((l) => `${l.file}: ${l.words} words`),
    );
    expect(outside).toEqual([]);
  });

  it('has a knowledge check of 5–8 questions in every module', () => {
    for (const r of stats) {
      expect(r.questions, r.moduleId).toBeGreaterThanOrEqual(5);
      expect(r.questions, r.moduleId).toBeLessThanOrEqual(8);
    }
  });

  it('takes about 4–6½ hours in all, in either language', () => {
    for (const lang of ['fi', 'en']) {
      const minutes = stats.filter((r) => r.lang === lang).reduce((s, r) => s + r.minutes, 0);
      expect(minutes, lang).toBeGreaterThanOrEqual(240);
      expect(minutes, lang).toBeLessThanOrEqual(390);
    }
  });

  it('times each module as its lessons plus its knowledge check', () => {
    for (const r of stats) {
      expect(r.quizMinutes, `${r.moduleId} ${r.lang}`).toBeGreaterThan(0);
      expect(r.minutes, `${r.moduleId} ${r.lang}`).toBe(r.lessonMinutes + r.quizMinutes);
    }
  });
});
