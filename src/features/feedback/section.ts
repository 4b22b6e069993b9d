import { syncedDataSection } from '../../client/dataSection';
import { type Outbox } from './outbox';
import { outboxDocument } from './outboxClient';

/** The feedback outbox in My data: exported, imported and deleted with everything else. */
export const feedbackSection = syncedDataSection<Outbox>('feedback', outboxDocument, {
  isEmpty: (outbox) => outbox.entries.length === 0,
  describe: (data, l) => l('holds.feedback', { count: data.entries.length }),
});
