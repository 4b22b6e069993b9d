import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env['HANKINTAPOLKU_CONTENT_DIR'];

/**
 * Where the course content is read from: `content/`, unless HANKINTAPOLKU_CONTENT_DIR names another
 * folder (the tests build deliberately broken fixture courses, and the benchmark large ones, this way).
 */
export const contentRoot: string = dir ? (isAbsolute(dir) ? dir : resolve(dir)) : resolve('content');

/** A folder inside the content root, as the file URL Astro's loaders take. */
export const contentUrl = (sub = ''): URL => pathToFileURL(`${contentRoot}/${sub}`);
