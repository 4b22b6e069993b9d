import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { fill } from './fill';

/** What the search page passes in: the labels, already translated. */
export interface SearchLabels {
  label: string;
  button: string;
  noResults: string;
  results: string;
  oneResult: string;
  loading: string;
}

interface Result {
  url: string;
  title: string;
  excerpt: string;
}

interface Pagefind {
  search: (
    query: string,
  ) => Promise<{ results: { data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
/** Pagefind's index is static files next to the site; it loads only when the learner searches. */
const loadPagefind = (): Promise<Pagefind> => {
  const path = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ path) as Promise<Pagefind>;
  return pagefind;
};

/** Course search over the Pagefind index of the page's language. The query is kept in `?q=`. */
export default function SearchBox({ labels }: { labels: SearchLabels }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [searched, setSearched] = useState<string | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const [busy, setBusy] = useState(false);

  const run = async (q: string): Promise<void> => {
    const trimmed = q.trim();
    if (!trimmed) return;
    setBusy(true);
    const found = await (await loadPagefind()).search(trimmed);
    const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    setResults(data.map((d) => ({ url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt })));
    setSearched(trimmed);
    setBusy(false);
  };

  useEffect(() => {
    const q = new URLSearchParams(window.location.search).get('q') ?? '';
    if (q && inputRef.current) {
      inputRef.current.value = q;
      void run(q);
    }
  }, []);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const url = new URL(window.location.href);
    const query = inputRef.current?.value ?? '';
    url.searchParams.set('q', query.trim());
    window.history.replaceState(null, '', url);
    void run(query);
  };

  let summary = '';
  if (busy) summary = labels.loading;
  else if (searched !== null) {
    if (results.length === 0) summary = fill(labels.noResults, { query: searched });
    else if (results.length === 1) summary = fill(labels.oneResult, { query: searched });
    else summary = fill(labels.results, { count: results.length, query: searched });
  }

  return (
    <div>
      <form className="search-form" role="search" onSubmit={onSubmit} method="get">
        <label htmlFor={inputId}>{labels.label}</label>
        <input id={inputId} type="search" name="q" ref={inputRef} autoComplete="off" />
        <button type="submit" className="primary">
          {labels.button}
        </button>
      </form>
      <p role="status">{summary}</p>
      {results.length > 0 && (
        <ol className="search-results">
          {results.map((r) => (
            <li key={r.url}>
              <a href={r.url}>{r.title}</a>
              {/* Pagefind escapes the page text and adds only <mark> around the matches. */}
              <p dangerouslySetInnerHTML={{ __html: r.excerpt }} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
