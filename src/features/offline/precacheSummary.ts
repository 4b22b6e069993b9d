import type { Lang } from '../../shared/languages';
/** Workbox names its precache `workbox-precache-v2-<scope>`; the course keeps nothing else in Cache Storage. */
const isPrecache = (name: string): boolean => name.startsWith('workbox-precache');

export interface PrecacheSummary {
  files: number;
  bytes: number;
}

/** How many files the course has saved for offline use and how much they take, from Cache Storage. */
export async function precacheSummary(): Promise<PrecacheSummary> {
  let files = 0;
  let bytes = 0;
  for (const name of (await caches.keys()).filter(isPrecache)) {
    const cache = await caches.open(name);
    const requests = await cache.keys();
    files += requests.length;
    const sizes = await Promise.all(
      requests.map(async (request) => (await (await cache.match(request))?.blob())?.size ?? 0),
    );
    bytes += sizes.reduce((sum, size) => sum + size, 0);
  }
  return { files, bytes };
}

/** A size for people: "4,2 Mt" / "4.2 MB", "850 kt" / "850 kB". */
export function formatSize(bytes: number, lang: Lang): string {
  const mega = bytes >= 1000 * 1000;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1e6 : bytes / 1e3);
}
