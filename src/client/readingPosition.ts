/*
 * Keeps the reading position in the lesson read last, so "continue" and the language switch open it
 * where the learner was rather than at the top. Stored as how far through the lesson's article the
 * top of the window was (0–1), which carries over to the other language's text of the same lesson.
 *
 * Stored shape, under `hankintapolku.readingPosition` in localStorage:
 *   { "moduleId": "goals", "lessonId": "impact-chain", "through": 0.42 }
 * Only one lesson is kept, the last one read: opening another lesson starts it at the top. Going
 * back above the lesson's text (to the header, say, for the language switch or the menu) keeps the
 * place rather than resetting it to the top. This is a
 * convenience, not the learner's work (progress lives in the progress document), so it is kept
 * outside the progress document; when storage is unavailable the lesson simply opens at the top.
 */

const KEY = 'hankintapolku.readingPosition';
/** Below this the learner has hardly started reading; open at the top. */
const MIN_THROUGH = 0.03;

interface ReadingPosition {
  moduleId: string;
  lessonId: string;
  through: number;
}

function read(): ReadingPosition | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ReadingPosition> | null;
    if (typeof value?.moduleId !== 'string' || typeof value.lessonId !== 'string') return null;
    if (typeof value.through !== 'number' || !(value.through >= 0 && value.through <= 1)) return null;
    return { moduleId: value.moduleId, lessonId: value.lessonId, through: value.through };
  } catch {
    return null;
  }
}

function write(position: ReadingPosition): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(position));
  } catch {
    // No storage (private mode, quota): the lesson will open at the top next time, nothing else.
  }
}

const main = document.getElementById('main');
const article = document.querySelector<HTMLElement>('article[data-reading]');
const moduleId = main?.dataset['locationModule'];
const lessonId = main?.dataset['locationLesson'];

if (article && moduleId && lessonId) {
  const through = (): number => {
    const box = article.getBoundingClientRect();
    return box.height > 0 ? Math.min(1, Math.max(0, -box.top / box.height)) : 0;
  };
  // In a task of its own: this module runs in the task that finishes loading the page, and the page's
  // first use of localStorage (opening its storage area) made that task a long one on a slow phone.
  setTimeout(() => {
    const saved = read();
    // A link to a place in the page (#…) says where to be; otherwise return to where the learner was.
    if (!location.hash && saved?.moduleId === moduleId && saved.lessonId === lessonId && saved.through > MIN_THROUGH) {
      const box = article.getBoundingClientRect();
      window.scrollTo({ top: window.scrollY + box.top + saved.through * box.height, behavior: 'instant' });
    }
  }, 0);
  const save = (): void => {
    const now = through();
    const kept = read();
    // Above the text the learner is in the header, not reading: keep the place they read to.
    if (now === 0 && kept?.moduleId === moduleId && kept.lessonId === lessonId) return;
    write({ moduleId, lessonId, through: now });
  };
  let pending = false;
  const remember = (): void => {
    if (pending) return;
    pending = true;
    // At most once per half second while scrolling: the position is a hint, not a record.
    setTimeout(() => {
      pending = false;
      save();
    }, 500);
  };
  addEventListener('scroll', remember, { passive: true });
  addEventListener('pagehide', save);
}
