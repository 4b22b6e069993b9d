import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { emptySelfAssessment, type SelfAssessment } from '../../schemas/selfAssessment';
import { emptyTeam, type Team } from '../../schemas/teamSummary';
import { mergeSelfAssessments, parseSelfAssessment } from '../selfAssessment/model';
import { mergeTeams, parseTeam } from './model';

/** The learner's own summary settings and the members a coordinator imported. */
export const teamDocument = (): SyncedDocument<Team> =>
  syncedDocument({ key: storageKeys.team, parse: parseTeam, empty: emptyTeam, merge: mergeTeams });

/** The self-assessment, read for the averages in the learner's summary (owned by the self-assessment feature). */
export const teamAssessmentDocument = (): SyncedDocument<SelfAssessment> =>
  syncedDocument({
    key: storageKeys.selfAssessment,
    parse: parseSelfAssessment,
    empty: emptySelfAssessment,
    merge: mergeSelfAssessments,
  });
