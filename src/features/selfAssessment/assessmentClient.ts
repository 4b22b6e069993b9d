import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import {
  emptySelfAssessment,
  mergeSelfAssessments,
  parseSelfAssessment,
  SELF_ASSESSMENT_KEY,
  type SelfAssessment,
} from '../../schemas/selfAssessment';

/** The page's self-assessment: each answer saved as it is chosen, merged across tabs. */
export const selfAssessmentDocument = (): SyncedDocument<SelfAssessment> =>
  syncedDocument({
    key: SELF_ASSESSMENT_KEY,
    parse: parseSelfAssessment,
    empty: emptySelfAssessment,
    merge: mergeSelfAssessments,
  });
