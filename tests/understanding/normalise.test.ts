import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/domain/understanding/normalise.js';

/** The normal forms every reading works on: only the steps a text needs are taken, and they give the same forms. */
describe('the normal forms of a text', () => {
  it('make any white space JavaScript knows, and any run of it, one space between words', () => {
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      // U+FEFF is white space to JavaScript and a zero-width character to a reader: dropped (below).
      if (!/\s/.test(c) || c === '\ufeff') continue;
      expect(normalise(`欠${c}钱 a${c}${c}b`).plain).toBe('欠 钱 a b');
      expect(normalise(`${c}还款${c}`).plain).toBe('还款');
    }
    expect(normalise('我 想 还').plain).toBe('我 想 还');
  });

  it('drop zero-width characters, even between spaces', () => {
    expect(normalise('不\u200b想 \u200d 活\ufeff').plain).toBe('不想 活');
  });

  it('write traditional characters (beyond the BMP too) and Cantonese words in simplified Mandarin', () => {
    expect(normalise('我唔想還錢').dense).toBe('我不想还钱');
    expect(normalise('佢哋諗住𠁞').plain).toBe('他们想住𠀾');
    expect(normalise('還 嘢').plain).toBe('还 东西');
  });

  it('keep letters and digits of any script (beyond the BMP too) and the signs that carry meaning, nothing else', () => {
    expect(normalise('钱😭还不上了 💸!').dense).toBe('钱还不上了');
    expect(normalise('钱😭还不上了 💸!').en).toBe('钱 还不上了');
    expect(normalise('𠀾𝟘 Ωλ٣ — 5.5%-¥').dense).toBe('𠀾0ωλ٣5.5%-¥');
    expect(normalise("it's 50% of ¥3, $4...").dense).toBe('its50%of¥34...');
    expect(normalise("it's 50% of ¥3, $4...").en).toBe("it is 50% of ¥3 $4");
  });

  it('make punctuation and the space beside it one space in the English form', () => {
    expect(normalise('done. with . life...').en).toBe('done with life');
    expect(normalise("can't — won't!").en).toBe('can not will not');
  });
});
