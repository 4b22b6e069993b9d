import type { CourseManifest, ManifestModule } from '../../../src/schemas/manifest';

function module(id: ManifestModule['id'], lessonIds: string[], questionCount = 3): ManifestModule {
  return {
    id,
    minutes: { fi: 10 * lessonIds.length, en: 10 * lessonIds.length },
    title: { fi: `Moduuli ${id}`, en: `Module ${id}` },
    lessons: lessonIds.map((lessonId) => ({
      id: lessonId,
      minutes: { fi: 10, en: 10 },
      title: { fi: `Oppitunti ${lessonId}`, en: `Lesson ${lessonId}` },
    })),
    questionCount,
  };
}

/** A small course: two modules with a knowledge check each. Not the real content. */
export const sampleManifest: CourseManifest = {
  contentVersion: 'v-sample-1',
  passMark: 0.8,
  modules: [module('background', ['why-it-matters', 'key-terms']), module('goals', ['setting-goals', 'measuring'])],
};

/** The same course after a content change: one lesson removed, one added, a module without a check. */
export const changedManifest: CourseManifest = {
  contentVersion: 'v-sample-2',
  passMark: 0.8,
  modules: [
    module('background', ['why-it-matters']),
    module('goals', ['setting-goals', 'measuring', 'new-lesson']),
    module('tools', ['toolbox'], 0),
  ],
};

/** Every lesson of a manifest, in course order. */
export function lessonsOf(manifest: CourseManifest): Array<{ moduleId: string; lessonId: string }> {
  return manifest.modules.flatMap((m) => m.lessons.map((lesson) => ({ moduleId: m.id, lessonId: lesson.id })));
}
