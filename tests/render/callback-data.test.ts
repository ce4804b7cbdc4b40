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

  it('round-trips a checklist debt button naming its debt by id, however high the id has grown', () => {
    for (const id of [0, 2, 123_456_789_012_345]) {
      expect(decodeData(globalData({ type: 'DEBT', id }))).toEqual({ kind: 'global', event: { type: 'DEBT', id } });
    }
  });

  // `debt:N` named a place in the list, which a removal changes: such a button is out of date, never a guess.
  it.each(['1~g~debt:1', '1~g~d:', '1~g~d:01', '1~g~d:-1', '1~g~d:1234567890123456'])('refuses debt button data without a well-formed id, and the former kind that named a place: %j', (data) => {
    expect(decodeData(data)).toEqual({ kind: 'invalid' });
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

  it('refuses to build data that would not fit in Telegram’s 64 bytes', () => {
    expect(promptData('status.amount', 'x'.repeat(48))).toHaveLength(64);
    expect(() => promptData('status.amount', 'x'.repeat(49))).toThrow();
    expect(decodeData(`1~g~r:paid:${'x'.repeat(60)}`)).toEqual({ kind: 'invalid' });
  });

  it('round-trips a reminder button naming its debt by id, however high the id has grown', () => {
    for (const key of ['confirmation:2026-12-07', 'confirmation:2026-12-07:2', 'confirmation:2026-12-07:123456789']) {
      const data = globalData({ type: 'REMINDER', action: 'got', key });
      expect(data.length).toBeLessThanOrEqual(64);
      expect(decodeData(data)).toEqual({ kind: 'global', event: { type: 'REMINDER', action: 'got', key } });
    }
  });
});
