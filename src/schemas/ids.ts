// Plain constants with no schema library, so browser code can use them without loading zod's full API.

export { languages, type Lang } from '../shared/languages.ts';

/**
 * A module's stable id: the name of its folder under `content/modules/`. Progress is keyed by it. The
 * list of modules is the content's (src/course/ reads it at build time), so a new module needs no code.
 */
export type ModuleId = string;

/** The shape of every stable id (modules, lessons, questions): lowercase letters, digits and single hyphens. */
export const stableIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
