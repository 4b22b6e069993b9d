import type { DataSection } from '../../client/dataSection';
import { academyChoiceDocument } from './choiceClient';
import { emptyAcademyChoice, mergeAcademyChoices, parseAcademyChoice, type AcademyChoice } from './choice';

/** The chosen schedule in My data. */
export const academySection: DataSection<AcademyChoice> = {
  key: 'academy',
  async exportData() {
    const doc = academyChoiceDocument();
    await doc.ready();
    const choice = doc.get().doc;
    return choice.academyId === null && Date.parse(choice.updatedAt) === 0 ? undefined : choice;
  },
  parse: parseAcademyChoice,
  async importData(data, mode) {
    const doc = academyChoiceDocument();
    await doc.ready();
    doc.replace(mode === 'merge' ? mergeAcademyChoices(doc.get().doc, data) : data);
    await doc.flush();
  },
  async clear() {
    const doc = academyChoiceDocument();
    await doc.ready();
    doc.replace(emptyAcademyChoice());
    await doc.flush();
  },
  describe: (data, lang) =>
    lang === 'fi'
      ? `Valittu aikataulu: ${data.academyId ?? 'omaan tahtiin'}.`
      : `Chosen schedule: ${data.academyId ?? 'self-paced'}.`,
};
