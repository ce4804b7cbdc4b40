import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diffRecord } from '../../src/store/record-patch.js';

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('a record’s changes', () => {
  it('are only the members that changed', () => {
    const from = { value: { status: 'amount' }, context: { lang: 'zh-CN', facts: { incomeFen: null, cause: 'job_loss' }, debts: [['huabei', 550000]] } };
    const to = { value: { status: 'overdue' }, context: { lang: 'zh-CN', facts: { incomeFen: 300000, cause: 'job_loss' }, debts: [['huabei', 560000]] } };
    expect(diffRecord(from, to)).toEqual([
      ['/value', { status: 'overdue' }],
      ['/context/facts', { incomeFen: 300000 }],
      ['/context/debts/0', { 1: 560000 }],
    ]);
  });

  it('write a list that grew or shrank whole, and remove a member that is gone or undefined', () => {
    expect(diffRecord({ calls: [1] }, { calls: [1, 2] })).toEqual([['', { calls: [1, 2] }]]);
    expect(diffRecord({ a: 1, b: 2 }, { a: 1 })).toEqual([['', {}, ['b']]]);
    expect(diffRecord({ a: 1, b: 2 }, { a: 1, b: undefined })).toEqual([['', {}, ['b']]]);
    expect(diffRecord({ 'a/b~': { c: 1 } }, { 'a/b~': { c: 2 } })).toEqual([['/a~1b~0', { c: 2 }]]);
    expect(diffRecord('intro', { status: 'amount' })).toEqual([[null, { status: 'amount' }]]);
    const proto = JSON.parse('{"__proto__":[]}') as unknown;
    expect(applyPatch({}, json(diffRecord({}, proto)) as ReturnType<typeof diffRecord>)).toEqual(proto);
    expect(diffRecord({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('applied to the first record (as read back from JSON) give the second, whatever the two are', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, value, (from, to) => {
        const ops = json(diffRecord(from, to)) as ReturnType<typeof diffRecord>;
        expect(applyPatch(json(from), ops)).toEqual(json(to));
      }),
      { numRuns: 500 },
    );
  });
});
