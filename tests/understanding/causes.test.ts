import { describe, expect, it } from 'vitest';
import { readCause } from '../../src/domain/understanding/causes.js';

/** The cause of hardship in a person's own words, whoever it happened to, and since when if they say it. */
describe('the cause read by what happened', () => {
  it.each([
    ['工资直接打了八折，还房贷都不够', 'income_drop'],
    ['送外卖的，这两个月单量掉了一半', 'income_drop'],
    ['现在一天都挣不到几个钱', 'income_drop'],
    ['tips dried up after the tourists stopped coming', 'income_drop'],
    ['做服装的小公司，年后就没订单了', 'business'],
    ['抖音小店做不下去了，货压在家里', 'business'],
    ['our little bakery has been bleeding money', 'business'],
    ['厂里一直没开工，等通知等了两个月', 'job_loss'],
    ['那份工作去年就没了，一直在找也找不到', 'job_loss'],
    ['the firm went bust in the summer', 'job_loss'],
    ['摔了一跤在医院躺了半个月', 'illness'],
    ['老婆刚生了二胎，一个人养五口人', 'family'],
    ['我哥在外面赌，欠了一堆，我帮他还', 'family'],
    ["I'm supporting my parents on one wage", 'family'],
    ['把钱借给朋友周转，人联系不上了', 'other'],
    // What happened, not the first word that could name a cause.
    ['我在一家做装修的公司上班，公司倒闭了', 'job_loss'],
    ['工作还在，但提成没了', 'income_drop'],
    ['我在医院上班，工资打了七折', 'income_drop'],
    ['一个人养五口人，工资还砍了一半', 'income_drop'],
  ])('"%s" → %s', (text, cause) => {
    expect(readCause(text)?.cause).toBe(cause);
  });

  it('"工作还行，就是爸妈的房子没了": the job is there; what was lost is in another clause', () => {
    expect(readCause('工作还行，就是爸妈的房子没了')?.cause).not.toBe('job_loss');
  });

  it('"兄弟" who borrowed and ran is a friend, not the family', () => {
    expect(readCause('兄弟借了我的钱跑了')?.cause).not.toBe('family');
  });

  it('a relative in hospital is the family\'s event, not the person\'s own illness (the statement says only what was said)', () => {
    expect(readCause('我爸脑梗住院了')?.cause).toBe('family');
    expect(readCause('我自己住院做了手术')?.cause).toBe('illness');
  });
});
