import { syncedDataSection } from '../../client/dataSection';
import { type AcademyChoice } from './choice';
import { academyChoiceDocument } from './choiceClient';

/** The chosen schedule in My data. */
export const academySection = syncedDataSection<AcademyChoice>('academy', academyChoiceDocument, {
  isEmpty: (choice) => choice.academyId === null && Date.parse(choice.updatedAt) === 0,
  describe: (data, l) => l('holds.academy', { academy: data.academyId ?? l('holds.selfPaced') }),
});
