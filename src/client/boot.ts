/*
 * Runs on every page that shows progress: starts the progress actor, records where the learner is,
 * keeps the status marks on lists up to date, and shows the storage notice when needed.
 */
import { storageKeys } from '../storage/keys';
import { getProgressView, isProgressSaved, isProgressUnavailable, sendProgress, subscribeProgress } from './progress';
import { applyProgressToDom } from './progressDom';
import { nextTask } from './nextTask';

const main = document.getElementById('main');
const moduleId = main?.dataset['locationModule'];
const lessonId = main?.dataset['locationLesson'];
if (moduleId && lessonId) sendProgress({ type: 'lesson.open', moduleId, lessonId });
if (moduleId) sendProgress({ type: 'location.set', moduleId, ...(lessonId ? { lessonId } : {}) });

const notice = document.querySelector<HTMLElement>('[data-storage-notice]');
const labels = JSON.parse(document.getElementById('progress-labels')?.textContent ?? '{}') as Record<string, string>;

const render = (): void => {
  // Says whether everything is stored: the tests wait for it, and it could drive a "saved" mark.
  document.documentElement.dataset['progressSaved'] = String(isProgressSaved());
  const view = getProgressView();
  if (view) applyProgressToDom(view);
  if (notice && (view || isProgressUnavailable())) {
    const text = [
      view?.degraded ? labels[view.newer ? 'newer' : 'degraded'] : '',
      view?.recovered ? labels['recovered'] : '',
      view ? '' : labels['unavailable'],
    ]
      .filter(Boolean)
      .join(' ');
    if (notice.textContent !== text) notice.textContent = text;
  }
};
subscribeProgress(render);
render();

// Feedback written earlier (perhaps offline) is delivered on the next visit to any course page. The
// outbox code loads only when something is waiting, so pages without pending feedback stay light.
// It waits for the progress wiring to have asked for the storage code (in a later task), so this
// task does not start a fetch of its own.
void nextTask()
  .then(nextTask)
  .then(nextTask)
  .then(() => import('../storage/browserStore'))
  .then(({ openBrowserKeyValueStore }) => openBrowserKeyValueStore())
  .then(({ store }) => store.getItem(storageKeys.feedback))
  .then(async (stored) => {
    const entries = (stored as { entries?: { state?: string }[] } | null)?.entries ?? [];
    if (entries.some((e) => e.state === 'waiting')) (await import('../features/feedback/outboxClient')).startOutbox();
  })
  .catch(() => undefined);

// In a SCORM package (scripts/buildLms.mjs) pages also talk to the LMS; the website never loads it.
if (import.meta.env.PUBLIC_HANKINTAPOLKU_TARGET === 'lms') void import('../lms/pageBridge');
