import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, htmlToPlain, splitHtml } from '../../src/render/html.js';

describe('splitting long messages', () => {
  it('keeps short texts whole', () => {
    expect(splitHtml('<b>hi</b>')).toEqual(['<b>hi</b>']);
  });

  it('cuts at paragraph boundaries under the limit', () => {
    const para = '段落'.repeat(900);
    const parts = splitHtml([para, para, para].join('\n\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n\n')).toBe([para, para, para].join('\n\n'));
  });

  it('never cuts inside an entity or a tag, nor through an emoji, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '中', '&amp;', '&lt;', '<b>x</b>', ' ', '😀', '\u200b', '\u202e'), { maxLength: 3000 }), (bits) => {
        const html = bits.join('');
        const parts = splitHtml(html, 200);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(200);
          expect(p).not.toMatch(/&[a-z]*$/);
          expect(p).not.toMatch(/<[^>]*$/);
          expect(p).not.toMatch(/[\ud800-\udbff]$/);
        }
      }),
    );
  });

  it('cuts between whole characters: an emoji family or a flag is never split across messages', () => {
    const family = '👨‍👩‍👧';
    const parts = splitHtml(`${family.repeat(40)}🇨🇳🇨🇳`, 100);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p).toMatch(/^(?:👨‍👩‍👧|🇨🇳)+$/u);
    expect(parts.join('')).toBe(`${family.repeat(40)}🇨🇳🇨🇳`);
  });

  it('still ends when one character is longer than a message', () => {
    const zalgo = `a${'\u0301'.repeat(250)}`;
    const parts = splitHtml(zalgo, 100);
    expect(parts.join('')).toBe(zalgo);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
  });
});

describe('escaping', () => {
  it('escapes exactly what Telegram HTML needs', () => {
    expect(escapeHtml('<b>&"\'</a>')).toBe('&lt;b&gt;&amp;&quot;\'&lt;/a&gt;');
  });

  it('turns our HTML back into the same plain text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(htmlToPlain(escapeHtml(s))).toBe(s);
    }));
  });
});
