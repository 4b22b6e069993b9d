import { syncedDataSection } from '../../client/dataSection';
import type { Plan } from '../../schemas/plan';
import { isPlanEmpty } from './model';
import { planDocument } from './planClient';

/** The development plan in My data. */
export const planSection = syncedDataSection<Plan>('plan', planDocument, {
  isEmpty: isPlanEmpty,
  describe: (data, lang) =>
    lang === 'fi'
      ? `Kehittämissuunnitelma: ${data.actions.length} toimenpidettä, ${data.challenges.length} innovaatiohaastetta.`
      : `Development plan: ${data.actions.length} actions, ${data.challenges.length} innovation challenges.`,
});
