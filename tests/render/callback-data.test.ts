import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeData, globalData, promptData } from '../../src/render/callback-data.js';

describe('button data', () => {
  it('round-trips a prompt button', () => {
    expect(decodeData(promptData('status.amount', 'back'))).toEqual({ kind: 'prompt', tag: 'status.amount', value: 'back' });
  });

  it('round-trips the buttons valid from anywhere', () => {
    expect(decodeData(globalData({ type: 'OPEN', step: 'rights' }))).toEqual({
      kind: 'global',
      event: { type: 'OPEN', step: 'rights' },
    });
    expect(decodeData(globalData({ type: 'LANG', lang: 'en' }))).toEqual({ kind: 'global', event: { type: 'LANG', lang: 'en' } });
  });

  it.each(['', 'hello', '2~g~hub', '1~g~open:nowhere', '1~g~lang:fr', '1~<b>~x', '1~status.amount~a b', '1~a~b~c'])(
    'refuses forged or old data %j',
    (data) => {
      expect(decodeData(data)).toEqual({ kind: 'invalid' });
    },
  );

  it('never throws on arbitrary data', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => {
      decodeData(s);
    }));
  });

  it('refuses to build data that would not fit', () => {
    expect(() => promptData('status.amount', 'x'.repeat(40))).toThrow();
  });
});
