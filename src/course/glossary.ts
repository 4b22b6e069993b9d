import type { Lang, ModuleId } from '../schemas/common';
import type { GlossaryData, GlossaryTerm } from '../schemas/glossary';
import { ContentError, type SourceEntry } from './validateCourse';
import { intlLocale } from '../shared/languages';

/** A glossary term with the module that teaches it first. */
export interface GlossaryEntry extends GlossaryTerm {
  moduleId: ModuleId;
}

/**
 * Every module's glossary terms as one list. Throws a ContentError naming the file and field of each
 * problem: a glossary in a folder that is not one of `moduleIds` (the course's modules), or a term id used twice (the id is the term's
 * anchor on the glossary page, so two terms with one id would make lessons' links ambiguous).
 */
export function collectGlossary(files: SourceEntry<GlossaryData>[], moduleIds: readonly ModuleId[]): GlossaryEntry[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const entries: GlossaryEntry[] = [];
  for (const file of [...files].sort((a, b) => a.id.localeCompare(b.id))) {
    const folder = file.id.split('/')[0] ?? '';
    if (!moduleIds.includes(folder)) {
      problems.push(
        `${file.filePath}: module id "${folder}" (the folder name) is unknown; known ids: ${moduleIds.join(', ')}`,
      );
      continue;
    }
    file.data.terms.forEach((term, i) => {
      const where = `${file.filePath}: field "terms.${i}.id"`;
      const other = seen.get(term.id);
      if (other) problems.push(`${where} "${term.id}" is duplicated (also in ${other}); every term needs its own id`);
      else seen.set(term.id, `${file.filePath} terms.${i}`);
      entries.push({ ...term, moduleId: folder });
    });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return entries;
}

/** The terms in the alphabetical order of one language (Finnish: å, ä and ö after z). */
export function sortGlossary(entries: readonly GlossaryEntry[], lang: Lang): GlossaryEntry[] {
  const collator = new Intl.Collator(intlLocale(lang), { sensitivity: 'base' });
  return [...entries].sort((a, b) => collator.compare(a[lang].term, b[lang].term));
}
