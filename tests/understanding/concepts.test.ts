import { describe, expect, it } from 'vitest';
import { despairConcepts } from '../../src/domain/understanding/concepts.js';
import { despairForms } from '../../src/domain/understanding/crisis.js';

/** The warning signs the despair model weighs, named by kind, so a word it never learned still counts. */
const kinds = (text: string) => despairConcepts(despairForms(text));

describe('kinds of meaning the despair model weighs', () => {
  it.each([
    ["I'm on the overpass and it's over", 'height'],
    ['二十六楼，结束吧', 'height'],
    ['站在月台边上', 'rail'],
    ['刚吞了一整板布洛芬', 'pills'],
    ['别怪我', 'apology'],
    ['走了 勿念', 'farewell'],
    ['dug too deep to climb out', 'trapped'],
    ['不想再拖累家里', 'burden'],
    ['猫粮都留给室友了', 'handing-on'],
  ])('%s → %s', (text, kind) => expect(kinds(text)).toContain(kind));

  it.each([
    ['the bridge loan is due', 'height'],
    ['医药费又涨了', 'pills'],
    ['Nobody answered at 95188', 'alone'],
    ['没人接电话', 'alone'],
    ['支付宝密码忘了', 'handing-on'],
  ])('%s is not %s', (text, kind) => expect(kinds(text)).not.toContain(kind));

  it('names a high place only beside another sign: ordinary talk of floors and bridges is everywhere', () => {
    expect(kinds('my flat is on the 20th floor')).toEqual([]);
    expect(kinds('每天骑车过大桥')).toEqual([]);
  });

  it('reads what the despair readings left: hyperbole taken out names no dying', () => {
    expect(kinds('笑死我了')).not.toContain('leaving');
    expect(kinds('真想死了算了')).toContain('leaving');
  });
});
