import { syncedDataSection } from '../../client/dataSection';
import type { Plan } from '../../schemas/plan';
import { isPlanEmpty } from './model';
import { planDocument } from './planClient';

/** The development plan in My data. */
export const planSection = syncedDataSection<Plan>('plan', planDocument, {
  isEmpty: isPlanEmpty,
  describe: (data, l) => l('holds.plan', { actions: data.actions.length, challenges: data.challenges.length }),
});
