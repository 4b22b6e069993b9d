import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { emptyPlan, mergePlans, parsePlan, planParts, type Plan } from '../../schemas/plan';

/** The page's development plan: autosaved (250 ms), flushed on pagehide, merged across tabs. */
export const planDocument = (): SyncedDocument<Plan> =>
  syncedDocument({ key: storageKeys.plan, parse: parsePlan, empty: emptyPlan, merge: mergePlans });

/** An imported plan, every part marked as edited now, so it wins over what other open tabs hold. */
export function stampAll(plan: Plan, now: Date): Plan {
  const at = now.toISOString();
  return { ...plan, updatedAt: at, edits: Object.fromEntries(planParts.map((p) => [p, at])) };
}
