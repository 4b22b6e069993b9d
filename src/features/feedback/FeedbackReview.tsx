import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { fill } from '../../islands/fill';
import { useHydrated } from '../../islands/useHydrated';
import type { FeedbackItem } from '../../shared/feedback';
import { download } from '../../islands/download';
import { intlLocale, type Lang } from '../../shared/languages';
import { targetLabel, type TargetTitles } from './targets';

interface Props {
  lang: Lang;
  endpoint: string;
  modules: { id: string; title: string }[];
  /** Module and lesson titles, so the tables name what each item is about. */
  titles: TargetTitles;
  labels: Record<string, string>;
}

type Stored = FeedbackItem & { receivedAt: string };
interface Counts {
  moduleId: string | null;
  lessonId: string | null;
  comment: number;
  question: number;
  wish: number;
  total: number;
}
type Filters = { module: string; lesson: string; type: string; since: string };

const TOKEN_KEY = 'hankintapolku-review-token';

/**
 * The course designers' view of pilot feedback: asks for the admin token once per tab
 * (sessionStorage), then shows a filterable table, counts per lesson and type, and a CSV download.
 * Feedback text is always rendered as text.
 */
export default function FeedbackReview({ lang, endpoint, modules, titles, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const id = useId();
  const [token, setToken] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<Filters>({ module: '', lesson: '', type: '', since: '' });
  const [items, setItems] = useState<Stored[] | null>(null);
  const [counts, setCounts] = useState<Counts[]>([]);
  const [error, setError] = useState('');
  const resultRef = useRef<HTMLHeadingElement>(null);
  const hydrated = useHydrated();

  const query = (f: Filters): string => {
    const q = new URLSearchParams();
    if (f.module) q.set('module', f.module);
    if (f.lesson) q.set('lesson', f.lesson);
    if (f.type) q.set('type', f.type);
    if (f.since) q.set('since', new Date(`${f.since}T00:00:00`).toISOString());
    return q.size ? `?${q.toString()}` : '';
  };

  const call = async (path: string, t: string): Promise<Response | null> => {
    try {
      const response = await fetch(`${endpoint}${path}`, { headers: { Authorization: `Bearer ${t}` } });
      if (response.ok) return response;
      setError(l(`review.error.${String(response.status)}`) || `HTTP ${String(response.status)}`);
      if (response.status === 401 || response.status === 403) {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken(null);
      }
    } catch {
      setError(l('review.error.network'));
    }
    return null;
  };

  const load = async (t: string, f: Filters): Promise<void> => {
    setError('');
    const [list, summary] = await Promise.all([call(query(f), t), call(`/summary${query(f)}`, t)]);
    if (!list || !summary) return;
    setItems(((await list.json()) as { items: Stored[] }).items);
    setCounts(((await summary.json()) as { lessons: Counts[] }).lessons);
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  useEffect(() => {
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) {
      // Loading from storage after mount keeps the server render and hydration identical.
      void Promise.resolve().then(() => {
        setToken(saved);
        void load(saved, filters);
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  const signIn = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const t = draft.trim();
    if (!t) {
      setError(l('review.error.401'));
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, t);
    setToken(t);
    setDraft('');
    void load(t, filters);
  };

  const downloadCsv = async (): Promise<void> => {
    if (!token) return;
    const response = await call(`.csv${query(filters)}`, token);
    if (!response) return;
    download(`feedback-${new Date().toISOString().slice(0, 10)}.csv`, await response.blob());
  };

  const when = (iso: string): string =>
    new Date(iso).toLocaleString(intlLocale(lang), { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="review">
      <div role="alert">{error}</div>
      {!token ? (
        <form onSubmit={signIn} className="actions">
          <label htmlFor={`${id}-token`}>{l('review.token')}</label>
          <input
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            value={draft}
            disabled={!hydrated}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="primary" disabled={!hydrated}>
            {l('review.signIn')}
          </button>
        </form>
      ) : (
        <>
          <form
            className="review-filters"
            onSubmit={(e) => {
              e.preventDefault();
              void load(token, filters);
            }}
          >
            <fieldset>
              <legend>{l('review.filters')}</legend>
              <label>
                {l('review.module')}{' '}
                <select value={filters.module} onChange={(e) => setFilters({ ...filters, module: e.target.value })}>
                  <option value="">{l('review.all')}</option>
                  {modules.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                {l('review.lesson')}{' '}
                <input value={filters.lesson} onChange={(e) => setFilters({ ...filters, lesson: e.target.value })} />
              </label>{' '}
              <label>
                {l('review.type')}{' '}
                <select value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value })}>
                  <option value="">{l('review.all')}</option>
                  {(['comment', 'question', 'wish'] as const).map((t) => (
                    <option key={t} value={t}>
                      {l(`feedback.type.${t}`)}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                {l('review.since')}{' '}
                <input
                  type="date"
                  value={filters.since}
                  onChange={(e) => setFilters({ ...filters, since: e.target.value })}
                />
              </label>{' '}
              <button type="submit" className="primary">
                {l('review.apply')}
              </button>
            </fieldset>
          </form>
          <p className="actions">
            <button type="button" onClick={() => void downloadCsv()}>
              {l('review.csv')}
            </button>
            <button
              type="button"
              onClick={() => {
                sessionStorage.removeItem(TOKEN_KEY);
                setToken(null);
                setItems(null);
              }}
            >
              {l('review.signOut')}
            </button>
          </p>
          {items && (
            <>
              <h2 ref={resultRef} tabIndex={-1}>
                {l('review.count', { count: items.length })}
              </h2>
              <div className="table-scroll">
                <table className="data-table" data-testid="review-table">
                  <thead>
                    <tr>
                      <th scope="col">{l('review.col.received')}</th>
                      <th scope="col">{l('feedback.col.target')}</th>
                      <th scope="col">{l('feedback.col.type')}</th>
                      <th scope="col">{l('review.col.rating')}</th>
                      <th scope="col">{l('feedback.col.text')}</th>
                      <th scope="col">{l('review.col.sender')}</th>
                      <th scope="col">{l('review.col.lang')}</th>
                      <th scope="col">{l('review.col.version')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item.id}>
                        <td>{when(item.receivedAt)}</td>
                        <td>{targetLabel(titles, item.moduleId, item.lessonId, l('review.general'))}</td>
                        <td>{l(`feedback.type.${item.type}`)}</td>
                        <td>{item.rating ?? ''}</td>
                        <td className="note-text">{item.text}</td>
                        <td>{[item.name, item.email].filter(Boolean).join(', ')}</td>
                        <td>{item.lang}</td>
                        <td>{item.contentVersion}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h2>{l('review.counts')}</h2>
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{l('feedback.col.target')}</th>
                      <th scope="col">{l('feedback.type.comment')}</th>
                      <th scope="col">{l('feedback.type.question')}</th>
                      <th scope="col">{l('feedback.type.wish')}</th>
                      <th scope="col">{l('review.count', { count: '' }).trim()}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {counts.map((c) => (
                      <tr key={`${c.moduleId ?? ''}/${c.lessonId ?? ''}`}>
                        <th scope="row">{targetLabel(titles, c.moduleId, c.lessonId, l('review.general'))}</th>
                        <td>{c.comment}</td>
                        <td>{c.question}</td>
                        <td>{c.wish}</td>
                        <td>{c.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
