/*
 * What the launcher (launcher.ts, the SCO's launch page) offers the course pages shown inside it. The
 * launcher holds the one LMS session of a launch, from LMSInitialize to LMSFinish, because every
 * page of the course is a document of its own: a page cannot finish the session when it is left
 * without ending it for the next page too. Pages find the launcher as their parent window.
 */

/** The name under which the launcher's window carries its session. */
export const SESSION_GLOBAL = 'hankintapolkuLms';

export interface LmsSession {
  /** `cmi.suspend_data` as the LMS gave it at launch ('' when none). */
  readonly suspendData: string;
  /** Sets CMI elements whose value changed since the last report, and commits if any did. */
  report(values: Readonly<Record<string, string>>): void;
  /** Shows a problem to the learner (in the launcher's alert). */
  warn(message: 'unreadable'): void;
}

/** The session of the launcher this page is shown in, if any. */
export function findLmsSession(win: Window): LmsSession | undefined {
  try {
    if (win.parent === win) return undefined;
    return (win.parent as Window & { [SESSION_GLOBAL]?: LmsSession })[SESSION_GLOBAL];
  } catch {
    return undefined;
  }
}
