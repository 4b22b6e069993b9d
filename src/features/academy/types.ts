import type { ModuleId } from '../../schemas/common';

/** A sprint meeting as the browser gets it: texts already in the page's language. */
export interface MeetingView {
  id: string;
  /** Helsinki calendar day, YYYY-MM-DD. */
  date: string;
  /** Helsinki wall-clock times, HH:MM. */
  start: string;
  end: string;
  /** The place, or null when the meeting is online. */
  place: string | null;
  theme: string;
  /** Modules to study before this meeting. */
  due: ModuleId[];
}

/** An academy (a programme's schedule) as the browser gets it. */
export interface AcademyView {
  id: string;
  name: string;
  description: string;
  /** The "self-paced, no schedule" choice. */
  isDefault: boolean;
  /** An invented programme, shown as an example. */
  example: boolean;
  /** When the first period starts (YYYY-MM-DD), if the schedule says. */
  starts: string | null;
  meetings: MeetingView[];
}
