/** Chinese numerals and mixed forms ('五千五百', '一万二', '3万5', '5千5', '1.2万', '5k') → a number. */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000, k: 1000, w: 10_000 };

/**
 * Units below 万 add to the current section; 万 and 亿 multiply everything before them. A digit left dangling
 * right after a unit is one step smaller than that unit ('五千五' = 5500, '一万二' = 12000), as people say it;
 * after 零 it is just itself ('一千零五' = 1005).
 */
export function parseChineseNumber(input: string): number | null {
  const s = input.replace(/\s+/g, '').toLowerCase();
  if (s.length === 0) return null;
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let lastUnit = 1;
  let afterUnit = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    const unit = UNIT[ch];
    if (unit !== undefined) {
      if (unit >= 10_000) {
        if (pending === null && section === 0 && total === 0) return null;
        total = (total + section + (pending ?? 0)) * unit;
        section = 0;
      } else {
        const n = pending ?? (unit === 10 ? 1 : null);
        if (n === null) return null;
        section += n * unit;
      }
      pending = null;
      lastUnit = unit;
      afterUnit = true;
      i += 1;
    } else if (ch === '零' || ch === '〇') {
      if (pending !== null) return null;
      afterUnit = false;
      i += 1;
    } else {
      if (pending !== null) return null;
      const m = /^\d+(\.\d+)?/.exec(s.slice(i));
      if (m) {
        pending = Number(m[0]);
        i += m[0].length;
      } else if (DIGIT[ch] !== undefined) {
        pending = DIGIT[ch];
        i += 1;
      } else {
        return null;
      }
    }
  }
  if (pending !== null) section += afterUnit && lastUnit >= 10 ? pending * (lastUnit / 10) : pending;
  const value = total + section;
  return Number.isFinite(value) ? value : null;
}
