import type { DataSection } from '../../client/dataSection';
import {
  averages,
  emptySelfAssessment,
  mergeSelfAssessments,
  parseSelfAssessment,
  type SelfAssessment,
} from '../../schemas/selfAssessment';
import { selfAssessmentDocument } from './assessmentClient';

/** The self-assessment in My data. */
export const selfAssessmentSection: DataSection<SelfAssessment> = {
  key: 'selfAssessment',
  async exportData() {
    const doc = selfAssessmentDocument();
    await doc.ready();
    const data = doc.get().doc;
    return data.before || data.after ? data : undefined;
  },
  parse: parseSelfAssessment,
  async importData(data, mode) {
    const doc = selfAssessmentDocument();
    await doc.ready();
    doc.replace(mode === 'merge' ? mergeSelfAssessments(doc.get().doc, data) : data);
    await doc.flush();
  },
  async clear() {
    const doc = selfAssessmentDocument();
    await doc.ready();
    doc.replace(emptySelfAssessment());
    await doc.flush();
  },
  describe: (data, lang) => {
    const count = averages(data.before).answered + averages(data.after).answered;
    return lang === 'fi' ? `Itsearvioinnin vastauksia: ${count}.` : `Self-assessment answers: ${count}.`;
  },
};
