import { describe, expect, it } from 'vitest';
import { dictionaries, labelsFor, labelsUnder, t } from '../../src/i18n/ui';
import { langOfPath, pathFor } from '../../src/i18n/routes';

describe('interface strings', () => {
  it('has every Finnish string in English and nothing extra', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.fi).sort());
  });

  it('has no empty string in either language', () => {
    for (const dict of Object.values(dictionaries)) {
      for (const [key, value] of Object.entries(dict)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.fi) as (keyof typeof dictionaries.fi)[]) {
      expect(names(dictionaries.en[key]), key).toEqual(names(dictionaries.fi[key]));
    }
  });

  it('hands an island its strings by prefix, with or without the prefix in the keys', () => {
    expect(labelsFor('en', 'lang.')).toEqual({
      'lang.name': 'In English',
      'lang.readHere': 'Read this page in English',
    });
    expect(labelsUnder('fi', 'lang.')).toEqual({ name: 'Suomeksi', readHere: 'Lue tämä sivu suomeksi' });
  });

  it('fills placeholders', () => {
    expect(t('fi', 'module.label', { n: 3 })).toBe('Moduuli 3');
    expect(t('en', 'lesson.ofModule', { n: 2, total: 4 })).toBe('Lesson 2 of 4');
  });

  it('names the contract buttons as the tests and learners expect', () => {
    expect(t('fi', 'lesson.markDone')).toBe('Merkitse tehdyksi ja jatka');
    expect(t('en', 'lesson.markDone')).toBe('Mark as done and continue');
    expect(t('fi', 'quiz.check')).toBe('Tarkista vastaukset');
    expect(t('en', 'quiz.check')).toBe('Check answers');
  });
});

describe('paths', () => {
  it('puts Finnish at the root and English under /en/ with localised words', () => {
    expect(pathFor({ kind: 'home' }, 'fi')).toBe('/');
    expect(pathFor({ kind: 'home' }, 'en')).toBe('/en/');
    expect(pathFor({ kind: 'lesson', moduleId: 'goals', lessonId: 'impact-chain' }, 'fi')).toBe(
      '/moduulit/goals/impact-chain/',
    );
    expect(pathFor({ kind: 'lesson', moduleId: 'goals', lessonId: 'impact-chain' }, 'en')).toBe(
      '/en/modules/goals/impact-chain/',
    );
    expect(pathFor({ kind: 'quiz', moduleId: 'goals' }, 'fi')).toBe('/moduulit/goals/osaamistesti/');
    expect(pathFor({ kind: 'search' }, 'en')).toBe('/en/search/');
  });

  it('tells the language of a path', () => {
    expect(langOfPath('/en/modules/goals/')).toBe('en');
    expect(langOfPath('/en')).toBe('en');
    expect(langOfPath('/english-words/')).toBe('fi');
    expect(langOfPath('/moduulit/goals/')).toBe('fi');
  });
});
