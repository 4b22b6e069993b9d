import type { ProgressDocument } from '../schemas/progress';
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
