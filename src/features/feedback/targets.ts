import type { Lang } from '../../schemas/common';
import type { CourseManifest } from '../../schemas/manifest';

/** Module and lesson titles in one language, keyed "moduleId" and "moduleId/lessonId". */
export type TargetTitles = Record<string, string>;

/** The titles a feedback table needs, made at build time from the course manifest. */
export function targetTitles(manifest: CourseManifest, lang: Lang): TargetTitles {
  const entries: [string, string][] = manifest.modules.flatMap((m) => [
    [m.id, m.title[lang]],
    ...m.lessons.map((l): [string, string] => [`${m.id}/${l.id}`, l.title[lang]]),
  ]);
  return Object.fromEntries(entries);
}

/**
 * What a feedback item is about, in words: "Module / Lesson", the module alone, or `general` when
 * it is about the whole course. An id the course no longer has is shown as it is, so nothing is hidden.
 */
export function targetLabel(
  titles: TargetTitles,
  moduleId: string | null | undefined,
  lessonId: string | null | undefined,
  general: string,
): string {
  if (!moduleId) return general;
  const module = titles[moduleId] ?? moduleId;
  if (!lessonId) return module;
  return `${module} / ${titles[`${moduleId}/${lessonId}`] ?? lessonId}`;
}
