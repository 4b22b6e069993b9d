/*
 * The academies (content/academies/*.yaml), read at build time. The content schema has already
 * checked each file; here the file name and id must agree and exactly one academy may be the default.
 */
import { getCollection } from 'astro:content';
import type { AcademyData } from '../schemas/academy';

export async function getAcademyData(): Promise<AcademyData[]> {
  const entries = await getCollection('academies');
  for (const e of entries) {
    if (e.id !== e.data.id)
      throw new Error(`${e.filePath ?? e.id}: id "${e.data.id}" must match the file name "${e.id}.yaml"`);
  }
  if (entries.filter((e) => e.data.default).length > 1) {
    throw new Error(`content/academies: only one academy may set default: true`);
  }
  return entries.map((e) => e.data);
}
