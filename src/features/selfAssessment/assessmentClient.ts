import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import {
  emptySelfAssessment,
  mergeSelfAssessments,
  parseSelfAssessment,
  type SelfAssessment,
} from '../../schemas/selfAssessment';

/** The page's self-assessment: each answer saved as it is chosen, merged across tabs. */
export const selfAssessmentDocument = (): SyncedDocument<SelfAssessment> =>
  syncedDocument({
    key: storageKeys.selfAssessment,
    parse: parseSelfAssessment,
    empty: emptySelfAssessment,
    merge: mergeSelfAssessments,
  });
