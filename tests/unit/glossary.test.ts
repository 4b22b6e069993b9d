import { describe, expect, it } from 'vitest';
import { collectGlossary, sortGlossary } from '../../src/course/glossary';
import { ContentError } from '../../src/course/validateCourse';
import { glossarySchema, type GlossaryData } from '../../src/schemas/glossary';
import { isReviewDue } from '../../src/course/reviewDue';

const term = (id: string, fi: string, en: string) => ({
  id,
  fi: { term: fi, definition: `${fi}.` },
  en: { term: en, definition: `${en}.` },
});
const file = (moduleId: string, ...terms: GlossaryData['terms']) => ({
  id: `${moduleId}/glossary.yaml`,
  filePath: `content/modules/${moduleId}/glossary.yaml`,
  data: { terms },
});

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
};

const modules = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'];

describe('the glossary', () => {
  it('collects every module’s terms with the module that teaches them', () => {
    const entries = collectGlossary(
      [
        file('tools', term('life-cycle-costs', 'elinkaarikustannukset', 'life-cycle costs')),
        file('goals', term('baseline', 'lähtötaso', 'baseline')),
      ],
      modules,
    );
    expect(entries.map((e) => [e.id, e.moduleId])).toEqual([
      ['baseline', 'goals'],
      ['life-cycle-costs', 'tools'],
    ]);
  });

  it('names both files and the field when two terms share an id', () => {
    const problems = problemsOf(() =>
      collectGlossary(
        [file('tools', term('label', 'merkki', 'label')), file('support', term('label', 'nimike', 'label'))],
        modules,
      ),
    );
    expect(problems).toEqual([
      'content/modules/tools/glossary.yaml: field "terms.0.id" "label" is duplicated (also in content/modules/support/glossary.yaml terms.0); every term needs its own id',
    ]);
  });

  it('names a glossary in a folder that is not a module, and takes it once the module exists', () => {
    const ethics = file('ethics', term('x', 'x', 'x'));
    expect(problemsOf(() => collectGlossary([ethics], modules)).join('\n')).toContain(
      'content/modules/ethics/glossary.yaml: module id "ethics"',
    );
    expect(collectGlossary([ethics], [...modules, 'ethics']).map((e) => e.moduleId)).toEqual(['ethics']);
  });

  it('sorts by the page’s language: Finnish puts ä and ö after z', () => {
    const entries = collectGlossary(
      [file('tools', term('a', 'ääni', 'voice'), term('b', 'zeta', 'zeta'), term('c', 'aalto', 'wave'))],
      modules,
    );
    expect(sortGlossary(entries, 'fi').map((e) => e.fi.term)).toEqual(['aalto', 'zeta', 'ääni']);
    expect(sortGlossary(entries, 'en').map((e) => e.en.term)).toEqual(['voice', 'wave', 'zeta']);
  });

  it('refuses a term without its English definition, naming the field', () => {
    const r = glossarySchema.safeParse({ terms: [{ id: 'x', fi: { term: 'x', definition: 'x' }, en: { term: 'x' } }] });
    expect(r.error?.issues[0]?.path).toEqual(['terms', 0, 'en', 'definition']);
  });
});

describe('review dates', () => {
  const today = new Date('2026-12-02T12:00:00Z');
  it('asks for a review when a lesson was never reviewed or was reviewed a year ago or more', () => {
    expect(isReviewDue(undefined, today)).toBe(true);
    expect(isReviewDue('2025-12-02', today)).toBe(true);
    expect(isReviewDue(new Date('2025-11-30T00:00:00Z'), today)).toBe(true);
  });
  it('does not ask within the year', () => {
    expect(isReviewDue('2025-12-03', today)).toBe(false);
    expect(isReviewDue(new Date('2026-12-02T00:00:00Z'), today)).toBe(false);
  });
});
