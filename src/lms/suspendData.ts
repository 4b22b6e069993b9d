import type { ProgressDocument, QuizFacts } from '../schemas/progress';
import { PROGRESS_SCHEMA_VERSION } from '../schemas/progressBasics';

/*
 * The learner's progress as `cmi.suspend_data`, which SCORM 1.2 limits to 4,096 characters.
 *
 * A compact JSON object (version 1), keyed by the same stable module and lesson ids as the progress
 * document, so a package built after lessons were added still reads what an older one wrote:
 *   v  1, the format version
 *   b  base time, whole seconds since 1970 (every other time is seconds after it)
 *   u  document updatedAt          s  courseStartedAt          e  courseCompletedAt
 *   l  { moduleId: { lessonId: [firstOpened|null, completed?] } }
 *   q  { moduleId: [attempts, bestScore ×10,000 rounded down, passedAt|null, lastAttemptAt|null] }
 *   k  [moduleId, lessonId|"", at]     the last location
 *   n  [name, updatedAt]               the certificate name
 *   c  the contentVersion
 * Times are rounded down to the second and scores down to 1/10,000: the merge keeps the earliest
 * time and the best score, so a rounded copy never makes the learner's own progress look better.
 * Reflection notes are left out: they can be far longer than the limit, and they stay in this
 * browser. If even the rest does not fit, the certificate name and then the location are dropped.
 */

export const SUSPEND_DATA_LIMIT = 4096;

type Time = number | null;
interface SuspendV1 {
  v: 1;
  b: number;
  u: number;
  s?: number;
  e?: number;
  l: Record<string, Record<string, [Time] | [Time, number]>>;
  q: Record<string, [number, number, Time, Time]>;
  k?: [string, string, number];
  n?: [string, number];
  c: string;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Encodes progress (without notes) for `cmi.suspend_data`; undefined if it cannot fit. */
export function encodeSuspendData(doc: ProgressDocument): string | undefined {
  const times = [doc.updatedAt];
  for (const facts of Object.values(doc.lessons)) {
    if (facts.firstOpenedAt) times.push(facts.firstOpenedAt);
    if (facts.completedAt) times.push(facts.completedAt);
  }
  const base = Math.min(...times.map(seconds));
  const rel = (iso: string): number => seconds(iso) - base;
  const opt = (iso: string | undefined): Time => (iso === undefined ? null : rel(iso));
  const data: SuspendV1 = { v: 1, b: base, u: rel(doc.updatedAt), l: {}, q: {}, c: doc.contentVersion };
  if (doc.courseStartedAt) data.s = rel(doc.courseStartedAt);
  if (doc.courseCompletedAt) data.e = rel(doc.courseCompletedAt);
  for (const [key, facts] of Object.entries(doc.lessons)) {
    const [moduleId = '', lessonId = ''] = key.split('/');
    if (facts.firstOpenedAt === undefined && facts.completedAt === undefined) continue;
    const opened = opt(facts.firstOpenedAt);
    (data.l[moduleId] ??= {})[lessonId] = facts.completedAt ? [opened, rel(facts.completedAt)] : [opened];
  }
  for (const [moduleId, quiz] of Object.entries(doc.quizzes)) {
    data.q[moduleId] = [
      quiz.attempts,
      Math.floor(quiz.bestScore * 10_000 + 1e-6),
      opt(quiz.passedAt),
      opt(quiz.lastAttemptAt),
    ];
  }
  if (doc.lastLocation) {
    const { moduleId, lessonId, at } = doc.lastLocation;
    data.k = [moduleId, lessonId ?? '', rel(at)];
  }
  if (doc.certificate) data.n = [doc.certificate.name, rel(doc.certificate.updatedAt)];
  // Less important parts go first when the whole does not fit.
  const drops: string[][] = [[], ['n'], ['n', 'k']];
  for (const dropped of drops) {
    const text = JSON.stringify(data, function (this: unknown, key: string, value: unknown) {
      return this === data && dropped.includes(key) ? undefined : value;
    });
    if (text.length <= SUSPEND_DATA_LIMIT) return text;
  }
  return undefined;
}

/**
 * Reads what `encodeSuspendData` wrote back into a progress document (without notes). Returns
 * undefined for an empty string and throws for anything else that is not this format; the caller
 * validates the result against the progress schema before merging it.
 */
export function decodeSuspendData(text: string): ProgressDocument | undefined {
  if (text.trim() === '') return undefined;
  const data = JSON.parse(text) as Partial<SuspendV1>;
  if (data.v !== 1 || typeof data.b !== 'number') throw new Error('suspend_data is not Hankintapolku progress');
  const base = data.b;
  const iso = (offset: number): string => new Date((base + offset) * 1000).toISOString();
  const opt = (offset: Time | undefined): string | undefined =>
    offset === null || offset === undefined ? undefined : iso(offset);
  const lessons: ProgressDocument['lessons'] = {};
  for (const [moduleId, byLesson] of Object.entries(data.l ?? {})) {
    for (const [lessonId, [opened, completed]] of Object.entries(byLesson)) {
      lessons[`${moduleId}/${lessonId}`] = defined({ firstOpenedAt: opt(opened), completedAt: opt(completed) });
    }
  }
  const quizzes: Record<string, QuizFacts> = {};
  for (const [moduleId, [attempts, best, passed, last]] of Object.entries(data.q ?? {})) {
    quizzes[moduleId] = defined({
      attempts,
      bestScore: best / 10_000,
      passedAt: opt(passed),
      lastAttemptAt: opt(last),
    });
  }
  const doc: ProgressDocument = {
    kind: 'hankintapolku.progress',
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    contentVersion: data.c ?? '',
    updatedAt: iso(data.u ?? 0),
    lessons,
    quizzes,
    notes: {},
  };
  if (data.s !== undefined) doc.courseStartedAt = iso(data.s);
  if (data.e !== undefined) doc.courseCompletedAt = iso(data.e);
  if (data.k) {
    const [moduleId, lessonId, at] = data.k;
    doc.lastLocation = { moduleId, ...(lessonId ? { lessonId } : {}), at: iso(at) };
  }
  if (data.n) doc.certificate = { name: data.n[0], updatedAt: iso(data.n[1]) };
  return doc;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
