import { fill } from '../../islands/fill';
import type { ModuleId } from '../../schemas/common';
import { formatDate, formatTimes } from './format';
import { nextMeetingOutlook } from './schedule';
import type { AcademyView } from './types';
import { useAcademy } from './useAcademy';
import type { Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  academies: AcademyView[];
  moduleTitles: Record<string, string>;
  moduleHrefs: Record<string, string>;
  scheduleHref: string;
  /** Brief page addresses by "academyId/meetingId". */
  briefHrefs: Record<string, string>;
  labels: Record<string, string>;
}

/** Home: the next sprint meeting of the chosen academy, days left and the modules due before it. */
export default function NextMeeting({
  lang,
  academies,
  moduleTitles,
  moduleHrefs,
  scheduleHref,
  briefHrefs,
  labels,
}: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  const { loaded, academy, statusOf, progressReady, now } = useAcademy(academies);
  // An element, not null: Astro's renderer check needs a React element to claim the island.
  if (!loaded || !progressReady || !now) return <div className="next-meeting-pending" />;
  // A self-paced learner has no meetings: home shows no meeting card at all (the schedule is in the menu).
  if (!academy || academy.meetings.length === 0) return <div className="next-meeting-pending" />;
  const done = (id: ModuleId): boolean => statusOf(id) === 'completed';
  const outlook = nextMeetingOutlook(academy, now, done);
  if (!outlook) {
    return (
      <section className="next-meeting panel" aria-labelledby="next-meeting-heading" data-next-meeting="over">
        <h2 id="next-meeting-heading">{l('academy.home.heading')}</h2>
        <p>{l('academy.home.over', { academy: academy.name })}</p>
        <p>
          <a href={scheduleHref}>{l('academy.home.toSchedule')}</a>
        </p>
      </section>
    );
  }
  const { meeting, daysLeft, due, overdue, state } = outlook;
  return (
    <section
      className="next-meeting panel"
      aria-labelledby="next-meeting-heading"
      data-next-meeting={meeting.id}
      data-pace={state}
    >
      <h2 id="next-meeting-heading">{l('academy.home.heading')}</h2>
      <p className="next-meeting-when">
        <strong>{l('academy.meeting.number', { n: outlook.index + 1, theme: meeting.theme })}</strong>
        <br />
        {formatDate(meeting.date, lang)}, {formatTimes(meeting, lang)} · {meeting.place ?? l('academy.online')}
      </p>
      <p data-days-left={daysLeft}>
        {daysLeft === 0
          ? l('academy.daysLeft.today')
          : daysLeft === 1
            ? l('academy.daysLeft.one')
            : l('academy.daysLeft.many', { days: daysLeft })}
      </p>
      <p className={`pace pace-${state}`}>{l(`academy.pace.${state}`)}</p>
      {due.length > 0 && (
        <>
          <h3>{l('academy.dueBefore')}</h3>
          <ul className="due-list">
            {due.map((d) => (
              <li key={d.moduleId} data-module-id={d.moduleId} data-progress={statusOf(d.moduleId)}>
                <a href={moduleHrefs[d.moduleId]}>{moduleTitles[d.moduleId]}</a> –{' '}
                {l(`academy.status.${statusOf(d.moduleId)}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {overdue.length > 0 && (
        <p>{l('academy.overdue', { modules: overdue.map((id) => moduleTitles[id] ?? id).join(', ') })}</p>
      )}
      <p className="actions">
        <a href={briefHrefs[`${academy.id}/${meeting.id}`]}>{l('academy.home.brief')}</a>
        <a href={scheduleHref}>{l('academy.home.toSchedule')}</a>
      </p>
    </section>
  );
}
