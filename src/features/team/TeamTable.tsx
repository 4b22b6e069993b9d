import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import { SUMMARY_FILE_MAX_BYTES, TEAM_MEMBERS_MAX, type Summary } from '../../schemas/teamSummary';
import { textWithin } from '../../client/documentFile';
import { addMembers, readSummaryFile } from './model';
import { teamDocument } from './teamClient';
import { useHydrated } from '../../islands/useHydrated';
import { intlLocale, type Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  /** The course's modules in course order, by id. */
  moduleTitles: Record<string, string>;
  l: (key: string, values?: Record<string, string | number>) => string;
}

/** The coordinator's view: import members' summary files, see members × modules. Nothing is uploaded. */
export default function TeamTable({ lang, moduleTitles, l }: Props) {
  const moduleIds = Object.keys(moduleTitles);
  const id = useId();
  const hydrated = useHydrated();
  const team = useSyncedDocument(teamDocument);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const alertRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const locale = intlLocale(lang);
  const avg = (v: number | null): string => (v === null ? '–' : v.toLocaleString(locale));

  const onFiles = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const files = [...(input.files ?? [])];
    const accepted: Summary[] = [];
    const refused: string[] = [];
    for (const file of files) {
      const result = readSummaryFile(await textWithin(file, SUMMARY_FILE_MAX_BYTES), file.size);
      if (result.ok) accepted.push(result.doc);
      else
        refused.push(
          l('team.import.refused', {
            file: file.name,
            reason: l(`team.import.reason.${result.reason}`, { detail: result.detail ?? '' }),
          }),
        );
    }
    input.value = '';
    let kept = 0;
    if (accepted.length) {
      const doc = teamDocument();
      doc.update((t) => addMembers(t, accepted));
      await doc.flush();
      // A member's older file gives way to a newer one, and the view has room for TEAM_MEMBERS_MAX.
      kept = doc.get().doc.members.filter((m) => accepted.includes(m)).length;
    }
    setRefusals(refused);
    setStatus(
      !accepted.length
        ? ''
        : kept < accepted.length
          ? l('team.import.kept', { kept, count: accepted.length, max: TEAM_MEMBERS_MAX })
          : l('team.import.done', { count: accepted.length }),
    );
    requestAnimationFrame(() => (refused.length ? alertRef.current : statusRef.current)?.focus());
  };

  const remove = (member: Summary): void => {
    teamDocument().update((t) => ({ ...t, members: t.members.filter((m) => m.id !== member.id) }));
    setStatus(l('team.removed', { name: member.name }));
    requestAnimationFrame(() => fileRef.current?.focus());
  };

  if (!team?.loaded) return <p>{l('team.loading')}</p>;
  const members = team.doc.members;
  return (
    <div className="team-table">
      <p>
        <label htmlFor={`${id}-files`}>{l('team.import.label')}</label>
        <input
          ref={fileRef}
          id={`${id}-files`}
          type="file"
          disabled={!hydrated}
          multiple
          accept=".json,application/json"
          aria-describedby={`${id}-help`}
          onChange={(e) => void onFiles(e)}
        />
        <span id={`${id}-help`} className="meta">
          {l('team.import.help')}
        </span>
      </p>
      <div role="alert" ref={alertRef} tabIndex={-1} className="refusal">
        {refusals.length > 0 && (
          <ul>
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      {members.length === 0 ? (
        <p>{l('team.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-table="team">
            <caption>{l('team.table.caption', { count: members.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{l('team.table.member')}</th>
                {moduleIds.map((m, i) => (
                  <th scope="col" key={m}>
                    <abbr title={moduleTitles[m]}>{l('team.table.module', { n: i + 1 })}</abbr>
                    <span className="visually-hidden"> {moduleTitles[m]}</span>
                  </th>
                ))}
                <th scope="col">{l('team.table.before')}</th>
                <th scope="col">{l('team.table.after')}</th>
                <th scope="col">{l('team.table.exported')}</th>
                <th scope="col">
                  <span className="visually-hidden">{l('team.table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id} data-member={member.name}>
                  <th scope="row">{member.name}</th>
                  {moduleIds.map((m) => {
                    // A summary from a course without this module shows it as not started.
                    const status = member.modules[m] ?? 'not-started';
                    return (
                      <td key={m} className={`cell-${status}`} data-status={status}>
                        {l(`team.status.${status}`)}
                      </td>
                    );
                  })}
                  <td>{avg(member.assessment.before)}</td>
                  <td>{avg(member.assessment.after)}</td>
                  <td>{new Date(member.exportedAt).toLocaleDateString(locale)}</td>
                  <td>
                    <button type="button" onClick={() => remove(member)}>
                      {l('team.remove', { name: member.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
