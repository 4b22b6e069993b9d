export interface LessonStats {
  file: string;
  id: string;
  minutes: number;
  words: number;
  sentences: number;
}
export interface ModuleStats {
  order: number;
  moduleId: string;
  lang: 'fi' | 'en';
  lessons: LessonStats[];
  words: number;
  minutes: number;
  lessonMinutes: number;
  questions: number;
  avgSentence: number;
}
export function courseStats(contentDir?: string): ModuleStats[];
export function countWords(text: string): number;
export function proseOf(body: string): string;
export function splitMdx(text: string): { data: Record<string, unknown>; body: string };
