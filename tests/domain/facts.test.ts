import { describe, expect, it } from 'vitest';
import { LANGS, PRODUCTS } from '../../src/domain/catalog.js';
import { HOTLINES, LAWS, RATES } from '../../src/domain/facts.js';
import { BANK_HOTLINES, getLender } from '../../src/domain/lenders.js';
import { loadLocale } from '../../src/i18n/index.js';

/**
 * Every hotline and rate a text states must be a row of a fact table (the catalogue or the lender data), where it
 * carries its source, as-of date and confidence. A number typed into a locale string and found in neither fails.
 */
const sourced = [
  ...Object.values(HOTLINES),
  ...Object.values(RATES),
  ...Object.values(LAWS),
  ...PRODUCTS.flatMap((p) => {
    const l = getLender(p);
    return [...l.hotlines, l.penalty.kind === 'unknown' ? null : l.penalty, l.instalmentFees].filter((f) => f !== null);
  }),
  ...Object.values(BANK_HOTLINES).filter((h) => h !== null),
];

const knownNumbers = new Set([
  ...Object.values(HOTLINES).map((h) => h.number),
  ...PRODUCTS.flatMap((p) => getLender(p).hotlines.map((h) => h.number)),
  ...Object.values(BANK_HOTLINES).flatMap((h) => (h ? [h.number] : [])),
]);
const knownRatesBp = new Set([
  ...Object.values(RATES).map((r) => r.bp),
  ...PRODUCTS.flatMap((p) => {
    const l = getLender(p);
    const penalty = l.penalty.kind === 'daily_rate' ? [l.penalty.bpPerDay] : l.penalty.kind === 'card_rate' ? [l.penalty.commonBpPerDay] : [];
    return [...penalty, ...(l.instalmentFees?.table.map((r) => r.feeBp) ?? [])];
  }),
]);

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A number of 5–8 digits, or a 3-digit one starting with 1 (110, 120) that counts nothing, reads as a hotline. */
const HOTLINE = /(?<![\d.,:/])(1\d{2}|\d{5,8})(?![\d.,:%/])(?!\s*(?:天|期|个|元|年|次|人|day|month|instalment|yuan))/g;
const PERCENT = /(\d+(?:\.\d+)?)\s*%/g;
const WAN = /万分之([一二两三四五六七八九])/g;

/** What a text states as hotlines and rates; `<code>` holds examples of what to type, not facts. */
function statedFacts(text: string): { numbers: string[]; ratesBp: number[] } {
  const s = text.replace(/<code>.*?<\/code>/g, '');
  return {
    numbers: [...s.matchAll(HOTLINE)].map((m) => m[1] ?? ''),
    ratesBp: [
      ...[...s.matchAll(PERCENT)].map((m) => Math.round(Number(m[1]) * 100)),
      ...[...s.matchAll(WAN)].map((m) => CN_DIGIT[m[1] ?? ''] ?? 0),
    ],
  };
}

function flatten(obj: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v as Record<string, unknown>, `${prefix}${k}.`),
  );
}
describe('the fact tables', () => {
  it('give every fact its source, as-of date and confidence', () => {
    for (const fact of sourced) {
      expect(fact).toMatchObject({
        source: expect.stringMatching(/^FACTS §/),
        asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        confidence: expect.stringMatching(/^(high|medium|low|unsourced)$/),
      });
    }
  });
});

describe('locale lint: every hotline and rate in a text is in a fact table', () => {
  it('finds hotlines and rates the way a reader would', () => {
    expect(statedFacts('打 <b>95017</b>，或者 110；日利率 0.07%（万分之七），逾期 120 天，分 12 期')).toEqual({ numbers: ['95017', '110'], ratesBp: [7, 7] });
    expect(statedFacts('比如 <code>0.04%</code> 或 <code>10月9日</code>，2026 年，22:00–08:00')).toEqual({ numbers: [], ratesBp: [] });
  });

  it('would fail on a number nobody sourced', () => {
    const { numbers, ratesBp } = statedFacts('客服电话 95017，日利率 0.07%');
    expect(numbers.filter((n) => !knownNumbers.has(n))).toEqual(['95017']);
    expect(ratesBp.filter((bp) => !knownRatesBp.has(bp))).toEqual([7]);
  });

  it.each(LANGS)('%s: no text states a hotline or rate outside the tables', (lang) => {
    const unsourced = flatten(loadLocale(lang)).flatMap(([key, value]) => {
      const { numbers, ratesBp } = statedFacts(value);
      return [
        ...numbers.filter((n) => !knownNumbers.has(n)).map((n) => `${key}: ${n}`),
        ...ratesBp.filter((bp) => !knownRatesBp.has(bp)).map((bp) => `${key}: ${bp / 100}%`),
      ];
    });
    expect(unsourced).toEqual([]);
  });

  it('checks the texts that do state facts (the lint is not vacuous)', () => {
    const stated = flatten(loadLocale('zh-CN')).flatMap(([, value]) => statedFacts(value).numbers);
    for (const n of ['12378', '12363', '12368', '12348', '110']) expect(stated).toContain(n);
  });
});
