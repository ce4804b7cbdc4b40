import { LANGS, type Lang } from '../../src/domain/catalog.js';
import { loadLocale } from '../../src/i18n/index.js';

/** A plural form's suffix (i18next v4 JSON). */
export const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A locale's texts by dotted key; anything but text or a group of texts is an error in the locale. */
export function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, key));
    else throw new Error(`${key} is neither text nor a group`);
  }
  return out;
}

/** The `{{placeholders}}` of a text, sorted. */
export const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{-?\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

export const flatLocales = (): Record<Lang, Record<string, string>> =>
  Object.fromEntries(LANGS.map((l) => [l, flatten(loadLocale(l))])) as Record<Lang, Record<string, string>>;
