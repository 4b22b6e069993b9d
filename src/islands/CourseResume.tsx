import { useProgress } from './useProgress';
import { fill } from './fill';
import type { Lang } from '../shared/languages';

interface Props {
  lang: Lang;
  /** The first lesson's address: where a new learner starts. */
  startHref: string;
  certificateHref: string;
  labels: { start: string; resume: string; progress: string; completed: string; certificate: string };
}

/**
 * Home page: overall progress and "Continue where you left off" to the lesson the learner was on,
 * or to the first unfinished one. A new learner (and the HTML before hydration) sees "Start".
 */
export default function CourseResume({ lang, startHref, certificateHref, labels }: Props) {
  const state = useProgress(
    (view) => ({ percent: view.percentComplete(), resume: view.resumeTarget(lang), completed: view.courseCompleted() }),
    { percent: 0, resume: null, completed: false },
  );
  return (
    <div className="resume">
      {state.percent > 0 && (
        <p>
          <label>
            {fill(labels.progress, { percent: state.percent })}
            <progress max={100} value={state.percent} className="course-progress">
              {state.percent} %
            </progress>
          </label>
        </p>
      )}
      {state.completed ? (
        <>
          <p>{labels.completed}</p>
          <a className="button button-primary" href={certificateHref}>
            {labels.certificate}
          </a>
        </>
      ) : state.resume ? (
        <a className="button button-primary" href={state.resume.href}>
          {labels.resume}: {state.resume.title}
        </a>
      ) : (
        <a className="button button-primary" href={startHref}>
          {labels.start}
        </a>
      )}
    </div>
  );
}
