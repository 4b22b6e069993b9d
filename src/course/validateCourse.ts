import { languages, type Lang } from '../schemas/common';
import { byLanguage, defaultLang } from '../shared/languages';
import type { LessonData, ModuleData, QuizData } from '../schemas/content';
import { reservedLessonIds } from '../i18n/routes';

/** A loaded content file: what the content layer gives us, reduced to what the checks need. */
export interface SourceEntry<T> {
  /** Path relative to the modules folder, e.g. `background/fi/01-why.mdx`. */
  id: string;
  /** Path of the file relative to the project, for messages. */
  filePath: string;
  data: T;
  body?: string | undefined;
  digest?: string | undefined;
}

export interface CourseSources {
  modules: SourceEntry<ModuleData>[];
  quizzes: SourceEntry<QuizData>[];
  lessons: SourceEntry<LessonData>[];
}

/** A content problem that stops the build. The message names every file and field at fault. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The course content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

const folderOf = (entryId: string): string => entryId.split('/')[0] ?? '';

/**
 * Checks the rules that span files, which a per-file schema cannot see. The modules are the folders of
 * content/modules/ that hold a module.yaml (a new module needs no code): each agrees with its id, the
 * orders run from 1 to the number of modules, every module has its knowledge check, lesson ids and
 * orders are unique, and every lesson exists in every language with the same order. Throws a
 * ContentError listing every problem; returns nothing when the course is sound.
 */
export function validateCourse({ modules, quizzes, lessons }: CourseSources): void {
  const problems: string[] = [];
  const known = new Set(modules.map((m) => folderOf(m.id)));
  const knownIds = [...known].join(', ');
  const unknown = (filePath: string, folder: string): string =>
    `${filePath}: module folder "${folder}" has no module.yaml, so it is not a module; known ids: ${knownIds}`;

  const orders = new Map<number, string>();
  for (const m of modules) {
    const folder = folderOf(m.id);
    if (m.data.id !== folder) {
      problems.push(`${m.filePath}: field "id" is "${m.data.id}" but the folder is "${folder}"; they must match`);
    }
    const other = orders.get(m.data.order);
    if (other) problems.push(`${m.filePath}: field "order" ${m.data.order} is also used by ${other}`);
    else if (m.data.order > modules.length) {
      problems.push(
        `${m.filePath}: field "order" is ${m.data.order} but the course has ${modules.length} modules; number them from 1`,
      );
    }
    orders.set(m.data.order, m.filePath);
  }

  const quizFolders = new Set(quizzes.map((q) => folderOf(q.id)));
  for (const q of quizzes) {
    if (!known.has(folderOf(q.id))) problems.push(unknown(q.filePath, folderOf(q.id)));
  }
  for (const folder of known) {
    if (!quizFolders.has(folder)) {
      problems.push(`content/modules/${folder}/quiz.yaml: the knowledge check of module "${folder}" is missing`);
    }
  }

  // lessons: module → lang → lesson id → entry
  type LessonsById = Map<string, SourceEntry<LessonData>>;
  const byModule = new Map<string, Record<Lang, LessonsById>>();
  for (const l of lessons) {
    const [folder = '', lang = ''] = l.id.split('/');
    if (!known.has(folder)) {
      problems.push(unknown(l.filePath, folder));
      continue;
    }
    if (!(languages as readonly string[]).includes(lang)) {
      problems.push(`${l.filePath}: language folder "${lang}" is unknown; use ${languages.join(', ')}`);
      continue;
    }
    if (reservedLessonIds.includes(l.data.id)) {
      problems.push(`${l.filePath}: field "id" "${l.data.id}" is reserved for the knowledge check; choose another id`);
    }
    const perLang: Record<Lang, LessonsById> = byModule.get(folder) ?? byLanguage(() => new Map());
    byModule.set(folder, perLang);
    const seen = perLang[lang as Lang];
    const dup = seen.get(l.data.id);
    if (dup) {
      problems.push(`${l.filePath}: field "id" "${l.data.id}" is duplicated (also in ${dup.filePath})`);
      continue;
    }
    const sameOrder = [...seen.values()].find((x) => x.data.order === l.data.order);
    if (sameOrder) problems.push(`${l.filePath}: field "order" ${l.data.order} is also used by ${sameOrder.filePath}`);
    seen.set(l.data.id, l);
  }

  for (const folder of known) {
    const perLang = byModule.get(folder);
    if (!perLang || languages.every((lang) => perLang[lang].size === 0)) {
      problems.push(`content/modules/${folder}/: module "${folder}" has no lessons`);
      continue;
    }
    for (const [lang, other] of languages.flatMap((a) =>
      languages.filter((b) => b !== a).map((b) => [a, b] as const),
    )) {
      for (const [id, entry] of perLang[lang]) {
        const twin = perLang[other].get(id);
        if (!twin) {
          problems.push(
            `${entry.filePath}: lesson "${id}" exists in ${lang} but not in ${other} (add content/modules/${folder}/${other}/ with the same id)`,
          );
        } else if (lang === defaultLang && twin.data.order !== entry.data.order) {
          problems.push(
            `${twin.filePath}: field "order" is ${twin.data.order} but ${entry.data.order} in ${entry.filePath}; the languages must agree`,
          );
        }
      }
    }
  }

  if (problems.length > 0) throw new ContentError(problems);
}
