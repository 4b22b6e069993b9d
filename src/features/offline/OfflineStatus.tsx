import { useEffect, useState } from 'react';
import { fill } from '../../islands/fill';
import type { OfflineState } from './offlineState';
import { currentOfflineState, offlineStateEvent } from './readOfflineState';
import { formatSize, precacheSummary } from './precacheSummary';
import type { Lang } from '../../shared/languages';

type Shown = OfflineState | 'checking';

/**
 * My data: whether the course is available offline in this browser, and how much is saved for it.
 * Reads the state the page's offline module publishes (offlineState.ts) and counts Cache Storage.
 */
export default function OfflineStatus({ lang, labels }: { lang: Lang; labels: Record<string, string> }) {
  const [state, setState] = useState<Shown>('checking');
  const [saved, setSaved] = useState('');

  useEffect(() => {
    const follow = (): void => {
      const next = 'serviceWorker' in navigator ? currentOfflineState() : 'unsupported';
      if (next) setState(next);
      if (next === 'ready' && 'caches' in window) {
        void precacheSummary().then(
          ({ files, bytes }) => {
            setSaved(fill(labels['offline.saved'] ?? '', { files, size: formatSize(bytes, lang) }));
          },
          () => undefined,
        );
      }
    };
    follow();
    window.addEventListener(offlineStateEvent, follow);
    return () => {
      window.removeEventListener(offlineStateEvent, follow);
    };
  }, [labels, lang]);

  return (
    <section aria-labelledby="offline-status-heading">
      <h2 id="offline-status-heading">{labels['offline.statusHeading']}</h2>
      <p aria-live="polite" data-offline-status={state}>
        {labels[`offline.${state}`]} {state === 'ready' && saved}
      </p>
    </section>
  );
}
