import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LANGS, type Lang } from '../../src/domain/catalog.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { PLURAL, flatLocales, placeholders } from './locales.js';

/** Every key a renderer can ask for: plain keys and the base of each plural, with the variables its texts use. */
function keysWithVariables(): Map<string, string[]> {
  const keys = new Map<string, Set<string>>();
  const locales = flatLocales();
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(locales[lang])) {
      const base = key.replace(PLURAL, '');
      const vars = keys.get(base) ?? new Set<string>();
      for (const p of placeholders(text)) vars.add(p);
      keys.set(base, vars);
      keys.set(key, new Set([...(keys.get(key) ?? []), ...vars]));
    }
  }
  return new Map([...keys].map(([k, v]) => [k, [...v].sort()]));
}

const KEYS = keysWithVariables();
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 1.5, -1];
/** Values that would show any difference in escaping, stringifying or re-interpolation. */
const SAMPLES: unknown[] = [
  '张三 <b>&amp;"\'/ </b>',
  '¥5,500',
  '{{count}} $t(common.button.back)',
  '',
  1234.5,
  0,
  null,
  true,
];

describe('compiled translations', () => {
  const i18n = createI18n({ ttlDays: 90 });

  it.each(LANGS)('%s: every key gives exactly what i18next gives, for every sample of its variables', (lang) => {
    const compiled = translator(i18n, lang);
    const reference = i18n.getFixedT(lang);
    // Compared plainly and every difference listed at the end: an `expect` per call cost most of the time.
    const differences: Array<{ key: string; values?: Record<string, unknown>; compiled: string; i18next: string }> = [];
    const compare = (key: string, values?: Record<string, unknown>) => {
      const [got, want] = [compiled(key, values), reference(key, values)];
      if (got !== want) differences.push({ key, ...(values && { values }), compiled: got, i18next: want });
    };
    let compared = 0;
    for (const [key, vars] of KEYS) {
      for (const sample of SAMPLES) {
        const values = Object.fromEntries(vars.map((v) => [v, sample]));
        compare(key, values);
        for (const count of COUNTS) compare(key, { ...values, count });
        compared += 1 + COUNTS.length;
      }
      compare(key);
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(KEYS.size * SAMPLES.length);
  });

  it.each(LANGS)('%s: every text of the language is compiled: with its variables given, i18next is not asked', (lang) => {
    const compiled = translator(i18n, lang);
    const own = new Set(Object.keys(flatLocales()[lang]).flatMap((k) => [k, k.replace(PLURAL, '')]));
    const asked = vi.spyOn(i18n, 't');
    try {
      for (const [key, vars] of [...KEYS].filter(([k]) => own.has(k))) {
        const values = Object.fromEntries(vars.map((v) => [v, v === 'count' ? 3 : 'x']));
        compiled(key, { ...values, count: 2 });
        compiled(key, values);
      }
      expect(asked).not.toHaveBeenCalled();
    } finally {
      asked.mockRestore();
    }
  });

  it('leaves what it does not reproduce to i18next, with the same result', () => {
    const t = translator(i18n, 'en');
    const reference = i18n.getFixedT('en');
    const asked = vi.spyOn(i18n, 't');
    try {
      const calls: Array<[string, Record<string, unknown>?]> = [
        ['no.such.key'],
        ['no.such.key', { defaultValue: 'fallback <text>' }],
        // A missing variable: i18next leaves the placeholder.
        ['caseSummary.line', { field: 'Amount' }],
        ['caseSummary.line', { field: 'Amount', value: undefined }],
        ['caseSummary.line', { field: 'Amount', value: '<x>', lng: 'zh-CN' }],
        ['caseSummary.line', { field: 'Amount', value: '<x>', interpolation: { escapeValue: false } }],
        ['caseSummary.calls', { count: '2' }],
        ['caseSummary', {}],
      ];
      for (const [key, vars] of calls) expect(t(key, vars), key).toBe(reference(key, vars));
      expect(asked).toHaveBeenCalledTimes(calls.length * 2);
    } finally {
      asked.mockRestore();
    }
  });

  it('follows i18next for random values and counts on random keys', () => {
    const keys = [...KEYS];
    const value = fc.oneof(
      fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '{', '}', '$', 't', '(', ')', '-', 'a', '中', ' ') }),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGS),
        fc.nat(keys.length - 1),
        fc.array(value, { minLength: 4, maxLength: 4 }),
        fc.option(fc.oneof(fc.nat(30), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: false })), { nil: undefined }),
        (lang: Lang, index, values, count) => {
          const [key, vars] = keys[index]!;
          const given: Record<string, unknown> = Object.fromEntries(vars.map((v, i) => [v, values[i % values.length]]));
          if (count !== undefined) given.count = count;
          expect(translator(i18n, lang)(key, given)).toBe(i18n.getFixedT(lang)(key, given));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('picks up a text added to i18next after the first call', () => {
    const own = createI18n({ ttlDays: 30 });
    const t = translator(own, 'en');
    expect(t('extra.greeting', { name: 'A' })).toBe('extra.greeting');
    own.addResource('en', 'translation', 'extra.greeting', 'Hello {{name}}, kept {{ttlDays}} days');
    expect(t('extra.greeting', { name: '<A>' })).toBe('Hello &lt;A&gt;, kept 30 days');
    expect(translator(own, 'en')).toBe(t);
  });
});
