import { useId, useRef, useState } from 'react';
import { fill } from '../../islands/fill';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import { rounds, SCALE, statements, type Round } from '../../schemas/selfAssessment';
import { answer, averages, focusModules, isComplete } from './model';
import { selfAssessmentDocument } from './assessmentClient';
import ResultsChart from './ResultsChart';
import { intlLocale, type Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  moduleTitles: Record<string, string>;
  moduleHrefs: Record<string, string>;
  labels: Record<string, string>;
}

/** The competence self-assessment, before and after, with the results as a chart and a table. */
export default function SelfAssessmentApp({ lang, moduleTitles, moduleHrefs, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const id = useId();
  const state = useSyncedDocument(selfAssessmentDocument);
  const [round, setRound] = useState<Round>('before');
  const [status, setStatus] = useState('');
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const format = (v: number | null): string =>
    v === null ? '–' : v.toLocaleString(intlLocale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  if (!state?.loaded) return <p>{l('assess.loading')}</p>;
  const doc = state.doc;
  const current = doc[round];
  const answered = averages(current).answered;
  const before = averages(doc.before);
  const after = averages(doc.after);
  const focus = focusModules(doc);

  const choose = (statementId: (typeof statements)[number]['id'], value: number): void => {
    const store = selfAssessmentDocument();
    store.update((d) => answer(d, round, statementId, value, new Date()));
    const next = store.get().doc[round];
    if (isComplete(next)) {
      void store.flush().then(() => setStatus(l('assess.complete', { round: l(`assess.round.${round}`) })));
    } else setStatus('');
  };

  return (
    <div className="self-assessment">
      {state.newer ? (
        <p role="alert">{l('assess.storage.newer')}</p>
      ) : (
        state.degraded && <p role="alert">{l('assess.storage.degraded')}</p>
      )}
      {state.quarantined && <p role="alert">{l('assess.storage.quarantined')}</p>}
      <fieldset className="inline-choices round-choice">
        <legend>{l('assess.round.legend')}</legend>
        {rounds.map((r) => (
          <label key={r}>
            <input type="radio" name={`${id}-round`} value={r} checked={round === r} onChange={() => setRound(r)} />{' '}
            {l(`assess.round.${r}`)}
          </label>
        ))}
      </fieldset>
      <p className="meta" aria-live="polite">
        {l('assess.answered', { count: answered, total: statements.length, round: l(`assess.round.${round}`) })}
      </p>
      <ol className="statements">
        {statements.map((s, i) => (
          <li key={`${round}-${s.id}`}>
            <fieldset className="question statement" data-statement={s.id}>
              <legend>
                {i + 1}. {l(`assess.s.${s.id}`)}
              </legend>
              <p className="meta hint">{moduleTitles[s.moduleId]}</p>
              <div className="scale">
                {SCALE.map((v) => (
                  <label key={v}>
                    <input
                      type="radio"
                      name={`${id}-${round}-${s.id}`}
                      value={v}
                      checked={current?.answers[s.id] === v}
                      onChange={() => choose(s.id, v)}
                    />{' '}
                    {l(`assess.scale.${v}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p role="status">{status}</p>

      <h2 id={`${id}-results`} ref={resultsRef} tabIndex={-1}>
        {l('assess.results')}
      </h2>
      {before.answered === 0 && after.answered === 0 ? (
        <p>{l('assess.noResults')}</p>
      ) : (
        <>
          <ResultsChart before={before} after={after} moduleTitles={moduleTitles} l={l} format={format} />
          <div className="table-scroll">
            <table className="data-table" data-table="self-assessment">
              <caption>{l('assess.table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{l('assess.table.module')}</th>
                  <th scope="col">{l('assess.round.before')}</th>
                  <th scope="col">{l('assess.round.after')}</th>
                  <th scope="col">{l('assess.table.change')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.keys(moduleTitles).map((m, i) => {
                  const b = before.byModule[m] ?? null;
                  const a = after.byModule[m] ?? null;
                  const change = a !== null && b !== null ? Math.round((a - b) * 10) / 10 : null;
                  return (
                    <tr key={m} data-row-module={m}>
                      <th scope="row">
                        {l('assess.chart.short', { n: i + 1 })} {moduleTitles[m]}
                      </th>
                      <td>{format(b)}</td>
                      <td>{format(a)}</td>
                      <td>{change === null ? '–' : `${change > 0 ? '+' : ''}${format(change)}`}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{l('assess.table.overall')}</th>
                  <td>{format(before.overall)}</td>
                  <td>{format(after.overall)}</td>
                  <td>
                    {before.overall !== null && after.overall !== null
                      ? format(Math.round((after.overall - before.overall) * 10) / 10)
                      : '–'}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <h3>{l('assess.focus')}</h3>
          <p>{l('assess.focusIntro')}</p>
          <ul className="focus-modules">
            {focus.map((m) => (
              <li key={m}>
                <a href={moduleHrefs[m]}>{moduleTitles[m]}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
