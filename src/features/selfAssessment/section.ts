import { syncedDataSection } from '../../client/dataSection';
import type { SelfAssessment } from '../../schemas/selfAssessment';
import { averages } from './model';
import { selfAssessmentDocument } from './assessmentClient';

/** The self-assessment in My data. */
export const selfAssessmentSection = syncedDataSection<SelfAssessment>('selfAssessment', selfAssessmentDocument, {
  isEmpty: (data) => !data.before && !data.after,
  describe: (data, l) =>
    l('holds.selfAssessment', { count: averages(data.before).answered + averages(data.after).answered }),
});
