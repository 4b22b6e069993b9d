import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import {
  emptySelfAssessment,
  mergeSelfAssessments,
  parseSelfAssessment,
  SELF_ASSESSMENT_KEY,
  type SelfAssessment,
} from '../../schemas/selfAssessment';
import { emptyTeam, mergeTeams, parseTeam, TEAM_KEY, type Team } from '../../schemas/teamSummary';

/** The learner's own summary settings and the members a coordinator imported. */
export const teamDocument = (): SyncedDocument<Team> =>
  syncedDocument({ key: TEAM_KEY, parse: parseTeam, empty: emptyTeam, merge: mergeTeams });

/** The self-assessment, read for the averages in the learner's summary (owned by the self-assessment feature). */
export const teamAssessmentDocument = (): SyncedDocument<SelfAssessment> =>
  syncedDocument({
    key: SELF_ASSESSMENT_KEY,
    parse: parseSelfAssessment,
    empty: emptySelfAssessment,
    merge: mergeSelfAssessments,
  });
