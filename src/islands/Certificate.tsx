import { useId, useRef, useState } from 'react';
import { sendProgress } from '../client/progress';
import { useProgress } from './useProgress';
import { fill } from './fill';
import { intlLocale, type Lang } from '../shared/languages';
import { verificationCode } from '../certificate/verificationCode';

export type CertificateLabels = Record<
  | 'locked'
  | 'lockedProgress'
  | 'name'
  | 'nameHelp'
  | 'nameRequired'
  | 'save'
  | 'saved'
  | 'heading'
  | 'certifies'
  | 'scope'
  | 'modules'
  | 'completedOn'
  | 'issuer'
  | 'code'
  | 'codeHelp'
  | 'selfIssued'
  | 'print'
  | 'loading',
  string
>;

interface Props {
  lang: Lang;
  courseTitle: string;
  /** Who issues the certificate (content/course.yaml). */
  issuer: string;
  labels: CertificateLabels;
}

/**
 * The course certificate: locked until every module is complete; the learner types the name to show
 * (kept only in this browser, and required before printing); lists the modules with their completion
 * dates, the study hours, the issuer and a verification code derived from the progress; prints on
 * one A4 page.
 */
export default function Certificate({ lang, courseTitle, issuer, labels }: Props) {
  const nameId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const locale = intlLocale(lang);
  const state = useProgress(
    (view) => ({
      unlocked: view.certificateUnlocked(),
      percent: view.percentComplete(),
      name: view.doc.certificate?.name ?? '',
      completedAt: view.doc.courseCompletedAt,
      minutes: view.manifest.modules.reduce((sum, m) => sum + m.minutes[lang], 0),
      passedAt: Object.fromEntries(view.manifest.modules.map((m) => [m.id, view.doc.quizzes[m.id]?.passedAt])),
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
  const [problem, setProblem] = useState('');
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
  const hours = (Math.round((state.minutes / 60) * 2) / 2).toLocaleString(locale);
  const code = state.name
    ? verificationCode({ name: state.name, courseCompletedAt: state.completedAt ?? '', passedAt: state.passedAt })
    : '';
  const print = (): void => {
    if (!name.trim() || name.trim() !== state.name) {
      // The printed name must be the saved one: save what is typed, or ask for it.
      if (!name.trim()) {
        setProblem(labels.nameRequired);
        inputRef.current?.focus();
        return;
      }
      sendProgress({ type: 'certificate.setName', name: name.trim() });
    }
    setProblem('');
    // Let the saved name render before the print dialog takes its snapshot.
    setTimeout(() => {
      window.print();
    }, 100);
  };
  return (
    <>
      <form
        className="no-print certificate-name"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) {
            setProblem(labels.nameRequired);
            return;
          }
          sendProgress({ type: 'certificate.setName', name: name.trim() });
          setProblem('');
          setSaved(true);
        }}
      >
        <label htmlFor={nameId}>{labels.name}</label>
        <p className="meta" id={`${nameId}-help`}>
          {labels.nameHelp}
        </p>
        <input
          id={nameId}
          ref={inputRef}
          aria-describedby={`${nameId}-help${problem ? ` ${nameId}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          required
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
        <p role="alert" id={`${nameId}-problem`} className="field-problem">
          {problem}
        </p>
        <p>
          <button type="button" className="primary" onClick={print}>
            {labels.print}
          </button>
        </p>
      </form>
      <article
        className={`certificate${state.name ? '' : ' certificate-unnamed'}`}
        aria-labelledby="certificate-heading"
        data-print-blocked={state.name ? undefined : labels.nameRequired}
      >
        <p className="certificate-course">{courseTitle}</p>
        <h2 id="certificate-heading">{labels.heading}</h2>
        <p className="certificate-name-line">{state.name || '—'}</p>
        <p>{fill(labels.certifies, { course: courseTitle, date: fmt(state.completedAt) })}</p>
        <p>{fill(labels.scope, { count: state.modules.length, hours })}</p>
        <h3>{labels.modules}</h3>
        <ol>
          {state.modules.map((m) => (
            <li key={m.id}>
              {m.title} – {fill(labels.completedOn, { date: fmt(m.completedAt) })}
            </li>
          ))}
        </ol>
        <p className="certificate-issuer">{fill(labels.issuer, { issuer })}</p>
        {code && (
          <p className="certificate-code">
            {labels.code} <strong data-verification-code>{code}</strong>
            <br />
            <span className="meta">{labels.codeHelp}</span>
          </p>
        )}
        <p className="meta">{labels.selfIssued}</p>
      </article>
    </>
  );
}
