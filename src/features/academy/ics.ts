/*
 * An academy's sprint meetings as an iCalendar file (RFC 5545): one VEVENT per meeting with a stable
 * UID (so re-importing updates rather than duplicates), DTSTART/DTEND in Europe/Helsinki with its
 * VTIMEZONE, CRLF line endings, text escaped and lines folded at 75 octets without splitting a
 * character. Each event links to its pre-meeting brief (URL, and in the description for calendars
 * that do not show URL) and carries a reminder (VALARM) a day before, the time to read the brief
 * and finish the modules due. Built in the browser and downloaded; nothing is sent anywhere.
 */
import type { AcademyView } from './types';
import { TIME_ZONE } from './helsinkiTime';

export interface IcsTexts {
  /** Calendar name and product language, e.g. the academy name. */
  calendarName: string;
  /** The event title for a meeting, e.g. "Sprinttitapaaminen 1: {theme}". */
  summary: (index: number, theme: string) => string;
  /** The event description: what to study before the meeting. */
  description: (dueTitles: string[]) => string;
  /** The LOCATION of an online meeting. */
  online: string;
  /** The reminder shown a day before, e.g. "Sprint meeting 1 tomorrow: read the brief". */
  reminder: (index: number, theme: string) => string;
  /** The label before the brief's address in the description, e.g. "Pre-meeting brief:". */
  briefLabel: string;
}

/** Europe/Helsinki since 1996: EET (+02:00), EEST (+03:00) from the last Sunday of March to that of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19960331T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19961027T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line's leading space is one octet
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const utcStamp = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const localStamp = (date: string, time: string): string => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

/**
 * The .ics text of every meeting of `academy`. `now` is the DTSTAMP; `briefUrl` gives the absolute
 * address of a meeting's pre-meeting brief.
 */
export function buildIcs(
  academy: AcademyView,
  texts: IcsTexts,
  moduleTitle: (moduleId: string) => string,
  now: Date,
  briefUrl: (meetingId: string) => string,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hankintapolku//Self-study schedule//FI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(texts.calendarName)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
  ];
  academy.meetings.forEach((meeting, i) => {
    const url = briefUrl(meeting.id);
    const description = [texts.description(meeting.due.map(moduleTitle)), `${texts.briefLabel} ${url}`]
      .filter(Boolean)
      .join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${academy.id}-${meeting.id}@hankintapolku`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=${TIME_ZONE}:${localStamp(meeting.date, meeting.start)}`,
      `DTEND;TZID=${TIME_ZONE}:${localStamp(meeting.date, meeting.end)}`,
      `SUMMARY:${escapeText(texts.summary(i + 1, meeting.theme))}`,
      `LOCATION:${escapeText(meeting.place ?? texts.online)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `URL:${url}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P1D',
      `DESCRIPTION:${escapeText(texts.reminder(i + 1, meeting.theme))}`,
      'END:VALARM',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name for the download, e.g. esimerkkiakatemia-2026-2027.ics. */
export const icsFileName = (academy: AcademyView): string => `${academy.id}.ics`;
