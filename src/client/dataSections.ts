import type { DataSection } from './dataSection';
import { feedbackSection } from '../features/feedback/section';

/**
 * Every stored kind of data that My data exports, imports and deletes together with progress.
 * A feature adds its section here; the features themselves never import each other.
 */
export const dataSections: DataSection[] = [feedbackSection];
