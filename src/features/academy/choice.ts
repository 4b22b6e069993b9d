/*
 * The learner's chosen academy (schedule).
 *
 * Stored shape (key 'academy', schemaVersion 1): { kind: 'hankintapolku.academy', schemaVersion,
 * academyId: string | null, updatedAt }. null (or an id no longer in the content) means self-paced.
 * Lifecycle: written when the learner picks a schedule; tabs merge by the later updatedAt.
 * Migration cases: only v1 exists; a newer one is left in place (NewerFormatError).
 */
import { storageKeys } from '../../storage/keys';
import { z } from 'zod/mini';
import { NewerFormatError } from '../../storage/documentStore';
import { describeIssues } from '../../schemas/describeIssues';

export const ACADEMY_KEY = storageKeys.academy;
export const ACADEMY_SCHEMA_VERSION = 1;

/** Built on first use (z.lazy): a first visit has no stored choice, so it never pays for the schema. */
const academyChoiceSchema = z.lazy(() =>
  z.object({
    kind: z.literal('hankintapolku.academy'),
    schemaVersion: z.literal(ACADEMY_SCHEMA_VERSION),
    /** The chosen academy's id (content/academies/<id>.yaml), or null for self-paced. */
    academyId: z.nullable(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(100))),
    /** When the choice was made; the later one wins between tabs. */
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type AcademyChoice = z.infer<typeof academyChoiceSchema>;

export const emptyAcademyChoice = (): AcademyChoice => ({
  kind: 'hankintapolku.academy',
  schemaVersion: 1,
  academyId: null,
  updatedAt: new Date(0).toISOString(),
});

/** Reads a stored or imported choice; throws with a reason when it cannot. */
export function parseAcademyChoice(raw: unknown): AcademyChoice {
  if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw) {
    const version = raw.schemaVersion;
    if (typeof version === 'number' && version > ACADEMY_SCHEMA_VERSION)
      throw new NewerFormatError('the schedule choice was saved by a newer version');
  }
  const parsed = academyChoiceSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

/** The later choice wins. */
export const mergeAcademyChoices = (a: AcademyChoice, b: AcademyChoice): AcademyChoice =>
  Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;

export const chooseAcademy = (academyId: string | null, now: Date): AcademyChoice => ({
  ...emptyAcademyChoice(),
  academyId,
  updatedAt: now.toISOString(),
});
