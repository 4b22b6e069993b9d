import type { MeetingView } from './types';
import { intlLocale, type Lang } from '../../shared/languages';

/** "torstai 22. lokakuuta 2026" / "Thursday 22 October 2026": the Helsinki day as written. */
export function formatDate(date: string, lang: Lang): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "9.00–12.00" / "09:00–12:00", Helsinki time. */
export function formatTimes(meeting: MeetingView, lang: Lang): string {
  const t = (hm: string): string => (lang === 'fi' ? hm.replace(/^0/, '').replace(':', '.') : hm);
  return `${t(meeting.start)}–${t(meeting.end)}`;
}
