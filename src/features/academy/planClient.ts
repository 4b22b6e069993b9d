import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { emptyPlan, type Plan } from '../../schemas/plan';
import { mergePlans, parsePlan } from '../plan/model';

/**
 * The development plan, for the brief (its current state and open questions). The plan feature owns
 * the worksheet; both open the same stored document through its rules (src/features/plan/model.ts).
 */
export const briefPlanDocument = (): SyncedDocument<Plan> =>
  syncedDocument({ key: storageKeys.plan, parse: parsePlan, empty: emptyPlan, merge: mergePlans });
