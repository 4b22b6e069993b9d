/*
 * Offline support on every page, in plain TypeScript so content pages stay light (no React):
 * - registers the service worker (dist/sw.js, made by scripts/buildServiceWorker.mjs) after the load
 *   event, and publishes whether the course is available offline (offlineState.ts);
 * - when a new version has installed and waits, shows the update prompt (a polite role="status"
 *   region, never focused); only the learner's Update sends SKIP_WAITING, and the page reloads once,
 *   on the controllerchange that follows;
 * - shows online/offline in the header, in words, updated on the online and offline events.
 * Anything unsupported or blocked (no service workers, private modes, storage full) leaves the site
 * working online as before: every step is feature-detected and no error escapes.
 */
import { offlineStateEvent, offlineStateOf, type OfflineState } from './offlineState';

const prompt = document.querySelector<HTMLElement>('[data-update-prompt]');
const labels = prompt?.dataset ?? {};

function publish(state: OfflineState): void {
  document.documentElement.dataset['offline'] = state;
  window.dispatchEvent(new CustomEvent(offlineStateEvent, { detail: state }));
}

/**
 * The status is in the server HTML as "online" (a page that has just arrived came over the network,
 * or from the service worker, which this script corrects at once), so showing it never moves the header.
 */
function showNetworkStatus(): void {
  const status = document.querySelector<HTMLElement>('.site-header .net-status');
  if (!status) return;
  const update = (): void => {
    const online = navigator.onLine;
    const net = online ? 'online' : 'offline';
    const text = (online ? labels['netOnline'] : labels['netOffline']) ?? '';
    // Written only when it differs from the page: this runs as the page finishes loading, and any
    // change then makes the browser lay out the whole page again inside the load event's task.
    if (status.dataset['net'] !== net) status.dataset['net'] = net;
    if (status.textContent.trim() !== text) status.textContent = text;
  };
  update();
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
}

let updateAsked = false;

/** Shows the prompt; Update activates the waiting worker, or reloads if another tab already did. */
function offerUpdate(registration: ServiceWorkerRegistration | undefined): void {
  if (!prompt || prompt.childElementCount > 0) return;
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  const text = document.createElement('p');
  text.textContent = labels['text'] ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-primary';
  button.textContent = labels['button'] ?? '';
  button.addEventListener('click', () => {
    updateAsked = true;
    button.disabled = true;
    const waiting = registration?.waiting;
    if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
    else window.location.reload();
  });
  wrap.append(text, button);
  prompt.append(wrap);
  prompt.hidden = false;
}

function start(container: ServiceWorkerContainer): void {
  const hadController = Boolean(container.controller);
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (updateAsked) {
      if (!reloading) window.location.reload();
      reloading = true;
    } else if (hadController) {
      // Another tab updated the course: this page is older than its worker now; the learner decides.
      offerUpdate(undefined);
    }
  });
  // Registered in a task of its own after load: the load event fires in the task that runs the page's
  // deferred scripts after the first layout, and registering there made that task a long one.
  const register = (): Promise<ServiceWorkerRegistration | undefined> =>
    new Promise((resolve) => setTimeout(resolve, 0)).then(() => container.register('/sw.js'));
  window.addEventListener('load', () => {
    register()
      .then((registration: ServiceWorkerRegistration | undefined) => {
        // Browsers with workers switched off by policy (and test tools) may resolve with nothing.
        if (!registration) {
          publish('unsupported');
          return;
        }
        const follow = (worker: ServiceWorker | null): void => {
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && container.controller) offerUpdate(registration);
            if (worker.state === 'activated' || worker.state === 'redundant') publish(offlineStateOf(registration));
          });
        };
        if (registration.waiting && container.controller) offerUpdate(registration);
        follow(registration.installing);
        registration.addEventListener('updatefound', () => {
          follow(registration.installing);
        });
        publish(offlineStateOf(registration));
      })
      .catch(() => {
        publish('failed');
      });
  });
}

try {
  showNetworkStatus();
  // In `astro dev` there is no sw.js; registering would only leave a stale worker behind. Inside an
  // LMS package there is none either: the LMS's page owns the origin.
  if (!import.meta.env.PROD || import.meta.env.PUBLIC_HANKINTAPOLKU_TARGET === 'lms') publish('unsupported');
  else if ('serviceWorker' in navigator) start(navigator.serviceWorker);
  else publish('unsupported');
} catch {
  // Blocked storage can make even reading navigator.serviceWorker throw (SecurityError).
  publish('unsupported');
}
