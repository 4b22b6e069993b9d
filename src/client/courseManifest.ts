import type { CourseManifest } from '../schemas/manifest';

/**
 * The course manifest of the page: one JSON file for the whole site, named by a hash of its content,
 * that pages showing progress link to with `<link id="course-manifest" rel="preload">` (BaseLayout),
 * so the browser starts loading it with the HTML. Offline, the service worker answers from its
 * precache. Rejects when the page links none or the file cannot be loaded.
 */
export async function fetchCourseManifest(): Promise<CourseManifest> {
  const href = document.querySelector<HTMLLinkElement>('link#course-manifest')?.href;
  if (!href) throw new Error('This page links no course manifest');
  // fetch's defaults (cors, same-origin credentials) match the preload's crossorigin="anonymous",
  // so the browser hands over the preloaded response instead of loading the file again.
  const response = await fetch(href);
  if (!response.ok) throw new Error(`The course manifest ${href} answered ${String(response.status)}`);
  return (await response.json()) as CourseManifest;
}
