/*
 * Finding the LMS's SCORM 1.2 run-time API. SCORM 1.2 (RTE 3.3.6.1) places an object named `API` in
 * a window above the content: a parent, or the opener's parents when the LMS opened the course in a
 * new window. Searched to the usual depth of 7 frames, as ADL's own APIWrapper does.
 */

/** The SCORM 1.2 API as the LMS provides it. Every argument and result is a string. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

const MAX_DEPTH = 7;

function apiOf(win: Window): Scorm12Api | undefined {
  try {
    const api = (win as Window & { API?: Partial<Scorm12Api> }).API;
    return api && typeof api.LMSInitialize === 'function' ? (api as Scorm12Api) : undefined;
  } catch {
    // A window of another origin cannot be read; the API is not there for us.
    return undefined;
  }
}

function searchUp(start: Window): Scorm12Api | undefined {
  let win = start;
  for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
    const api = apiOf(win);
    if (api) return api;
    if (win.parent === win) return undefined;
    win = win.parent;
  }
  return undefined;
}

/** The LMS's API in this window, its parents, or its opener and the opener's parents. */
export function findScormApi(start: Window): Scorm12Api | undefined {
  const found = searchUp(start);
  if (found) return found;
  let opener: Window | null;
  try {
    opener = (start.top ?? start).opener as Window | null;
  } catch {
    opener = null;
  }
  return opener ? searchUp(opener) : undefined;
}

/** SCORM 1.2 CMITimespan, HHHH:MM:SS.SS, of a duration in milliseconds. */
export function cmiTimespan(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(centis / 360_000));
  const m = Math.floor((centis % 360_000) / 6000);
  const s = (centis % 6000) / 100;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}
