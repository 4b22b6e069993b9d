import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang, ModuleId } from '../schemas/common';
import { byLanguage } from '../shared/languages';
import type { CourseData, ModuleData, QuizData } from '../schemas/content';
import type { CourseManifest } from '../schemas/manifest';
import { buildManifest, lessonsOf } from './buildManifest';
import { validateCourse, type CourseSources, type SourceEntry } from './validateCourse';
import { collectGlossary, type GlossaryEntry } from './glossary';
import { isReviewDue, REVIEW_INTERVAL_MONTHS } from './reviewDue';
import { quizKeyWarnings } from './quizKeyCheck';

/** A lesson ready to render: its frontmatter and the content-layer entry to `render()`. */
export type LessonEntry = CollectionEntry<'lessons'>;

export interface CourseModule {
  id: ModuleId;
  /** 1-based position in the course. */
  number: number;
  data: ModuleData;
  quiz: QuizData;
  lessons: Record<Lang, LessonEntry[]>;
  /** Study minutes per language: every lesson and the knowledge check (src/course/studyTime.ts). */
  minutes: Record<Lang, number>;
  /** Study minutes of each lesson by lesson id, per language. */
  lessonMinutes: Record<string, Record<Lang, number>>;
}

export interface Course {
  data: CourseData;
  modules: CourseModule[];
  manifest: CourseManifest;
  /** Every module's glossary terms (content/modules/<id>/glossary.yaml), unsorted. */
  glossary: GlossaryEntry[];
  /** The manifest as the one JSON file of the site that browser code fetches (see manifestFileOf). */
  manifestFile: { hash: string; path: string; body: string };
}

const toSource = <T>(e: {
  id: string;
  data: T;
  filePath?: string | undefined;
  body?: string | undefined;
  digest?: string | number | undefined;
}): SourceEntry<T> => ({
  id: e.id,
  filePath: e.filePath ?? e.id,
  data: e.data,
  body: e.body,
  digest: e.digest === undefined ? undefined : String(e.digest),
});

let cached: Promise<Course> | undefined;

/**
 * The whole course, validated, with its manifest. The only place that reads the content collections:
 * a content problem found here fails the build with every file and field at fault named.
 */
export function getCourse(): Promise<Course> {
  cached ??= loadCourse();
  return cached;
}

async function loadCourse(): Promise<Course> {
  const [courseEntries, moduleEntries, quizEntries, lessonEntries, glossaryEntries] = await Promise.all([
    getCollection('course'),
    getCollection('modules'),
    getCollection('quizzes'),
    getCollection('lessons'),
    getCollection('glossaries'),
  ]);
  const sources: CourseSources = {
    modules: moduleEntries.map(toSource),
    quizzes: quizEntries.map(toSource),
    lessons: lessonEntries.map(toSource),
  };
  validateCourse(sources);
  const glossary = collectGlossary(
    glossaryEntries.map(toSource),
    sources.modules.map((m) => m.data.id),
  );
  warnAboutUnreviewed(sources);
  // Guessable keys do not stop the build (the check shuffles options), but the author should know.
  for (const warning of quizKeyWarnings(sources.quizzes)) console.warn(`[content] ${warning}`);
  const courseEntry = courseEntries[0];
  if (!courseEntry) throw new Error('content/course.yaml is missing: the course needs its title and description');

  const manifest = buildManifest(sources);
  const lessonById = new Map(lessonEntries.map((e) => [e.id, e]));
  const entriesOf = (moduleId: string, lang: Lang): LessonEntry[] =>
    lessonsOf(sources, moduleId, lang)
      .map((s) => lessonById.get(s.id))
      .filter((e): e is LessonEntry => e !== undefined);

  const modules = manifest.modules.map((m, i): CourseModule => {
    const moduleEntry = moduleEntries.find((e) => e.data.id === m.id);
    const quizEntry = quizEntries.find((e) => e.id.startsWith(`${m.id}/`));
    if (!moduleEntry || !quizEntry) throw new Error(`module ${m.id} lost its files after validation`);
    return {
      id: m.id,
      number: i + 1,
      data: moduleEntry.data,
      quiz: quizEntry.data,
      lessons: byLanguage((lang) => entriesOf(m.id, lang)),
      minutes: m.minutes,
      lessonMinutes: Object.fromEntries(m.lessons.map((l) => [l.id, l.minutes])),
    };
  });
  return { data: courseEntry.data, modules, manifest, glossary, manifestFile: manifestFileOf(manifest) };
}

/**
 * A lesson whose facts have not been checked for a year may have gone out of date (laws, programmes
 * and organisations change). The build says so without failing: the text may well still be right.
 */
function warnAboutUnreviewed(sources: CourseSources): void {
  const due = sources.lessons.filter((l) => isReviewDue(l.data.reviewed, new Date()));
  if (due.length === 0) return;
  console.warn(
    `[content] ${due.length} lesson(s) not reviewed in the last ${REVIEW_INTERVAL_MONTHS} months; check their facts and set "reviewed" (npm run content:report lists them):\n` +
      due
        .map((l) => `  - ${l.filePath}: reviewed ${l.data.reviewed?.toISOString().slice(0, 10) ?? 'never'}`)
        .join('\n'),
  );
}

/**
 * The manifest is written once, as /course-manifest.<hash>.json (src/pages/course-manifest.[hash].json.ts),
 * and pages link to it instead of each carrying a copy, so the output grows with the lessons and not
 * with lessons × pages. The name changes whenever its bytes do, so it can be cached for good.
 */
function manifestFileOf(manifest: CourseManifest): Course['manifestFile'] {
  const body = JSON.stringify(manifest);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { hash, path: `/course-manifest.${hash}.json`, body };
}
