import { describe, expect, it } from 'vitest';
import { quantities, type Quantity } from '../../src/domain/understanding/quantities.js';

/** What kind of quantity each number in a text is, and its value. */
const read = (text: string) => quantities(text).map((q: Quantity) => [q.kind, q.value]);

describe('every number read with what it counts', () => {
  it.each([
    ['两千半', [['money', 2500]]],
    ['一万半左右', [['money', 15_000]]],
  ])('"%s": the half of the unit before it', (text, expected) => {
    expect(read(text).map(([k, v]) => [k === 'bare' ? 'money' : k, v])).toEqual(expected);
  });

  it.each(['卡号尾号6612', '尾数是 3390 的那张', 'the card ending in 4471', 'last four digits 0825'])('"%s": a card\'s last digits, no amount', (text) => {
    const kinds = read(text).map(([k]) => k);
    expect(kinds).toContain('phone');
    expect(kinds.filter((k) => k === 'bare' || k === 'money')).toEqual([]);
  });

  it.each(['住在18楼 没电梯', '租了个两房一厅', 'a 3-bedroom house', '女儿上高一了', '儿子读大三', '我在家排老二', 'my son is in Year 10', 'she starts grade 7'])(
    '"%s": a floor, rooms or a place in an order, not money',
    (text) => expect(read(text).map(([k]) => k).filter((k) => k === 'bare' || k === 'money')).toEqual([]),
  );

  it.each([
    ['分了三十六其', 'term'],
    ['still 12 more payments on the car', 'term'],
    ['it is a 6 period loan', 'term'],
    ['想等到腊月二十以后再还', 'date'],
    ['发工资是每月10号', 'date'],
    ['my payday is on 25 every month', 'date'],
  ])('"%s": a %s, not money', (text, kind) => {
    const kinds = read(text).map(([k]) => k);
    expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'bare' || k === 'money')).toEqual([]);
  });

  it('finds no zero in 零工 or 零钱', () => {
    expect(read('平时打零工').map(([k]) => k)).toEqual([]);
    expect(read('零钱都花光了').map(([k]) => k)).toEqual([]);
  });

  it.each(['最高三千', '房租3千', '两房一厅 月租2500', '每月发工资4500', '发工资3000', '3楼的房租1500', 'a payday loan of 3000'])('"%s": still holds its amount', (text) => {
    expect(read(text).map(([k]) => k).filter((k) => k === 'bare' || k === 'money')).toHaveLength(1);
  });

  it.each(['一家三口', '做两份工', '这个月接了二十来单', 'a family of four', 'rent is split for the 2 of us'])('"%s": a count, not money', (text) => {
    expect(read(text).map(([k]) => k)).toContain('count');
    expect(read(text).map(([k]) => k)).not.toContain('bare');
  });

  it.each([
    ['on a 12-month plan', 'duration'],
    ['a 6-week grace period', 'extension'],
    ['18 installments', 'term'],
    ['spread over 24 instalments', 'term'],
  ])('"%s": a length of time or a number of instalments (%s)', (text, kind) => {
    expect(read(text).map(([k]) => k)).toEqual([kind]);
  });

  it('"一个月三千二 年化8": money each month, and a rate (the 年 of 年化 is no year)', () => {
    const [money, rate] = quantities('一个月三千二 年化8');
    expect(money).toMatchObject({ kind: 'money', value: 3200, monthly: true });
    expect(rate).toMatchObject({ kind: 'percent', value: 8 });
  });

  it('"年化7.2" is a rate, not the 2nd of July', () => {
    expect(read('年化7.2')).toEqual([['percent', 7.2]]);
  });

  it.each([
    // Someone's age: the speaker's, a relative's, or words of reaching one.
    ...['我都五十八了', '今年六十三', "I'm 67 and retired", '我妈都七十了', '老公今年四十五', '都快六十了还在还债', "she's 52 and still working", 'grandpa just turned 80'].map((t) => [t, 'age']),
    // Things counted by their measure word or noun.
    ...['家里三条狗', '开了两台车跑滴滴', '租了一间房', 'sharing with 3 flatmates', 'we have two dogs'].map((t) => [t, 'count']),
    // Days late or the sum that is late, not yet known which.
    ...['花呗逾期了300', '这个月又晚了20', 'behind by 40'].map((t) => [t, 'late']),
  ])('"%s" holds one number, read as %s, not money', (text, kind) => {
    expect(read(text).map(([k]) => k)).toEqual([kind]);
  });

  it.each([
    ["I'm 3 months behind", 'duration'],
    ['worked there since 2020', 'date'],
    ['the next one comes on 28/02', 'date'],
    ['每天吃三种药', 'count'],
    ['paid fortnightly', 'duration'],
  ])('"%s": %s', (text, kind) => {
    expect(read(text).map(([k]) => k)).toContain(kind);
    expect(read(text).map(([k]) => k)).not.toContain('bare');
  });

  it.each(['已经拖了45', 'overdue for 60', "I'm late by 30"])('"%s": days late, said without the word for days', (text) => {
    expect(quantities(text)).toMatchObject([{ kind: 'duration', unit: 'day' }]);
  });

  it.each([
    ['拖了3000块没还', 3000],
    ['逾期了2万', 20_000],
    ['工资四千只够吃饭', 4000],
    ['还剩3000本金', 3000],
    ['工资6000本来够还的', 6000],
    ['滞纳金都80了', 80],
    ['水电也100左右', 100],
    ['收入5000只靠我', 5000],
    ['月薪5000双休', 5000],
    ["he's 100 short", 100],
    ['overdue by 200 pounds', 200],
    ['其他的都100了', 100],
    ['两张卡合一块欠了8000', 8000],
    ['到手4200 家里老人要看病', 4200],
    ["I'm 24 with a part-time job paying 2000 a month", 2000],
  ])('"%s": still money (%i)', (text, value) => {
    expect(quantities(text).filter((q) => q.kind === 'money' || q.kind === 'bare').map((q) => q.value)).toEqual([value]);
  });

  it.each([
    ['每天上班十二个小时', 'hour'],
    ['on hold for 40 minutes', 'minute'],
    ['打了二十分钟电话', 'minute'],
  ])('"%s": hours and minutes are lengths of time (%s)', (text, unit) => {
    expect(quantities(text)).toMatchObject([{ kind: 'duration', unit }]);
  });

  it('"the one ending with 3309": a card\'s last digits', () => {
    expect(read('the one ending with 3309')).toEqual([['phone', 3309]]);
  });

  it.each([
    ['欠了个w', 10_000],
    ['about 1.2 lakh', 120_000],
  ])('"%s": %i as people write it', (text, value) => {
    expect(quantities(text).map((q) => q.value)).toEqual([value]);
  });

  it.each([
    ['我的芝麻分只有520', 'score', 520],
    ['征信评分掉到600了', 'score', 600],
    ['my credit score dropped to 580', 'score', 580],
    ['芝麻分掉到了550', 'score', 550],
    ['微信支付分600', 'score', 600],
    ['俩平台都逾期了', 'count', 2],
    ['仨孩子上学', 'count', 3],
    ['上班早八晚五', 'time', 8],
  ])('"%s": a %s, never money (%i)', (text, kind, value) => {
    expect(quantities(text)[0]).toMatchObject({ kind, value });
    expect(quantities(text).some((q) => q.kind === 'bare' || q.kind === 'money')).toBe(false);
  });

  it.each([
    ['生活费2500 娃5岁', 2500],
    ['房租一千二 两孩子', 1200],
    ['朝八晚六的班，一个月3800', 3800],
    ['工资6000 俩孩子', 6000],
    ['俩万多一点', 20_000],
    ['955的班 到手6500', 6500],
    ['上六休一，一个月4100', 4100],
    ['欠了俩w 家里俩孩子', 20_000],
    ['还剩仨k没还', 3_000],
  ])('"%s": still money beside a count of children or the hours of a day (%i)', (text, value) => {
    expect(quantities(text).filter((q) => q.kind === 'money' || q.kind === 'bare').map((q) => q.value)).toEqual([value]);
  });
});

