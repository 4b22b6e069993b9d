import type { DataSection } from '../../client/dataSection';
import { emptyPlan, isPlanEmpty, mergePlans, parsePlan, type Plan } from '../../schemas/plan';
import { planDocument } from './planClient';

/** The development plan in My data. */
export const planSection: DataSection<Plan> = {
  key: 'plan',
  async exportData() {
    const doc = planDocument();
    await doc.ready();
    const plan = doc.get().doc;
    return isPlanEmpty(plan) ? undefined : plan;
  },
  parse: parsePlan,
  async importData(data, mode) {
    const doc = planDocument();
    await doc.ready();
    doc.replace(mode === 'merge' ? mergePlans(doc.get().doc, data) : data);
    await doc.flush();
  },
  async clear() {
    const doc = planDocument();
    await doc.ready();
    doc.replace(emptyPlan());
    await doc.flush();
  },
  describe: (data, lang) =>
    lang === 'fi'
      ? `Kehittämissuunnitelma: ${data.actions.length} toimenpidettä, ${data.challenges.length} innovaatiohaastetta.`
      : `Development plan: ${data.actions.length} actions, ${data.challenges.length} innovation challenges.`,
};
