import { afterEach, describe, expect, it } from 'vitest';
import {
  daysBetween,
  helsinkiDate,
  helsinkiInstant,
  helsinkiOffsetMinutes,
} from '../../src/features/academy/helsinkiTime';
import {
  academyOf,
  meetingOutlook,
  nextMeetingIndex,
  nextMeetingOutlook,
  periodStart,
} from '../../src/features/academy/schedule';
import type { AcademyView } from '../../src/features/academy/types';
import type { ModuleId } from '../../src/schemas/common';

/** Two meetings around the 2026 autumn DST change (25 Oct) and one after the spring change (28 Mar 2027). */
const academy: AcademyView = {
  id: 'test-academy',
  name: 'Test',
  description: 'Test',
  isDefault: false,
  example: true,
  starts: '2026-09-07',
  meetings: [
    {
      id: 'm1',
      date: '2026-10-22',
      start: '09:00',
      end: '12:00',
      place: null,
      theme: 'One',
      due: ['background', 'teamwork'],
    },
    { id: 'm2', date: '2026-10-26', start: '09:00', end: '15:00', place: 'Helsinki', theme: 'Two', due: ['goals'] },
    {
      id: 'm3',
      date: '2027-03-31',
      start: '09:00',
      end: '15:00',
      place: null,
      theme: 'Three',
      due: ['constraints', 'tools'],
    },
  ],
};
const selfPaced: AcademyView = { ...academy, id: 'self-paced', isDefault: true, starts: null, meetings: [] };
const none = (): boolean => false;
const doneSet =
  (...ids: ModuleId[]) =>
  (id: ModuleId): boolean =>
    ids.includes(id);

const originalTz = process.env['TZ'];
afterEach(() => {
  process.env['TZ'] = originalTz;
});

describe('Helsinki time', () => {
  it('knows the offset on both sides of the DST changes', () => {
    expect(helsinkiOffsetMinutes(new Date('2026-10-24T12:00:00Z'))).toBe(180);
    expect(helsinkiOffsetMinutes(new Date('2026-10-25T12:00:00Z'))).toBe(120);
    expect(helsinkiOffsetMinutes(new Date('2027-03-27T12:00:00Z'))).toBe(120);
    expect(helsinkiOffsetMinutes(new Date('2027-03-28T12:00:00Z'))).toBe(180);
  });

  it('turns a Helsinki wall-clock time into the right instant in summer and in winter', () => {
    expect(helsinkiInstant('2026-10-22', '09:00').toISOString()).toBe('2026-10-22T06:00:00.000Z');
    expect(helsinkiInstant('2026-10-26', '09:00').toISOString()).toBe('2026-10-26T07:00:00.000Z');
    expect(helsinkiInstant('2027-03-31', '09:00').toISOString()).toBe('2027-03-31T06:00:00.000Z');
    expect(helsinkiInstant('2027-01-15', '00:30').toISOString()).toBe('2027-01-14T22:30:00.000Z');
  });

  it('gives the Helsinki calendar day, which is not the UTC day near midnight', () => {
    expect(helsinkiDate(new Date('2026-10-21T21:30:00Z'))).toBe('2026-10-22');
    expect(helsinkiDate(new Date('2026-12-31T21:59:00Z'))).toBe('2026-12-31');
    expect(helsinkiDate(new Date('2026-12-31T22:00:00Z'))).toBe('2027-01-01');
  });

  it('counts whole calendar days across a DST change (a 23- or 25-hour day is still one day)', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2026-10-26', '2026-10-22')).toBe(-4);
  });

  it('gives the same answers whatever time zone the device is in', () => {
    const answers = (): unknown[] => [
      helsinkiDate(new Date('2026-10-21T21:30:00Z')),
      helsinkiInstant('2026-10-26', '09:00').toISOString(),
      nextMeetingOutlook(academy, new Date('2026-10-25T22:30:00Z'), none)?.daysLeft,
    ];
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Helsinki'].map((tz) => {
      process.env['TZ'] = tz;
      return answers();
    });
    for (const r of results) expect(r).toEqual(['2026-10-22', '2026-10-26T07:00:00.000Z', 0]);
  });
});

