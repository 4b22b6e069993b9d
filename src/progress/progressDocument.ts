/*
 * Pure updates of the progress document (stored shape: src/schemas/progress.ts).
 *
 * Lifecycle: emptyDocument() on first visit or reset; each learner action below returns a NEW
 * document with updatedAt set (or the same document when the action changes no fact, so callers
 * can skip a save); reconcile() whenever the document meets a manifest, i.e. after load, after a
 * merge and after a content change. Facts are only added or moved earlier, never removed, which
 * keeps documents mergeable across tabs. Shape changes go through src/storage/migrations.ts.
 */
import type { CourseManifest } from '../schemas/manifest';
import type { ProgressDocument } from '../schemas/progress';
import {
  CERTIFICATE_NAME_MAX_LENGTH,
  lessonKeyOf,
  NOTE_MAX_LENGTH,
  PROGRESS_SCHEMA_VERSION,
} from '../schemas/progressBasics';
import { latest } from './instants';
import { allModulesCompleted, isPassingScore, moduleCompletedAt } from './selectors';

/** What every update needs to know besides the document. */
export interface UpdateContext {
  manifest: CourseManifest;
  now: Date;
}

export interface LessonRef {
  moduleId: string;
  lessonId: string;
}

export function emptyDocument(contentVersion: string, now: Date): ProgressDocument {
  return {
    kind: 'hankintapolku.progress',
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    contentVersion,
    updatedAt: now.toISOString(),
    lessons: {},
    quizzes: {},
    notes: {},
  };
}

/** updatedAt never moves back, even if this tab's clock is behind a tab we merged from. */
function touched(doc: ProgressDocument, now: Date): string {
  return latest(doc.updatedAt, now.toISOString()) ?? doc.updatedAt;
}

/**
 * Sets courseCompletedAt the first time every module of the manifest is complete, to the moment
 * the last module was completed (derived from the facts, so every tab derives the same value).
 * Never cleared here: only a reset forgets a completed course.
 */
function withCourseCompletion(doc: ProgressDocument, manifest: CourseManifest): ProgressDocument {
  if (doc.courseCompletedAt !== undefined || manifest.modules.length === 0) return doc;
  if (!allModulesCompleted(doc, manifest)) return doc;
  let at: string | undefined;
  for (const module of manifest.modules) at = latest(at, moduleCompletedAt(doc, manifest, module.id));
  return { ...doc, courseCompletedAt: at ?? doc.updatedAt };
}

export function openLesson(doc: ProgressDocument, ref: LessonRef, { now }: UpdateContext): ProgressDocument {
  const key = lessonKeyOf(ref.moduleId, ref.lessonId);
  const facts = doc.lessons[key] ?? {};
  if (facts.firstOpenedAt !== undefined) return doc;
  const at = now.toISOString();
  return {
    ...doc,
    updatedAt: touched(doc, now),
    courseStartedAt: doc.courseStartedAt ?? at,
    lessons: { ...doc.lessons, [key]: { ...facts, firstOpenedAt: at } },
  };
}

/** Marks a lesson done (opening it too, if the learner got here some other way). */
export function completeLesson(doc: ProgressDocument, ref: LessonRef, context: UpdateContext): ProgressDocument {
  const opened = openLesson(doc, ref, context);
  const key = lessonKeyOf(ref.moduleId, ref.lessonId);
  const facts = opened.lessons[key] ?? {};
  if (facts.completedAt !== undefined) return opened;
  const completed: ProgressDocument = {
    ...opened,
    updatedAt: touched(opened, context.now),
    lessons: { ...opened.lessons, [key]: { ...facts, completedAt: context.now.toISOString() } },
  };
  return withCourseCompletion(completed, context.manifest);
}

/** Records one submitted knowledge check; `score` is the share of right answers, 0–1. */
export function recordQuizAttempt(
  doc: ProgressDocument,
  attempt: { moduleId: string; score: number },
  { manifest, now }: UpdateContext,
): ProgressDocument {
  if (!Number.isFinite(attempt.score)) throw new RangeError(`Quiz score must be a number, got ${attempt.score}`);
  const score = Math.min(1, Math.max(0, attempt.score));
  const at = now.toISOString();
  const previous = doc.quizzes[attempt.moduleId];
  const passedAt = previous?.passedAt ?? (isPassingScore(score, manifest.passMark) ? at : undefined);
  const quiz = {
    attempts: (previous?.attempts ?? 0) + 1,
    bestScore: Math.max(previous?.bestScore ?? 0, score),
    lastAttemptAt: latest(previous?.lastAttemptAt, at) ?? at,
    ...(passedAt === undefined ? {} : { passedAt }),
  };
  const updated = { ...doc, updatedAt: touched(doc, now), quizzes: { ...doc.quizzes, [attempt.moduleId]: quiz } };
  return withCourseCompletion(updated, manifest);
}

/** Saves a reflection answer. Saving an empty text keeps it as an empty note, so a deletion syncs. */
export function saveNote(
  doc: ProgressDocument,
  note: LessonRef & { text: string },
  { now }: UpdateContext,
): ProgressDocument {
  const key = lessonKeyOf(note.moduleId, note.lessonId);
  const text = note.text.slice(0, NOTE_MAX_LENGTH);
  if (doc.notes[key]?.text === text) return doc;
  const updatedAt = touched(doc, now);
  return { ...doc, updatedAt, notes: { ...doc.notes, [key]: { text, updatedAt } } };
}

/** Sets the name for the certificate, trimmed and cut to the stored maximum. */
export function setCertificateName(
  doc: ProgressDocument,
  { name }: { name: string },
  { now }: UpdateContext,
): ProgressDocument {
  const trimmed = name.trim().slice(0, CERTIFICATE_NAME_MAX_LENGTH);
  if (doc.certificate?.name === trimmed) return doc;
  const updatedAt = touched(doc, now);
  return { ...doc, updatedAt, certificate: { name: trimmed, updatedAt } };
}

/** Remembers where the learner is, for "continue". Every visit counts, so the time always moves. */
export function setLocation(
  doc: ProgressDocument,
  { moduleId, lessonId }: { moduleId: string; lessonId?: string | undefined },
  { now }: UpdateContext,
): ProgressDocument {
  const at = touched(doc, now);
  return {
    ...doc,
    updatedAt: at,
    lastLocation: lessonId === undefined ? { moduleId, at } : { moduleId, lessonId, at },
  };
}

/**
 * Brings a document in line with the current manifest: records the contentVersion and completes
 * the course if the facts now cover every module. Facts about lessons that no longer exist are
 * kept (the lesson may come back) but selectors ignore them; new lessons are simply not started;
 * a course once completed keeps courseCompletedAt and its certificate. updatedAt is left alone
 * because no learner fact changed. Returns the same document when nothing changes.
 */
export function reconcile(doc: ProgressDocument, manifest: CourseManifest): ProgressDocument {
  const versioned =
    doc.contentVersion === manifest.contentVersion ? doc : { ...doc, contentVersion: manifest.contentVersion };
  return withCourseCompletion(versioned, manifest);
}
