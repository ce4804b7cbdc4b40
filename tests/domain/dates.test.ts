import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay, parseMonthsCount, parseTail, readMonthsCount } from '../../src/domain/answers.js';
import { addDays, addMonths, daysBetween, formatDate, parseOverdue, parseSince } from '../../src/domain/dates.js';

const TODAY = '2026-11-24';

describe('how long overdue', () => {
  it.each([
    ['45', 45], ['45天', 45], ['逾期45天', 45], ['四十五天', 45], ['两个月', 60], ['3周', 21], ['a week', 7],
    ['45 days', 45], ['2 months', 60], ['半个月', 15], ['半年', 180], ['一年', 365], ['一年半', 545], ['2 years', 730],
  ])('%s → %i days', (text, days) => {
    expect(parseOverdue(text, TODAY)).toEqual({ ok: true, days, dueDate: addDays(TODAY, -days), given: false });
  });

  it.each([
    ['2026-10-09', '2026-10-09'], ['2026/10/9', '2026-10-09'], ['10月9日', '2026-10-09'], ['10.9', '2026-10-09'],
    ['10/9', '2026-10-09'], ['上个月9号', '2026-10-09'], ['Oct 9', '2026-10-09'], ['9 Oct', '2026-10-09'],
    ['11月1日', '2026-11-01'], ['2025-12-01', '2025-12-01'],
    // Nearer ahead (next May), but more than two bills away: the missed date is this May's, about 200 days ago.
    ['5月9日', '2026-05-09'], ['May 9', '2026-05-09'], ['9 May', '2026-05-09'],
    // A day of the month alone is the missed one: this month's, or last month's when this month's is still ahead.
    ['9号', '2026-11-09'], ['24号', '2026-11-24'], ['30号', '2026-10-30'], ['二十号', '2026-11-20'],
  ])('the missed due date %s → %s', (text, dueDate) => {
    expect(parseOverdue(text, TODAY)).toMatchObject({ ok: true, dueDate, given: true });
  });

  it.each([
    ['12月9日', '2026-12-09'], ['2027-01-05', '2027-01-05'], ['1月5日', '2027-01-05'], ['明天', '2026-11-25'], ['下个月9号', '2026-12-09'],
    ['还有5天到期', '2026-11-29'], ['5天后还款', '2026-11-29'], ['due in 5 days', '2026-11-29'], ['Dec 9', '2026-12-09'], ['今天', TODAY],
  ])('a due date still ahead, %s → %s, is not overdue', (text, dueDate) => {
    expect(parseOverdue(text, TODAY)).toMatchObject({ ok: true, dueDate, days: 0 });
  });

  it.each([
    ['', 'empty'], ['不记得', 'unrecognised'], ['2028-01-01', 'too_far'], ['5000天', 'too_old'], ['还没逾期', 'not_yet'], ['not yet overdue', 'not_yet'],
  ])('%j is re-asked (%s)', (text, reason) => {
    expect(parseOverdue(text, TODAY)).toEqual({ ok: false, reason });
  });

  it('agrees with the calendar for any number of days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (days) => {
        const r = parseOverdue(`${days}天`, TODAY);
        expect(r.ok && daysBetween(r.dueDate, TODAY)).toBe(days);
      }),
    );
  });
});

describe('when the hardship began', () => {
  it.each([
    ['2026年8月', '2026-08'], ['8月', '2026-08'], ['2026-08', '2026-08'], ['2026-08-15', '2026-08-15'], ['8月15日', '2026-08-15'],
    ['三个月前', '2026-08'], ['3 months ago', '2026-08'], ['上个月', '2026-10'], ['今年初', '2026-01'], ['去年12月', '2025-12'],
    ['last month', '2026-10'], ['August', '2026-08'], ['Aug 2026', '2026-08'], ['12月', '2025-12'],
    ['半年前', '2026-05'], ['半年', '2026-05'], ['一年前', '2025-11'], ['2 years ago', '2024-11'], ['三个月', '2026-08'],
  ])('%s → %s', (text, since) => {
    expect(parseSince(text, TODAY)).toEqual({ ok: true, since });
  });

  it('never lies in the future', () => {
    expect(parseSince('2027年1月', TODAY)).toEqual({ ok: false, reason: 'future' });
  });
});

describe('the small answers of later steps', () => {
  it('reads a call date in the past and a call-back in the future', () => {
    expect(parseDay('今天', TODAY, 'past')).toEqual({ ok: true, day: TODAY });
    expect(parseDay('昨天', TODAY, 'past')).toEqual({ ok: true, day: '2026-11-23' });
    expect(parseDay('明天', TODAY, 'future')).toEqual({ ok: true, day: '2026-11-25' });
    expect(parseDay('12月1日', TODAY, 'future')).toEqual({ ok: true, day: '2026-12-01' });
    expect(parseDay('明天', TODAY, 'past')).toEqual({ ok: false, reason: 'wrong_side' });
    expect(parseDay('sometime', TODAY, 'future')).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it('reads a day of the month alone as the nearest such day on the side it must lie', () => {
    expect(parseDay('9号', TODAY, 'future')).toEqual({ ok: true, day: '2026-12-09' });
    expect(parseDay('9号', TODAY, 'past')).toEqual({ ok: true, day: '2026-11-09' });
    expect(parseDay('30号', TODAY, 'future')).toEqual({ ok: true, day: '2026-11-30' });
    expect(parseDay('二十号', TODAY, 'past')).toEqual({ ok: true, day: '2026-11-20' });
    expect(parseDay('下个月9号', TODAY, 'future')).toEqual({ ok: true, day: '2026-12-09' });
    expect(parseDay('上个月9号', TODAY, 'future')).toEqual({ ok: false, reason: 'wrong_side' });
    // February has no 30th: not a day to guess at.
    expect(parseDay('30号', '2027-02-10', 'future')).toEqual({ ok: true, day: '2027-03-30' });
    expect(parseDay('下个月30号', '2027-01-10', 'future')).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it('reads a number of months', () => {
    expect(parseMonthsCount('12期')).toBe(12);
    expect(parseMonthsCount('两年')).toBe(24);
    expect(parseMonthsCount('十二期')).toBe(12);
    expect(parseMonthsCount('二十四个月')).toBe(24);
    expect(parseMonthsCount('一年半')).toBe(18);
    expect(parseMonthsCount('半年')).toBe(6);
    expect(parseMonthsCount('0')).toBeNull();
    expect(parseMonthsCount('999')).toBeNull();
  });

  it('takes an instalment named by its place ("第一期") for which one, not how many', () => {
    expect(readMonthsCount('打算分24期，第一期下个月15号交')).toEqual({ ok: true, months: 24 });
    expect(readMonthsCount('现在还到第三期了')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('takes the term asked for over one said as a fallback', () => {
    expect(readMonthsCount('最好分12期，实在不行就18期')).toEqual({ ok: true, months: 12 });
    expect(readMonthsCount('12期或者18期')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('keeps only the last four of a number, and refuses a full number', () => {
    expect(parseTail('5678', 'phone')).toEqual({ ok: true, tail: '5678' });
    expect(parseTail('567x', 'id')).toEqual({ ok: true, tail: '567X' });
    expect(parseTail('13812345678', 'phone')).toEqual({ ok: false, reason: 'only_four' });
    expect(parseTail('11010519491231002X', 'id')).toEqual({ ok: false, reason: 'only_four' });
  });

  it('does calendar arithmetic and writes dates for each language', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(formatDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日');
    expect(formatDate('2026-11-23', 'en')).toBe('23 Nov 2026');
  });
});
