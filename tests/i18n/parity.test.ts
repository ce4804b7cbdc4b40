import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/catalog.js';
import { PLURAL, flatLocales, placeholders } from './locales.js';

const locales = flatLocales();
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
