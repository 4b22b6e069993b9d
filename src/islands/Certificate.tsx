import { useId, useState } from 'react';
import { sendProgress } from '../client/progress';
import { useProgress } from './useProgress';
import { fill } from './fill';
import { intlLocale, type Lang } from '../shared/languages';

interface Props {
  lang: Lang;
  courseTitle: string;
  labels: Record<
    | 'locked'
    | 'lockedProgress'
    | 'name'
    | 'nameHelp'
    | 'save'
    | 'saved'
    | 'heading'
    | 'certifies'
    | 'modules'
    | 'completedOn'
    | 'selfIssued'
    | 'print'
    | 'loading',
    string
  >;
}

/**
 * The course certificate: locked until every module is complete; the learner types the name to show
 * (kept only in this browser); lists the modules with their completion dates; prints on A4.
 */
export default function Certificate({ lang, courseTitle, labels }: Props) {
  const nameId = useId();
  const locale = intlLocale(lang);
  const state = useProgress(
    (view) => ({
      unlocked: view.certificateUnlocked(),
      percent: view.percentComplete(),
      name: view.doc.certificate?.name ?? '',
      completedAt: view.doc.courseCompletedAt,
      modules: view.manifest.modules.map((m) => ({
        id: m.id,
        title: m.title[lang],
        completedAt: view.moduleCompletedAt(m.id),
      })),
    }),
    null,
  );
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (state === null) return <p>{labels.loading}</p>;
  const fmt = (iso: string | undefined): string =>
    iso ? new Date(iso).toLocaleDateString(locale, { dateStyle: 'long' }) : '';

  if (!state.unlocked) {
    return (
      <div className="certificate-locked">
        <p>{labels.locked}</p>
        <p>{fill(labels.lockedProgress, { percent: state.percent })}</p>
      </div>
    );
  }
  const name = draft ?? state.name;
  return (
    <>
      <form
        className="no-print certificate-name"
        onSubmit={(e) => {
          e.preventDefault();
          sendProgress({ type: 'certificate.setName', name: name.trim() });
          setSaved(true);
        }}
      >
        <label htmlFor={nameId}>{labels.name}</label>
        <p className="meta" id={`${nameId}-help`}>
          {labels.nameHelp}
        </p>
        <input
          id={nameId}
          aria-describedby={`${nameId}-help`}
          value={name}
          maxLength={120}
          autoComplete="name"
          onChange={(e) => {
            setDraft(e.target.value);
            setSaved(false);
          }}
        />{' '}
        <button type="submit">{labels.save}</button>
        <span role="status">{saved ? ` ${labels.saved}` : ''}</span>
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              window.print();
            }}
          >
            {labels.print}
          </button>
        </p>
      </form>
      <article className="certificate" aria-labelledby="certificate-heading">
        <h2 id="certificate-heading">{labels.heading}</h2>
        <p className="certificate-name-line">{state.name || '—'}</p>
        <p>{fill(labels.certifies, { course: courseTitle, date: fmt(state.completedAt) })}</p>
        <h3>{labels.modules}</h3>
        <ol>
          {state.modules.map((m) => (
            <li key={m.id}>
              {m.title} – {fill(labels.completedOn, { date: fmt(m.completedAt) })}
            </li>
          ))}
        </ol>
        <p className="meta">{labels.selfIssued}</p>
      </article>
    </>
  );
}
