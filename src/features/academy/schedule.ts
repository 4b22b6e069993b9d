/*
 * Where a learner stands against their academy's schedule: the next meeting, days left, the modules
 * due before it and whether they are on track. Pure: "now" and module completion are passed in, and
 * every date is a Helsinki calendar day, so the answers do not depend on the device's time zone.
 */
import type { ModuleId } from '../../schemas/common';
import type { AcademyView, MeetingView } from './types';
import { addDays, daysBetween, helsinkiDate, helsinkiInstant } from './helsinkiTime';

/** ready: everything due is done; on-track: keeping pace with the period; behind: not. */
export type PaceState = 'ready' | 'on-track' | 'behind';

/** How long a first period is taken to be when the schedule gives no start date. */
export const DEFAULT_PERIOD_DAYS = 42;

export interface MeetingOutlook {
  meeting: MeetingView;
  index: number;
  /** Helsinki calendar days until the meeting's day; 0 on the day itself. */
  daysLeft: number;
  /** Modules due before this meeting, in the schedule's order, with whether each is completed. */
  due: { moduleId: ModuleId; done: boolean }[];
  /** Modules due before earlier meetings that are still not completed. */
  overdue: ModuleId[];
  /** How many of this meeting's modules should be completed by now to keep pace. */
  expected: number;
  state: PaceState;
}

/** When the meeting starts and ends, as instants. */
export function meetingTimes(meeting: MeetingView): { start: Date; end: Date } {
  return { start: helsinkiInstant(meeting.date, meeting.start), end: helsinkiInstant(meeting.date, meeting.end) };
}

/** The index of the first meeting that has not ended by `now`, or -1 when all have (or there are none). */
export function nextMeetingIndex(academy: AcademyView, now: Date): number {
  return academy.meetings.findIndex((m) => meetingTimes(m).end.getTime() > now.getTime());
}

/** The day the development period closed by meeting `index` starts. */
export function periodStart(academy: AcademyView, index: number): string {
  const previous = academy.meetings[index - 1];
  if (previous) return previous.date;
  const meeting = academy.meetings[index];
  if (!meeting) throw new Error(`no meeting ${index}`);
  return academy.starts ?? addDays(meeting.date, -DEFAULT_PERIOD_DAYS);
}

/** The learner's standing for meeting `index` at `now`. */
export function meetingOutlook(
  academy: AcademyView,
  index: number,
  now: Date,
  isDone: (moduleId: ModuleId) => boolean,
): MeetingOutlook {
  const meeting = academy.meetings[index];
  if (!meeting) throw new Error(`no meeting ${index}`);
  const today = helsinkiDate(now);
  const due = meeting.due.map((moduleId) => ({ moduleId, done: isDone(moduleId) }));
  const overdue = academy.meetings
    .slice(0, index)
    .flatMap((m) => m.due)
    .filter((id) => !isDone(id));
  const start = periodStart(academy, index);
  const length = Math.max(1, daysBetween(start, meeting.date));
  const elapsed = Math.min(length, Math.max(0, daysBetween(start, today)));
  const expected = Math.floor((due.length * elapsed) / length);
  const doneCount = due.filter((d) => d.done).length;
  const state: PaceState =
    overdue.length === 0 && doneCount === due.length
      ? 'ready'
      : overdue.length > 0 || doneCount < expected
        ? 'behind'
        : 'on-track';
  return { meeting, index, daysLeft: daysBetween(today, meeting.date), due, overdue, expected, state };
}

/** The outlook for the next meeting, or null when the academy has no meeting still to come. */
export function nextMeetingOutlook(
  academy: AcademyView,
  now: Date,
  isDone: (moduleId: ModuleId) => boolean,
): MeetingOutlook | null {
  const index = nextMeetingIndex(academy, now);
  return index < 0 ? null : meetingOutlook(academy, index, now, isDone);
}

/** The academy a stored choice points to; an unknown or missing id falls back to the default. */
export function academyOf(academies: AcademyView[], id: string | null): AcademyView | undefined {
  return academies.find((a) => a.id === id) ?? academies.find((a) => a.isDefault);
}
