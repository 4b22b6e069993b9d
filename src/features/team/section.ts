import type { DataSection } from '../../client/dataSection';
import { emptyTeam, mergeTeams, parseTeam, type Team } from '../../schemas/teamSummary';
import { teamDocument } from './teamClient';

/** The team view's data (own summary name, imported members) in My data. */
export const teamSection: DataSection<Team> = {
  key: 'team',
  async exportData() {
    const doc = teamDocument();
    await doc.ready();
    const team = doc.get().doc;
    return team.members.length === 0 && team.myName === '' && !team.myId ? undefined : team;
  },
  parse: parseTeam,
  async importData(data, mode) {
    const doc = teamDocument();
    await doc.ready();
    doc.replace(mode === 'merge' ? mergeTeams(doc.get().doc, data) : data);
    await doc.flush();
  },
  async clear() {
    const doc = teamDocument();
    await doc.ready();
    doc.replace(emptyTeam());
    await doc.flush();
  },
  describe: (data, lang) =>
    lang === 'fi' ? `Tiimin jäseniä: ${data.members.length}.` : `Team members: ${data.members.length}.`,
};
