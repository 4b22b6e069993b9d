import { syncedDataSection } from '../../client/dataSection';
import { type AcademyChoice } from './choice';
import { academyChoiceDocument } from './choiceClient';

/** The chosen schedule in My data. */
export const academySection = syncedDataSection<AcademyChoice>('academy', academyChoiceDocument, {
  isEmpty: (choice) => choice.academyId === null && Date.parse(choice.updatedAt) === 0,
  describe: (data, lang) =>
    lang === 'fi'
      ? `Valittu aikataulu: ${data.academyId ?? 'omaan tahtiin'}.`
      : `Chosen schedule: ${data.academyId ?? 'self-paced'}.`,
});
