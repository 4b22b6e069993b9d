import type { DataSection } from './dataSection';
import { feedbackSection } from '../features/feedback/section';
import { academySection } from '../features/academy/section';
import { planSection } from '../features/plan/section';
import { selfAssessmentSection } from '../features/selfAssessment/section';
import { teamSection } from '../features/team/section';

/**
 * Every stored kind of data that My data exports, imports and deletes together with progress.
 * A feature adds its section here; the features themselves never import each other.
 */
export const dataSections: DataSection[] = [
  feedbackSection,
  academySection,
  planSection,
  selfAssessmentSection,
  teamSection,
];
