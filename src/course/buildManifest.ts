import { createHash } from 'node:crypto';
import type { CourseManifest } from '../schemas/manifest';
import { byLanguage, defaultLang } from '../shared/languages';
import type { CourseSources, SourceEntry } from './validateCourse';
import type { LessonData } from '../schemas/content';
import type { Lang } from '../schemas/common';
import { lessonMinutes, quizMinutes } from './studyTime';

/** The share of right answers that passes a knowledge check. */
export const PASS_MARK = 0.8;

const byOrder = <T extends { data: { order: number } }>(a: T, b: T): number => a.data.order - b.data.order;
const folderOf = (entryId: string): string => entryId.split('/')[0] ?? '';

/** Lessons of one module in one language, in course order. */
export function lessonsOf(sources: CourseSources, moduleId: string, lang: string): SourceEntry<LessonData>[] {
  return sources.lessons.filter((l) => l.id.startsWith(`${moduleId}/${lang}/`)).sort(byOrder);
}

/** A short hash of every content file, so stored progress can tell which content it was made with. */
export function contentVersionOf(sources: CourseSources): string {
  const hash = createHash('sha256');
  const all = [...sources.modules, ...sources.quizzes, ...sources.lessons].sort((a, b) => a.id.localeCompare(b.id));
  for (const e of all) hash.update(`${e.id}\0${e.digest ?? JSON.stringify(e.data) + (e.body ?? '')}\0`);
  return hash.digest('hex').slice(0, 12);
}

/** A lesson's study minutes in one language: its `minutes` override, or the time its words take. */
const minutesOfLesson = (lesson: SourceEntry<LessonData> | undefined, lang: Lang): number =>
  lesson ? (lesson.data.minutes ?? lessonMinutes({ ...lesson.data, body: lesson.body ?? '' }, lang)) : 0;

/** Builds the manifest from content that validateCourse has accepted. */
export function buildManifest(sources: CourseSources): CourseManifest {
  const modules = [...sources.modules].sort(byOrder).map((m) => {
    const id = m.data.id;
    const twins = byLanguage((lang) => new Map(lessonsOf(sources, id, lang).map((l) => [l.data.id, l])));
    const quiz = sources.quizzes.find((q) => folderOf(q.id) === id);
    const lessons = lessonsOf(sources, id, defaultLang).map((l) => ({
      id: l.data.id,
      minutes: byLanguage((lang) => minutesOfLesson(twins[lang].get(l.data.id), lang)),
      title: byLanguage((lang) => twins[lang].get(l.data.id)?.data.title ?? l.data.title),
    }));
    const minutes = byLanguage(
      (lang) => lessons.reduce((sum, l) => sum + l.minutes[lang], 0) + (quiz ? quizMinutes(quiz.data, lang) : 0),
    );
    return { id, minutes, title: m.data.title, questionCount: quiz?.data.questions.length ?? 0, lessons };
  });
  return { contentVersion: contentVersionOf(sources), passMark: PASS_MARK, modules };
}
