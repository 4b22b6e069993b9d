import type { CourseManifest } from '../schemas/manifest';
import type { ProgressDocument } from '../schemas/progress';
import { isSameDocument, merge } from './mergeProgress';
import {
  completeLesson,
  emptyDocument,
  openLesson,
  recordQuizAttempt,
  reconcile,
  saveNote,
  setCertificateName,
  setLocation,
} from './progressDocument';

/** Events that change the learner's progress. Names are `domain.verb`. */
export type ProgressDomainEvent =
  | { type: 'lesson.open'; moduleId: string; lessonId: string }
  | { type: 'lesson.complete'; moduleId: string; lessonId: string }
  /** `score` is the share of right answers, 0–1. */
  | { type: 'quiz.submit'; moduleId: string; score: number }
  | { type: 'note.save'; moduleId: string; lessonId: string; text: string }
  | { type: 'certificate.setName'; name: string }
  /** The page the learner is on; lessonId is absent on a module page or its knowledge check. */
  | { type: 'location.set'; moduleId: string; lessonId?: string }
  /**
   * A document from another tab or an import, already checked against the schema where it came in;
   * merged in, never replacing facts.
   */
  | { type: 'doc.external'; doc: ProgressDocument }
  /**
   * What another tab has just stored (checked where it came in). Storage holds it already, so
   * merging it changes what this tab shows but is never a reason to save or announce it again.
   */
  | { type: 'tab.saved'; doc: ProgressDocument }
  /** The learner asked to delete their progress: start again from an empty document. */
  | { type: 'data.reset' };

/** Everything the progress machine accepts. */
export type ProgressEvent =
  | ProgressDomainEvent
  /** Write now (pagehide, visibilitychange); also what the save debounce sends itself. */
  | { type: 'storage.flush' }
  /** The learner has read the notice that unreadable data was set aside. */
  | { type: 'recovery.dismiss' };

export const progressDomainEventTypes = [
  'lesson.open',
  'lesson.complete',
  'quiz.submit',
  'note.save',
  'certificate.setName',
  'location.set',
  'doc.external',
  'tab.saved',
  'data.reset',
] as const satisfies ReadonlyArray<ProgressDomainEvent['type']>;

/**
 * The document after one event. Returns the same document when nothing changed (including an
 * external document that is invalid or adds nothing), so the machine can skip a save.
 */
export function applyProgressEvent(
  doc: ProgressDocument,
  event: ProgressDomainEvent,
  context: { manifest: CourseManifest; now: Date },
): ProgressDocument {
  switch (event.type) {
    case 'lesson.open':
      return openLesson(doc, event, context);
    case 'lesson.complete':
      return completeLesson(doc, event, context);
    case 'quiz.submit':
      return recordQuizAttempt(doc, event, context);
    case 'note.save':
      return saveNote(doc, event, context);
    case 'certificate.setName':
      return setCertificateName(doc, event, context);
    case 'location.set':
      return setLocation(doc, event, context);
    case 'doc.external':
    case 'tab.saved': {
      const merged = reconcile(merge(doc, event.doc), context.manifest);
      return isSameDocument(merged, doc) ? doc : merged;
    }
    case 'data.reset':
      return emptyDocument(context.manifest.contentVersion, context.now);
  }
}
