import type { ProgressDocument } from '../schemas/progress';
import type { CourseManifest } from '../schemas/manifest';
import { merge } from './mergeProgress';

/** What an imported document holds, and what merging it would add to the current one. */
export interface ImportSummary {
  lessons: number;
  quizzes: number;
  notes: number;
  newLessons: number;
  newQuizzes: number;
  newNotes: number;
}

const completed = (doc: ProgressDocument): Set<string> =>
  new Set(Object.entries(doc.lessons).flatMap(([key, facts]) => (facts.completedAt ? [key] : [])));
const passed = (doc: ProgressDocument): Set<string> =>
  new Set(Object.entries(doc.quizzes).flatMap(([key, facts]) => (facts.passedAt ? [key] : [])));
const written = (doc: ProgressDocument): Map<string, string> =>
  new Map(Object.entries(doc.notes).flatMap(([key, note]) => (note.text.trim() ? [[key, note.text] as const] : [])));

/** Counts for the preview the learner sees before an import changes anything. */
export function summariseImport(current: ProgressDocument, incoming: ProgressDocument): ImportSummary {
  // Counted on the real merge, so the preview says exactly what merging will do.
  const merged = merge(current, incoming);
  const [doneNow, doneAfter] = [completed(current), completed(merged)];
  const [passedNow, passedAfter] = [passed(current), passed(merged)];
  const [notesNow, notesAfter] = [written(current), written(merged)];
  return {
    lessons: completed(incoming).size,
    quizzes: passed(incoming).size,
    notes: written(incoming).size,
    newLessons: [...doneAfter].filter((k) => !doneNow.has(k)).length,
    newQuizzes: [...passedAfter].filter((k) => !passedNow.has(k)).length,
    newNotes: [...notesAfter].filter(([k, text]) => notesNow.get(k) !== text).length,
  };
}

/**
 * The imported document without the facts of modules and lessons this course does not have, and how
 * many were left out: a file from another course (or a made-up one with thousands of lessons) would
 * otherwise be stored and carried by every page.
 */
export function keepKnown(doc: ProgressDocument, manifest: CourseManifest): { doc: ProgressDocument; dropped: number } {
  const lessonKeys = new Set(manifest.modules.flatMap((m) => m.lessons.map((l) => `${m.id}/${l.id}`)));
  const moduleIds = new Set<string>(manifest.modules.map((m) => m.id));
  let dropped = 0;
  const keep = <T>(record: Record<string, T>, known: Set<string>): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record).filter(([key]) => {
        if (known.has(key)) return true;
        dropped++;
        return false;
      }),
    );
  const { lastLocation, ...rest } = doc;
  const kept: ProgressDocument = {
    ...rest,
    lessons: keep(doc.lessons, lessonKeys),
    quizzes: keep(doc.quizzes, moduleIds),
    notes: keep(doc.notes, lessonKeys),
    ...(lastLocation && moduleIds.has(lastLocation.moduleId) ? { lastLocation } : {}),
  };
  return { doc: dropped === 0 ? doc : kept, dropped };
}