describe('a fresh writer\'s other numbers, read by meaning (said here in other words)', () => {
  it.each([
    ['年化百分之十八点五', 'percent'],
    ['学号20231105', 'phone'],
    ['订单号 88213', 'phone'],
    ['芝麻分差不多七百', 'score'],
    ['fico is like 655', 'score'],
    ["I'm just 19 haha", 'age'],
  ])('"%s": no amount in it', (text, kind) => {
    const kinds = read(text).map(([k]) => k);
    expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'bare' || k === 'money')).toEqual([]);
  });
});

describe('a review of this stop\'s number readings', () => {
  it.each(["I'm only 70 in arrears this month", '已经转到平台账号 2000 了'])('"%s": still money', (text) => {
    expect(read(text).map(([k]) => k)).toContain('bare');
  });
});

describe('a date written in English with its month\'s name and year (twenty unseen lines)', () => {
  it.each(['last paid on April 3, 2024', '3 April 2024', 'the 9th of June'])('"%s": a date, no amount', (text) => {
    const kinds = read(text).map(([k]) => k);
    expect(kinds).toContain('date');
    expect(kinds.filter((k) => k === 'bare' || k === 'money')).toEqual([]);
  });
  it.each(['I owe 3000 may be more', 'paid 500 in march'])('"%s": still money', (text) => expect(read(text).map(([k]) => k)).toContain('bare'));
});
