import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRecord, unpackRecord } from '../../src/store/record-packing.js';

const underWay = {
  value: { plan: 'monthly' },
  context: {
    lang: 'zh-CN',
    consent: 'given',
    facts: { cause: 'job_loss', incomeFen: 520000 },
    debts: [['jiebei', null, 880000, '2026-11-02', false, null, [], ['none', null, null, null], false, null, [null, false, 0], ['done', 'todo', 'todo', 'todo', 'todo'], 0]],
  },
};

describe('a whole record as written to Redis', () => {
  it('goes packed, in well under half its JSON, on one line, and comes back the same', () => {
    const json = JSON.stringify(underWay);
    const packed = packRecord(json);
    expect(packed).toMatch(/^z1[A-Za-z0-9+/=]+$/);
    expect(packed.length).toBeLessThan(json.length / 2);
    expect(unpackRecord(packed)).toEqual(underWay);
  });

  it('reads a record packed with dictionary 1 by an earlier version: what an id means never changes', () => {
    // Packed when dictionary 1 was made; if this stops reading, dictionary 1 was edited instead of a new one added.
    const written = 'z1I7F0woxfWAGFUQ5l5SfF5+SD0xRSjJoaQYsQRBbIykxNSs2EJloL5LRvaKhrYKQETbKQNAxKt3ngdAtP49CEjqwKR0rHkrbhSdwAlMQB';
    expect(unpackRecord(written)).toEqual(underWay);
  });

  it('reads plain JSON, as every record was written before packing, and keeps a record plain that packs no smaller', () => {
    expect(unpackRecord(JSON.stringify(underWay))).toEqual(underWay);
    expect(packRecord('{}')).toBe('{}');
    expect(packRecord('[1]')).toBe('[1]');
  });

  it('refuses, with what it is, a record packed with a dictionary this version does not know', () => {
    expect(() => unpackRecord('z9AAAA')).toThrow(/dictionary 9/);
  });

  it('brings any JSON value back as it was', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const json = JSON.stringify(value);
        expect(JSON.stringify(unpackRecord(packRecord(json)))).toBe(json);
      }),
    );
  });
});
