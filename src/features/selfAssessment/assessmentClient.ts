import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { emptySelfAssessment, type SelfAssessment } from '../../schemas/selfAssessment';
import { mergeSelfAssessments, parseSelfAssessment } from './model';

/** The page's self-assessment: each answer saved as it is chosen, merged across tabs. */
export const selfAssessmentDocument = (): SyncedDocument<SelfAssessment> =>
  syncedDocument({
    key: storageKeys.selfAssessment,
    parse: parseSelfAssessment,
    empty: emptySelfAssessment,
    merge: mergeSelfAssessments,
  });
