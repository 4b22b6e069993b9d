import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useProgress } from '../../islands/useProgress';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import type { ModuleId } from '../../schemas/ids';
import { averages } from '../selfAssessment/model';
import { MEMBER_NAME_MAX, type ModuleStatus } from '../../schemas/teamSummary';
import { buildSummary, summaryFileName } from './model';
import { teamAssessmentDocument, teamDocument } from './teamClient';
import { download } from '../../islands/download';
import { intlLocale, type Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  l: (key: string, values?: Record<string, string | number>) => string;
}

/** The learner's own summary file: the name they choose, module statuses, self-assessment averages. */
export default function MySummary({ lang, l }: Props) {
  const id = useId();
  const team = useSyncedDocument(teamDocument);
  const assessment = useSyncedDocument(teamAssessmentDocument);
  const modules = useProgress(
    (view) =>
      Object.fromEntries(view.manifest.modules.map((m) => [m.id, view.moduleStatus(m.id)])) as Record<
        ModuleId,
        ModuleStatus
      >,
    null,
  );
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  if (!team?.loaded || !assessment?.loaded || !modules) return <p>{l('team.loading')}</p>;
  const before = averages(assessment.doc.before).overall;
  const after = averages(assessment.doc.after).overall;
  const moduleIds = Object.keys(modules);
  const done = moduleIds.filter((m) => modules[m] === 'completed').length;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const name = team.doc.myName.trim();
    if (!name) {
      setError(l('team.my.nameMissing'));
      nameRef.current?.focus();
      return;
    }
    setError('');
    const doc = teamDocument();
    const myId = team.doc.myId ?? crypto.randomUUID();
    if (!team.doc.myId) doc.update((t) => ({ ...t, myId, updatedAt: new Date().toISOString() }));
    const summary = buildSummary({ id: myId, name, now: new Date(), modules, before, after });
    download(summaryFileName(name, l('team.my.fileName')), JSON.stringify(summary, null, 2));
    setStatus(l('team.my.downloaded'));
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <form className="my-summary" onSubmit={onSubmit} noValidate>
      <p>
        <label htmlFor={`${id}-name`}>{l('team.my.name')}</label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          value={team.doc.myName}
          maxLength={MEMBER_NAME_MAX}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-name-help${error ? ` ${id}-name-error` : ''}`}
          onChange={(e) => {
            const myName = e.target.value;
            teamDocument().update((t) => ({ ...t, myName, updatedAt: new Date().toISOString() }));
          }}
        />
        <span id={`${id}-name-help`} className="meta">
          {l('team.my.nameHelp')}
        </span>
        {error && (
          <span id={`${id}-name-error`} className="field-error">
            {error}
          </span>
        )}
      </p>
      <p>
        {l('team.my.contains', {
          done,
          total: moduleIds.length,
          before: before === null ? l('team.notTaken') : before.toLocaleString(intlLocale(lang)),
          after: after === null ? l('team.notTaken') : after.toLocaleString(intlLocale(lang)),
        })}
      </p>
      <button type="submit" className="primary">
        {l('team.my.download')}
      </button>
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
    </form>
  );
}
