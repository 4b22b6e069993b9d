/*
 * The course manifest (src/course/buildManifest.ts) as one file for the whole site, named by a hash
 * of its bytes: pages that show progress link to it (BaseLayout.astro) and the browser fetches it
 * once (src/client/courseManifest.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCourse } from '../course/course';

export const getStaticPaths = (async () => [
  { params: { hash: (await getCourse()).manifestFile.hash } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response((await getCourse()).manifestFile.body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
