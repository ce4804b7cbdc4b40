import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutGraphemes, stripBidi } from '../../src/domain/text.js';

describe('cutting text on character boundaries', () => {
  it('keeps a text that fits', () => {
    expect(cutGraphemes('小明', 40)).toBe('小明');
  });

  it('drops a whole emoji, flag or family rather than half of it', () => {
    expect(cutGraphemes('ab😀', 3)).toBe('ab');
    expect(cutGraphemes('a🇨🇳', 4)).toBe('a');
    expect(cutGraphemes('x👨‍👩‍👧y', 6)).toBe('x');
    expect(cutGraphemes('é'.normalize('NFD').repeat(3), 5)).toBe('é'.normalize('NFD').repeat(2));
  });

  it('always returns a well-formed prefix within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(80), (s, max) => {
        const cut = cutGraphemes(s, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(cut)).toBe(true);
        expect(cut).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
      }),
    );
  });
});

describe('removing direction controls', () => {
  it('removes overrides, embeddings, isolates and marks, and lone surrogates', () => {
    expect(stripBidi('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c5500')).toBe('5500');
    expect(stripBidi('a\ud83db\ude00')).toBe('ab');
  });

  it('leaves every other text as it is', () => {
    expect(stripBidi('花呗 5,500元 😀 مرحبا')).toBe('花呗 5,500元 😀 مرحبا');
  });
});
