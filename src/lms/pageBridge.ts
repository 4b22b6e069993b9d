/*
 * A course page inside an LMS package (loaded by src/client/boot.ts only in the package build), when
 * the launcher shows it with an LMS session:
 * - merges the progress the LMS holds (`cmi.suspend_data`) into this browser's, with the same merge
 *   as between tabs, so a learner on another computer finds their lessons done;
 * - reports status, score, location and progress to the LMS whenever progress changes.
 * Notes stay in the browser (see suspendData.ts).
 */
import { getProgressView, sendProgress, subscribeProgress } from '../client/progress';
import { isSameDocument, merge } from '../progress/mergeProgress';
import { progressDocumentSchema, type ProgressDocument } from '../schemas/progress';
import { cmiValuesOf } from './cmiValues';
import { findLmsSession, type LmsSession } from './session';
import { decodeSuspendData, encodeSuspendData } from './suspendData';

/** The LMS's progress, or 'unreadable' when it holds something this package cannot read. */
function lmsProgress(session: LmsSession): ProgressDocument | 'unreadable' | undefined {
  try {
    const decoded = decodeSuspendData(session.suspendData);
    if (!decoded) return undefined;
    const parsed = progressDocumentSchema.safeParse(decoded);
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function connect(session: LmsSession): void {
  const fromLms = lmsProgress(session);
  if (fromLms === 'unreadable') session.warn('unreadable');
  else if (fromLms) sendProgress({ type: 'doc.external', doc: fromLms });
  // Nothing is reported until this page's progress includes the LMS's, so a page that has just
  // started never sends the LMS less than it already had.
  let merged = typeof fromLms !== 'object';
  subscribeProgress(() => {
    const view = getProgressView();
    if (!view) return;
    if (!merged && typeof fromLms === 'object') merged = isSameDocument(merge(view.doc, fromLms), view.doc);
    if (!merged) return;
    const values = cmiValuesOf(view.doc, view.manifest);
    const report: Record<string, string> = {};
    if (values.lessonStatus) {
      report['cmi.core.lesson_status'] = values.lessonStatus;
      // "suspend" asks the LMS to resume this attempt next time, with its suspend_data.
      report['cmi.core.exit'] = values.lessonStatus === 'passed' ? '' : 'suspend';
    }
    if (values.scoreRaw !== undefined) {
      report['cmi.core.score.min'] = '0';
      report['cmi.core.score.max'] = '100';
      report['cmi.core.score.raw'] = String(values.scoreRaw);
    }
    if (values.lessonLocation) report['cmi.core.lesson_location'] = values.lessonLocation;
    // What the LMS holds but this package cannot read is left there rather than overwritten.
    const suspendData = fromLms === 'unreadable' ? undefined : encodeSuspendData(view.doc);
    if (suspendData !== undefined) report['cmi.suspend_data'] = suspendData;
    session.report(report);
  });
}

const session = findLmsSession(window);
if (session) connect(session);
