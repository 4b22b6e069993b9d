import { syncedDocument, type SyncedDocument } from '../../client/syncedDocument';
import { ACADEMY_KEY, emptyAcademyChoice, mergeAcademyChoices, parseAcademyChoice, type AcademyChoice } from './choice';

/** The page's stored schedule choice (autosaved, in step with other tabs). */
export const academyChoiceDocument = (): SyncedDocument<AcademyChoice> =>
  syncedDocument({
    key: ACADEMY_KEY,
    parse: parseAcademyChoice,
    empty: emptyAcademyChoice,
    merge: mergeAcademyChoices,
  });
