/*
 * Calendar arithmetic in Europe/Helsinki, whatever the device's own time zone is. Every "now" is
 * injected, so the rules can be tested across the DST changes (last Sunday of March and October).
 */
/** The time zone of every academy's dates and times (content/academies/*.yaml). */
export const TIME_ZONE = 'Europe/Helsinki';

let partsFormat: Intl.DateTimeFormat | undefined;
/**
 * Made on first use, not when the module loads: a page's first date format makes the browser set up
 * its date formatting (tens of milliseconds of main-thread work on a phone), and home loads this
 * module for every learner but needs a date only when the learner follows an academy's schedule.
 */
const helsinkiParts = (): Intl.DateTimeFormat =>
  (partsFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }));

/** Helsinki wall-clock fields of an instant. */
function wallClock(at: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = helsinkiParts().formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** Minutes Helsinki is ahead of UTC at an instant (120 in winter, 180 in summer). */
export function helsinkiOffsetMinutes(at: Date): number {
  const w = wallClock(at);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The Helsinki calendar day of an instant, YYYY-MM-DD. */
export function helsinkiDate(at: Date): string {
  const w = wallClock(at);
  return `${String(w.y).padStart(4, '0')}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

const ymd = (date: string): [number, number, number] => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
};

/** The instant of a Helsinki date and wall-clock time ("09:00"). */
export function helsinkiInstant(date: string, time: string): Date {
  const [y, m, d] = ymd(date);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  // The offset at the guess, then at the corrected instant: right on both sides of a DST change.
  const first = wall - helsinkiOffsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - helsinkiOffsetMinutes(new Date(first)) * 60_000);
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = ymd(from);
  const [y2, m2, d2] = ymd(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The Helsinki date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
