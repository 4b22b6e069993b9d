import { fill } from '../../islands/fill';
import MySummary from './MySummary';
import TeamTable from './TeamTable';
import type { Lang } from '../../shared/languages';

interface Props {
  lang: Lang;
  moduleTitles: Record<string, string>;
  labels: Record<string, string>;
}

/** The team view: a learner's own summary file, and the coordinator's table built from such files. */
export default function TeamApp({ lang, moduleTitles, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}): string => fill(labels[key] ?? key, values);
  return (
    <>
      <section aria-labelledby="team-my">
        <h2 id="team-my">{l('team.my.heading')}</h2>
        <p>{l('team.my.intro')}</p>
        <MySummary lang={lang} l={l} />
      </section>
      <section aria-labelledby="team-coordinator">
        <h2 id="team-coordinator">{l('team.coordinator.heading')}</h2>
        <p>{l('team.coordinator.intro')}</p>
        <TeamTable lang={lang} moduleTitles={moduleTitles} l={l} />
      </section>
    </>
  );
}
