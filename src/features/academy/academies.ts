/*
 * The academies (read by src/course/academies.ts) with their texts in one language, as pages and
 * islands need them. Example academies are left out unless the build shows examples
 * (HANKINTAPOLKU_EXAMPLES=on, src/config.ts).
 */
import { getAcademyData } from '../../course/academies';
import type { Lang } from '../../schemas/common';
import type { AcademyView } from './types';
import { examplesShown } from '../../config';

export async function getAcademies(lang: Lang): Promise<AcademyView[]> {
  return (await getAcademyData())
    .filter((data) => examplesShown || !data.example)
    .map((data): AcademyView => ({
      id: data.id,
      name: data.name[lang],
      description: data.description[lang],
      isDefault: data.default,
      example: data.example,
      starts: data.starts ?? null,
      meetings: data.meetings.map((m) => ({
        id: m.id,
        date: m.date,
        start: m.start,
        end: m.end,
        place: m.place === 'online' ? null : m.place[lang],
        theme: m.theme[lang],
        due: m.due,
      })),
    }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, lang));
}
