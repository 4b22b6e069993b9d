/*
 * The SCO's launch page (scorm-launch.html in the package, written by scripts/buildLms.mjs). It holds
 * the launch's LMS session and shows the course in a frame filling the window:
 * - finds the LMS's API (scormApi.ts) and calls LMSInitialize;
 * - reads `cmi.suspend_data` once, for the pages to merge with what this browser holds;
 * - sets the values pages report and commits them;
 * - when the window is closed or the learner leaves: `cmi.core.session_time`, LMSCommit, LMSFinish.
 * An LMS that refuses a value is read with LMSGetLastError and shown in the page's alert; the
 * progress stays in the browser either way. Without an API the course simply runs in the frame.
 */
import { cmiTimespan, findScormApi, type Scorm12Api } from './scormApi';
import { SESSION_GLOBAL, type LmsSession } from './session';

const alertBox = document.getElementById('lms-alert');
const frame = document.getElementById('course') as HTMLIFrameElement | null;
const words = alertBox?.dataset ?? {};

function show(text: string): void {
  if (alertBox && !alertBox.textContent.includes(text)) {
    alertBox.textContent = [alertBox.textContent, text].filter(Boolean).join(' ');
  }
}

/** Shows the LMS's last error, if there is one. Returns whether there was. */
function checkError(api: Scorm12Api): boolean {
  const code = api.LMSGetLastError();
  if (code === '' || code === '0') return false;
  const reason = `${code}: ${api.LMSGetErrorString(code)}`;
  show((words['refused'] ?? '{reason}').replace('{reason}', reason));
  return true;
}

function start(api: Scorm12Api): LmsSession | undefined {
  if (api.LMSInitialize('') !== 'true') {
    checkError(api);
    return undefined;
  }
  const startedAt = Date.now();
  const suspendData = api.LMSGetValue('cmi.suspend_data');
  const sent = new Map<string, string>();
  let finished = false;
  const session: LmsSession = {
    suspendData,
    report(values) {
      if (finished) return;
      let changed = false;
      for (const [element, value] of Object.entries(values)) {
        if (sent.get(element) === value) continue;
        if (api.LMSSetValue(element, value) === 'true') sent.set(element, value);
        else checkError(api);
        changed = true;
      }
      if (changed && api.LMSCommit('') !== 'true') checkError(api);
    },
    warn(message) {
      show(words[message] ?? '');
    },
  };
  const finish = (): void => {
    if (finished) return;
    finished = true;
    if (api.LMSSetValue('cmi.core.session_time', cmiTimespan(Date.now() - startedAt)) !== 'true') checkError(api);
    if (api.LMSCommit('') !== 'true') checkError(api);
    if (api.LMSFinish('') !== 'true') checkError(api);
  };
  // pagehide, not beforeunload or unload: it fires when the LMS closes or replaces the frame, and
  // does not keep the page out of the back/forward cache.
  window.addEventListener('pagehide', finish);
  return session;
}

const api = findScormApi(window);
const session = api ? start(api) : undefined;
if (session) (window as Window & { [SESSION_GLOBAL]?: LmsSession })[SESSION_GLOBAL] = session;
// The course starts only now, so that its first page finds the session already open.
if (frame?.dataset['src']) frame.src = frame.dataset['src'];
