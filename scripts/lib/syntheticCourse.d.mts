export const moduleIds: string[];
/** Writes a valid generated course to `dir` and returns `dir`. */
export function writeSyntheticCourse(dir: string, options?: { lessonsPerModule?: number }): string;
