import { fill } from '../../islands/fill';
import type { ModuleId } from '../../schemas/common';
import { formatDate, formatTimes } from './format';
import { buildIcs, icsFileName } from './ics';
import { download } from '../../islands/download';
import { meetingOutlook, meetingTimes, nextMeetingIndex } from './schedule';
import type { AcademyView } from './types';
import { useAcademy } from './useAcademy';
import type { Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  academies: AcademyView[];
  moduleTitles: Record<string, string>;
  moduleHrefs: Record<string, string>;
  briefHrefs: Record<string, string>;
  labels: Record<string, string>;
}

/** Every meeting of the chosen academy with its due modules and the learner's progress on them. */
export default function MeetingList({ lang, academies, moduleTitles, moduleHrefs, briefHrefs, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const { loaded, academy, statusOf, now } = useAcademy(academies);
  if (!loaded || !now) return <p>{l('academy.loading')}</p>;
  if (!academy || academy.meetings.length === 0) return <p data-meetings="none">{l('academy.schedule.none')}</p>;
  const next = nextMeetingIndex(academy, now);
  const done = (id: ModuleId): boolean => statusOf(id) === 'completed';

  const exportIcs = (): void => {
    const ics = buildIcs(
      academy,
      {
        calendarName: academy.name,
        summary: (n, theme) => l('academy.ics.summary', { n, theme }),
        description: (titles) => (titles.length ? l('academy.ics.description', { modules: titles.join(', ') }) : ''),
        online: l('academy.online'),
        reminder: (n, theme) => l('academy.ics.reminder', { n, theme }),
        briefLabel: l('academy.ics.brief'),
      },
      (id) => moduleTitles[id] ?? id,
      new Date(),
      (meetingId) => new URL(briefHrefs[`${academy.id}/${meetingId}`] ?? '/', window.location.origin).href,
    );
    download(icsFileName(academy), ics, 'text/calendar;charset=utf-8');
  };

  return (
    <div className="meeting-list" data-academy-id={academy.id}>
      <h2>{l('academy.schedule.meetings', { academy: academy.name })}</h2>
      <p>
        <button type="button" onClick={exportIcs}>
          {l('academy.ics.download')}
        </button>
      </p>
      <ol className="meetings">
        {academy.meetings.map((meeting, index) => {
          const outlook = meetingOutlook(academy, index, now, done);
          const past = meetingTimes(meeting).end.getTime() <= now.getTime();
          const headingId = `meeting-${meeting.id}`;
          return (
            <li key={meeting.id} className={`meeting${index === next ? ' is-next' : ''}`} data-meeting-id={meeting.id}>
              <h3 id={headingId}>{l('academy.meeting.number', { n: index + 1, theme: meeting.theme })}</h3>
              <p>
                {formatDate(meeting.date, lang)}, {formatTimes(meeting, lang)} · {meeting.place ?? l('academy.online')}
              </p>
              <p className="meta">
                {past
                  ? l('academy.meeting.past')
                  : index === next
                    ? `${l('academy.meeting.next')} ${l(`academy.pace.${outlook.state}`)}`
                    : l('academy.meeting.later')}
              </p>
              {meeting.due.length > 0 && (
                <>
                  <h4>{l('academy.dueBefore')}</h4>
                  <ul className="due-list">
                    {meeting.due.map((id) => (
                      <li key={id} data-module-id={id} data-progress={statusOf(id)}>
                        <a href={moduleHrefs[id]}>{moduleTitles[id]}</a> – {l(`academy.status.${statusOf(id)}`)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p>
                <a href={briefHrefs[`${academy.id}/${meeting.id}`]}>{l('academy.meeting.brief', { n: index + 1 })}</a>
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
