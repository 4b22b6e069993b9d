import type { DataSection } from '../../client/dataSection';
import { outboxDocument } from './outboxClient';
import { emptyOutbox, mergeOutboxes, parseOutbox, type Outbox } from './outbox';

/** The feedback outbox in My data: exported, imported and deleted with everything else. */
export const feedbackSection: DataSection<Outbox> = {
  key: 'feedback',
  async exportData() {
    const box = outboxDocument();
    await box.ready();
    const doc = box.get().doc;
    return doc.entries.length ? doc : undefined;
  },
  parse: parseOutbox,
  async importData(data, mode) {
    const box = outboxDocument();
    await box.ready();
    box.replace(mode === 'merge' ? mergeOutboxes(box.get().doc, data) : data);
    await box.flush();
  },
  async clear() {
    const box = outboxDocument();
    await box.ready();
    box.replace(emptyOutbox());
    await box.flush();
  },
  describe: (data, lang) =>
    lang === 'fi' ? `Palautteita: ${data.entries.length}.` : `Feedback items: ${data.entries.length}.`,
};
