/*
 * Site pages that are not part of the course (content/pages/<lang>/<kind>.mdx): the accessibility
 * statement, the privacy note and the glossary. Each must exist in every language.
 */
import { getCollection, render } from 'astro:content';
import type { Lang } from '../schemas/common';
import type { PageData } from '../schemas/content';

/** The site pages every language has. */
export const sitePageKinds = ['accessibility', 'privacy', 'glossary'] as const;
export type SitePageKind = (typeof sitePageKinds)[number];

export interface SitePage {
  data: PageData;
  /** The rendered MDX body. */
  Content: Awaited<ReturnType<typeof render>>['Content'];
}

export async function getSitePage(kind: SitePageKind, lang: Lang): Promise<SitePage> {
  const entry = (await getCollection('pages')).find((p) => p.id === `${lang}/${kind}`);
  if (!entry) throw new Error(`content/pages/${lang}/${kind}.mdx is missing`);
  return { data: entry.data, Content: (await render(entry)).Content };
}
