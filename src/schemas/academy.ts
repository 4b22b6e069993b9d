import { z } from 'zod';
import { languages } from '../shared/languages';
import { localized, stableId } from './common';

/*
 * `content/academies/<id>.yaml`: the schedule of a development programme (an "academy"): its sprint
 * meetings and which modules are due before each. Times are wall-clock times in Europe/Helsinki.
 * A malformed file fails the build naming the file and the field (the glob loader runs this schema).
 */

/** YAML reads an unquoted 2026-10-08 as a date; both spellings mean the same calendar day. */
const calendarDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'must be a date such as 2026-10-08' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'must be a date such as 2026-10-08' }),
);

const clockTime = z
  .string({ error: 'must be a time in quotes, such as "09:00"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time in quotes, such as "09:00"' });

/** One joint sprint meeting that closes a development period. */
export const meetingSchema = z
  .object({
    /** Stable id, unique within the academy; part of the brief's address and the calendar UID. */
    id: stableId,
    /** The day, in Helsinki. */
    date: calendarDate,
    /** When it starts, Helsinki wall-clock time ("09:00"). */
    start: clockTime,
    /** When it ends, the same day. */
    end: clockTime,
    /** Where it is held, or "online". */
    place: z.union([z.literal('online'), localized], {
      error: `must be "online" or the place in every language, as ${languages.map((lang) => `${lang}:`).join(' and ')}`,
    }),
    /** The theme of the meeting. */
    theme: localized,
    /**
     * Module ids to study before this meeting (those of its development period). Each must be a
     * module of the course: src/course/academies.ts checks them against content/modules/.
     */
    due: z.array(stableId, { error: 'must be a list of module ids' }).default([]),
  })
  .refine((m) => m.start < m.end, { error: 'must end after it starts', path: ['end'] });

export const academySchema = z
  .object({
    /** Stable id; must match the file name. Stored as the learner's choice. */
    id: stableId,
    /** The programme's name. */
    name: localized,
    /** One or two sentences on the programme. */
    description: localized,
    /** Shown first when true: the "self-paced, no schedule" choice. At most one academy sets it. */
    default: z.boolean({ error: 'must be true or false' }).default(false),
    /** Marks an invented programme, shown to the learner as an example. */
    example: z.boolean({ error: 'must be true or false' }).default(false),
    /** When the first development period starts; the first meeting's period starts here. */
    starts: z.optional(calendarDate),
    /** The sprint meetings, in date order. A self-paced academy has none. */
    meetings: z.array(meetingSchema, { error: 'must be a list of meetings' }).default([]),
  })
  .refine((a) => new Set(a.meetings.map((m) => m.id)).size === a.meetings.length, {
    error: 'has two meetings with the same id',
    path: ['meetings'],
  })
  .refine((a) => a.meetings.every((m, i) => i === 0 || (a.meetings[i - 1]?.date ?? '') < m.date), {
    error: 'must list the meetings in date order, one per day',
    path: ['meetings'],
  })
  .refine((a) => !a.starts || a.meetings.every((m) => (a.starts ?? '') < m.date), {
    error: 'must be before the first meeting',
    path: ['starts'],
  });
export type AcademyData = z.infer<typeof academySchema>;
