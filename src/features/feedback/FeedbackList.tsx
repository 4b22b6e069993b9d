import { fill } from '../../islands/fill';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import { toCsv } from '../../shared/csv';
import { outboxDocument, sendNow } from './outboxClient';
import type { OutboxEntry } from './outbox';
import { download } from '../../islands/download';
import { intlLocale, type Lang } from '../../shared/languages';
import { targetLabel, type TargetTitles } from './targets';

interface Props {
  lang: Lang;
  labels: Record<string, string>;
  /** Module and lesson titles, so the table names what each item is about. */
  titles: TargetTitles;
}

/** The learner's own feedback with each item's delivery state, and downloads as JSON or CSV. */
export default function FeedbackList({ lang, labels, titles }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const state = useSyncedDocument(outboxDocument);
  if (!state?.loaded) return <p>{l('common.loading')}</p>;
  const entries = [...state.doc.entries].reverse();
  const when = (iso: string): string =>
    new Date(iso).toLocaleString(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const stateText = (e: OutboxEntry): string =>
    e.state === 'refused'
      ? l('feedback.state.refused', { reason: e.refusedReason ?? '' })
      : l(`feedback.state.${e.state}`);
  const day = new Date().toISOString().slice(0, 10);
  const fields = [
    'id',
    'createdAt',
    'type',
    'rating',
    'moduleId',
    'lessonId',
    'lang',
    'contentVersion',
    'text',
    'name',
    'email',
  ] as const;
  const csv = (): string =>
    toCsv<OutboxEntry>(
      [
        ...fields.map((f) => ({ header: f, value: (e: OutboxEntry) => e.item[f] })),
        { header: 'state', value: (e) => e.state },
      ],
      state.doc.entries,
    );

  return (
    <section aria-labelledby="my-feedback-heading">
      <h2 id="my-feedback-heading">{l('feedback.listHeading')}</h2>
      {entries.length === 0 ? (
        <p>{l('feedback.listEmpty')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{l('feedback.col.time')}</th>
                  <th scope="col">{l('feedback.col.target')}</th>
                  <th scope="col">{l('feedback.col.type')}</th>
                  <th scope="col">{l('feedback.col.text')}</th>
                  <th scope="col">{l('feedback.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.item.id} data-feedback-state={e.state}>
                    <td>{when(e.item.createdAt)}</td>
                    <td>{targetLabel(titles, e.item.moduleId, e.item.lessonId, l('review.general'))}</td>
                    <td>{l(`feedback.type.${e.item.type}`)}</td>
                    <td className="note-text">{e.item.text}</td>
                    <td>
                      {stateText(e)}
                      {e.state === 'waiting' && e.lastError && (
                        <span className="meta"> {l('feedback.lastError', { reason: e.lastError })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="actions">
            {entries.some((e) => e.state === 'waiting') && (
              <button type="button" onClick={sendNow}>
                {l('feedback.sendNow')}
              </button>
            )}
            <button
              type="button"
              onClick={() => download(`hankintapolku-palaute-${day}.json`, JSON.stringify(state.doc, null, 2))}
            >
              {l('feedback.exportJson')}
            </button>
            <button
              type="button"
              onClick={() => download(`hankintapolku-palaute-${day}.csv`, csv(), 'text/csv;charset=utf-8')}
            >
              {l('feedback.exportCsv')}
            </button>
          </p>
          <p className="meta">{l('feedback.exportHelp')}</p>
        </>
      )}
    </section>
  );
}
