import { describe, expect, it } from 'vitest';
import { fill } from '../../src/islands/fill';
import { dictionaries } from '../../src/i18n/ui';

describe('filling a translated label', () => {
  it('fills named placeholders and leaves unknown ones as they are', () => {
    expect(fill('{a} ja {b}', { a: 1 })).toBe('1 ja {b}');
  });

  it('picks the singular for exactly one and the plural otherwise, in Finnish', () => {
    const label = dictionaries.fi['team.import.done'];
    expect(fill(label, { count: 1 })).toBe('Tuotiin 1 yhteenveto.');
    expect(fill(label, { count: 3 })).toBe('Tuotiin 3 yhteenvetoa.');
    expect(fill(label, { count: 0 })).toBe('Tuotiin 0 yhteenvetoa.');
  });

  it('says "1 uuden tehdyn oppitunnin", not "1 uutta tehtyä oppituntia", in the import preview', () => {
    const values = { lessons: 1, quizzes: 2, notes: 1, newLessons: 1, newQuizzes: 0, newNotes: 5 };
    const fi = fill(dictionaries.fi['myData.importPreview'], values);
    expect(fi).toContain('1 tehty oppitunti, 2 läpäistyä osaamistestiä ja 1 muistiinpano');
    expect(fi).toContain('1 uuden tehdyn oppitunnin, 0 läpäistyä testiä ja 5 uutta tai muuttunutta muistiinpanoa');
    const en = fill(dictionaries.en['myData.importPreview'], values);
    expect(en).toContain('1 completed lesson, 2 passed knowledge checks and 1 note');
  });

  it('has the same plural placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.fi) as (keyof typeof dictionaries.fi)[]) {
      expect(names(dictionaries.en[key]), key).toEqual(names(dictionaries.fi[key]));
    }
  });
});