describe('next meeting', () => {
  it('is the first meeting that has not ended yet, including one going on now', () => {
    expect(nextMeetingIndex(academy, new Date('2026-09-01T00:00:00Z'))).toBe(0);
    // 11:59 Helsinki (EEST) on the day: still going on.
    expect(nextMeetingIndex(academy, new Date('2026-10-22T08:59:00Z'))).toBe(0);
    // 12:00 Helsinki: over, the next one is next.
    expect(nextMeetingIndex(academy, new Date('2026-10-22T09:00:00Z'))).toBe(1);
    expect(nextMeetingIndex(academy, new Date('2027-03-31T11:59:00Z'))).toBe(2);
    expect(nextMeetingIndex(academy, new Date('2027-03-31T12:00:00Z'))).toBe(-1);
  });

  it('is null for a self-paced academy or after the last meeting', () => {
    expect(nextMeetingOutlook(selfPaced, new Date('2026-10-01T00:00:00Z'), none)).toBeNull();
    expect(nextMeetingOutlook(academy, new Date('2027-06-01T00:00:00Z'), none)).toBeNull();
  });

  it('counts days left in Helsinki days: late evening in UTC is already the next day in Helsinki', () => {
    // 23:30 UTC on 20 Oct is 02:30 on 21 Oct in Helsinki: one day left, not two.
    expect(nextMeetingOutlook(academy, new Date('2026-10-20T23:30:00Z'), none)?.daysLeft).toBe(1);
    expect(nextMeetingOutlook(academy, new Date('2026-10-22T05:00:00Z'), none)?.daysLeft).toBe(0);
    // Across the autumn change: from Saturday 24 Oct to Monday 26 Oct is two days.
    expect(nextMeetingOutlook(academy, new Date('2026-10-24T10:00:00Z'), none)?.daysLeft).toBe(2);
    // Across the spring change.
    expect(meetingOutlook(academy, 2, new Date('2027-03-27T22:30:00Z'), none).daysLeft).toBe(3);
  });

  it('lists the modules due before the meeting with whether each is done', () => {
    const outlook = nextMeetingOutlook(academy, new Date('2026-10-01T09:00:00Z'), doneSet('teamwork'));
    expect(outlook?.meeting.id).toBe('m1');
    expect(outlook?.due).toEqual([
      { moduleId: 'background', done: false },
      { moduleId: 'teamwork', done: true },
    ]);
  });
});

describe('on track or behind', () => {
  it('is on track early in the period with nothing done yet', () => {
    expect(meetingOutlook(academy, 0, new Date('2026-09-10T09:00:00Z'), none).state).toBe('on-track');
  });

  it('is behind when the period is well under way and too little is done', () => {
    // 7 Sep → 22 Oct is 45 days; on 10 Oct 33 days have passed: 1 of 2 modules is expected.
    const outlook = meetingOutlook(academy, 0, new Date('2026-10-10T09:00:00Z'), none);
    expect(outlook.expected).toBe(1);
    expect(outlook.state).toBe('behind');
    expect(meetingOutlook(academy, 0, new Date('2026-10-10T09:00:00Z'), doneSet('background')).state).toBe('on-track');
  });

  it('is ready when everything due is done', () => {
    expect(meetingOutlook(academy, 0, new Date('2026-10-10T09:00:00Z'), doneSet('background', 'teamwork')).state).toBe(
      'ready',
    );
  });

  it('is behind when a module due at an earlier meeting is still unfinished', () => {
    const outlook = meetingOutlook(academy, 1, new Date('2026-10-23T09:00:00Z'), doneSet('background', 'goals'));
    expect(outlook.overdue).toEqual(['teamwork']);
    expect(outlook.state).toBe('behind');
  });

  it('takes the period to start at the previous meeting, or the academy start, or six weeks before', () => {
    expect(periodStart(academy, 1)).toBe('2026-10-22');
    expect(periodStart(academy, 0)).toBe('2026-09-07');
    expect(periodStart({ ...academy, starts: null }, 0)).toBe('2026-09-10');
  });

  it('falls back to the default academy for an unknown or missing choice', () => {
    expect(academyOf([academy, selfPaced], 'gone')?.id).toBe('self-paced');
    expect(academyOf([academy, selfPaced], null)?.id).toBe('self-paced');
    expect(academyOf([academy, selfPaced], 'test-academy')?.id).toBe('test-academy');
  });
});
