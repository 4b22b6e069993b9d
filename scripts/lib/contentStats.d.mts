import type { Lang } from '../../src/shared/languages.ts';

export interface LessonStats {
  file: string;
  id: string;
  minutes: number;
  words: number;
  sentences: number;
  /** The `reviewed` date as YYYY-MM-DD, if the lesson has one. */
  reviewed: string | undefined;
  /** Whether the lesson was not reviewed in the last 12 months. */
  reviewDue: boolean;
}
export interface ModuleStats {
  order: number;
  moduleId: string;
  lang: Lang;
  lessons: LessonStats[];
  words: number;
  minutes: number;
  lessonMinutes: number;
  quizMinutes: number;
  questions: number;
  avgSentence: number;
}
export function courseStats(contentDir?: string, today?: Date): ModuleStats[];
export function countWords(text: string): number;
export function proseOf(body: string): string;
export function splitMdx(text: string): { data: Record<string, unknown>; body: string };
