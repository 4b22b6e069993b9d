import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { emptyPlan, mergePlans, parsePlan, type Plan } from '../../schemas/plan';

/**
 * The development plan, for the brief (its current state and open questions). The plan feature owns
 * the worksheet; both open the same stored document through src/schemas/plan.ts.
 */
export const briefPlanDocument = (): SyncedDocument<Plan> =>
  syncedDocument({ key: storageKeys.plan, parse: parsePlan, empty: emptyPlan, merge: mergePlans });
