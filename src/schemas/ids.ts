// Plain constants with no schema library, so browser code can use them without loading zod's full API.

export { languages, type Lang } from '../shared/languages.ts';

/** The seven modules of the basic course, in course order. Progress is keyed by these ids. */
export const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'] as const;
export type ModuleId = (typeof moduleIds)[number];
