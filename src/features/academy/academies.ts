/*
 * The academies (content/academies/*.yaml) as pages and islands need them, read at build time. The
 * content schema has already checked each file; here the file name and id must agree and exactly one
 * academy may be the default. Example academies are left out unless the build shows examples
 * (HANKINTAPOLKU_EXAMPLES=on, src/config.ts).
 */
import { getCollection } from 'astro:content';
import type { Lang } from '../../schemas/common';
import type { AcademyView } from './types';
import { examplesShown } from '../../config';

export async function getAcademies(lang: Lang): Promise<AcademyView[]> {
  const entries = await getCollection('academies');
  for (const e of entries) {
    if (e.id !== e.data.id)
      throw new Error(`${e.filePath ?? e.id}: id "${e.data.id}" must match the file name "${e.id}.yaml"`);
  }
  if (entries.filter((e) => e.data.default).length > 1) {
    throw new Error(`content/academies: only one academy may set default: true`);
  }
  return entries
    .filter((e) => examplesShown || !e.data.example)
    .map(({ data }): AcademyView => ({
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
