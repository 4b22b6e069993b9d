/*
 * The academies (content/academies/*.yaml), read at build time. The content schema has already
 * checked each file; validateAcademies checks what spans files (ids, the default, the modules due).
 */
import { getCollection } from 'astro:content';
import type { AcademyData } from '../schemas/academy';
import { getCourse } from './course';
import { validateAcademies } from './validateAcademies';

export async function getAcademyData(): Promise<AcademyData[]> {
  const [entries, course] = await Promise.all([getCollection('academies'), getCourse()]);
  validateAcademies(
    entries.map((e) => ({ id: e.id, filePath: e.filePath ?? e.id, data: e.data })),
    course.modules.map((m) => m.id),
  );
  return entries.map((e) => e.data);
}
