// Plain constants with no schema library, so browser code can use them without loading zod's full API.

/** The languages of the course. Finnish is the primary language and lives at the site root. */
export const languages = ['fi', 'en'] as const;
export type Lang = (typeof languages)[number];

/** The seven modules of the basic course, in course order. Progress is keyed by these ids. */
export const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'] as const;
export type ModuleId = (typeof moduleIds)[number];
