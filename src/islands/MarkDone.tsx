import { useState } from 'react';
import { flushProgress, sendProgress } from '../client/progress';
import { useProgress } from './useProgress';
import { fill } from './fill';
import { intlLocale, type Lang } from '../shared/languages';

interface Props {
  moduleId: string;
  lessonId: string;
  /** Where "continue" goes: the next lesson, or the module's knowledge check after the last one. */
  nextHref: string;
  labels: { markDone: string; done: string; continue: string; saving: string };
  lang: Lang;
}

/**
 * The end of a lesson: "Mark as done and continue". It records the completion, waits until it is
 * saved, and opens the next step with focus on its main content. A completed lesson says so and
 * still offers the way on, so it can be reviewed.
 */
export default function MarkDone({ moduleId, lessonId, nextHref, labels, lang }: Props) {
  // Until the island has hydrated and progress has loaded, the button is shown but disabled.
  const { ready, completedAt } = useProgress(
    (view) => ({ ready: true, completedAt: view.doc.lessons[`${moduleId}/${lessonId}`]?.completedAt }),
    { ready: false, completedAt: undefined },
  );
  const [busy, setBusy] = useState(false);

  const complete = async (): Promise<void> => {
    setBusy(true);
    sendProgress({ type: 'lesson.complete', moduleId, lessonId });
    await flushProgress();
    window.location.assign(`${nextHref}#main`);
  };

  const date = completedAt
    ? new Date(completedAt).toLocaleDateString(intlLocale(lang), {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      })
    : '';
  return (
    <div className="mark-done no-print">
      {completedAt && <p className="done-note">{fill(labels.done, { date })}</p>}
      {completedAt ? (
        <a className="button button-primary" href={`${nextHref}#main`}>
          {labels.continue}
        </a>
      ) : (
        <button type="button" className="primary" disabled={busy || !ready} onClick={() => void complete()}>
          {busy ? labels.saving : labels.markDone}
        </button>
      )}
    </div>
  );
}
