/*
 * Fills placeholders in a label that came translated from the page:
 * - `{name}` is replaced by the value;
 * - `{count, plural, one {# lesson} other {# lessons}}` picks the form for the number, with `#` the
 *   number itself, so Finnish says "1 oppitunti" and "2 oppituntia" (not "1 oppituntia").
 * Finnish and English share CLDR's plural rule (one = exactly 1, other = everything else), so one
 * PluralRules serves both languages.
 */
const plurals = new Intl.PluralRules('fi');
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

export function fill(text: string, values: Record<string, string | number>): string {
  return text
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      const form = plurals.select(Number(value)) === 'one' ? one : other;
      return form.replace(/#/g, String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
