import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/catalog.js';
import { loadLocale } from '../../src/i18n/index.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, key));
    else throw new Error(`${key} is neither text nor a group`);
  }
  return out;
}

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{-?\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const locales = Object.fromEntries(LANGS.map((l) => [l, flatten(loadLocale(l))])) as Record<
  (typeof LANGS)[number],
  Record<string, string>
>;
const baseKeys = (lang: (typeof LANGS)[number]) => new Set(Object.keys(locales[lang]).map((k) => k.replace(PLURAL, '')));

describe('locales zh-CN and en are in parity', () => {
  it('have the same keys, plural forms aside', () => {
    expect([...baseKeys('en')].sort()).toEqual([...baseKeys('zh-CN')].sort());
  });

  it.each(LANGS)('%s has every plural form its language needs', (lang) => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const plurals = new Set(Object.keys(locales[lang]).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const base of plurals) {
      for (const cat of needed) expect(locales[lang], `${base}_${cat}`).toHaveProperty([`${base}_${cat}`]);
    }
  });

  it('use the same {{placeholders}} in every text', () => {
    const zh = locales['zh-CN'];
    const en = locales.en;
    const byBase = (all: Record<string, string>) => {
      const m = new Map<string, Set<string>>();
      for (const [k, v] of Object.entries(all)) {
        const base = k.replace(PLURAL, '');
        const set = m.get(base) ?? new Set<string>();
        for (const p of placeholders(v)) set.add(p);
        m.set(base, set);
      }
      return m;
    };
    const z = byBase(zh);
    const e = byBase(en);
    for (const [key, set] of z) expect([...(e.get(key) ?? [])].sort(), key).toEqual([...set].sort());
  });

  it('have no empty texts and no leftover markers', () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(locales[lang])) {
        expect(value.trim(), `${lang} ${key}`).not.toBe('');
        expect(value, `${lang} ${key}`).not.toMatch(/TODO|FIXME|undefined|NaN/);
      }
    }
  });

  it('keep the Chinese texts in Chinese', () => {
    for (const [key, value] of Object.entries(locales['zh-CN'])) {
      // Bilingual pickers, and templates that are only punctuation around values, carry no sentence of their own.
      if (key.startsWith('language.pick') || !/\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''))) continue;
      const han = (value.match(/\p{Script=Han}/gu) ?? []).length;
      expect(han, `zh-CN ${key}`).toBeGreaterThan(0);
    }
  });
});
