import { syncedDataSection } from '../../client/dataSection';
import { type Team } from '../../schemas/teamSummary';
import { teamDocument } from './teamClient';

/** The team view in My data. */
export const teamSection = syncedDataSection<Team>('team', teamDocument, {
  isEmpty: (team) => team.members.length === 0 && team.myName === '' && !team.myId,
  describe: (data, l) => l('holds.team', { count: data.members.length }),
});
