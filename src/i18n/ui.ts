import type { Lang } from '../schemas/common';
import { en } from './dictionaries/en';
import { fi, type UiKey } from './dictionaries/fi';

export type { UiKey };

/**
 * Every interface string, one dictionary file per language in `dictionaries/` (Finnish first).
 * tests/unit/i18n.test.ts checks at run time that every language has exactly the Finnish keys.
 */

export const dictionaries: Record<Lang, Record<UiKey, string>> = { fi, en };

/** Translate a key, filling `{name}` placeholders. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Every string whose key starts with one of `prefixes`, for an island that takes its labels as one object. */
export function labelsFor(lang: Lang, ...prefixes: string[]): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(dictionaries[lang]) as UiKey[])
      .filter((k) => prefixes.some((p) => k.startsWith(p)))
      .map((k) => [k, t(lang, k)]),
  );
}

/** Every string under `prefix`, keyed without it ("myData.export" → "export"), for an island that names its labels so. */
export function labelsUnder(lang: Lang, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labelsFor(lang, prefix)).map(([key, text]) => [key.slice(prefix.length), text]),
  );
}
