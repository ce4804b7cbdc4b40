import { describe, expect, it } from 'vitest';
import { findDay, findSince } from '../../src/domain/understanding/when.js';

/** Days and months named inside a sentence, the way people name them. Today is Sunday 2026-12-06. */
const TODAY = '2026-12-06';

describe('a day named in a sentence', () => {
  it.each([
    ['琴日打咗畀客服', '2026-12-05'],
    ['前日已经打过一次', '2026-12-04'],
  ])('"%s" (Cantonese) → %s', (text, day) => {
    expect(findDay(text, TODAY, 'past')).toMatchObject({ ok: true, day });
  });

  it('"以后日子" and "目前日子" name no day', () => {
    expect(findDay('以后日子怎么过', TODAY, 'future').ok).toBe(false);
    expect(findDay('目前日子难过', TODAY, 'past').ok).toBe(false);
  });

  it('"听日再打" is tomorrow', () => {
    expect(findDay('听日再打', TODAY, 'future')).toMatchObject({ ok: true, day: '2026-12-07' });
  });

  it('the day settled on after another was weighed', () => {
    expect(findDay('圣诞节人多不好打，那就12月28号吧', TODAY, 'future')).toMatchObject({ ok: true, day: '2026-12-28' });
    expect(findDay('打算周三打 so let\'s say thursday then', TODAY, 'future')).toMatchObject({ ok: true, day: '2026-12-10' });
  });
});

describe('a day weighed, not settled on', () => {
  it('"昨天打的，那今天还要打吗" names yesterday as the day of the call', () => {
    expect(findDay('昨天打的，那今天还要打吗', TODAY, 'past')).toMatchObject({ ok: true, day: '2026-12-05' });
  });
});

describe('when a hardship began', () => {
  it.each([
    ['半年前开始就不对劲了', '2026-06'],
    ['got laid off 3 months back', '2026-09'],
    ['儿童节那天被通知不用去了', '2026-06'],
  ])('"%s" → %s', (text, month) => {
    expect(findSince(text, TODAY)?.slice(0, 7)).toBe(month);
  });
});
