import { storageKeys } from '../../storage/keys';
import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { emptyPlan, type Plan } from '../../schemas/plan';
import { mergePlans, parsePlan } from './model';

/** The page's development plan: autosaved (250 ms), flushed on pagehide, merged across tabs. */
export const planDocument = (): SyncedDocument<Plan> =>
  syncedDocument({ key: storageKeys.plan, parse: parsePlan, empty: emptyPlan, merge: mergePlans });
