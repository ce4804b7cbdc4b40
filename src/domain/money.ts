import type { Fen, Lang } from './catalog.js';
import { parseChineseNumber } from './numbers.js';

export type MoneyParse =
  | { ok: true; fen: Fen }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'several' | 'negative' | 'too_large' | 'zero' };

/** "Nothing", as someone who has just lost their job says it: `没有`, `没收入`, `失业了没有收入`, `no income`. */
const NOTHING = /^(现在|目前|暂时|最近)?(失业了?|没工作了?)?(没有|无|没|零|0|zero|none|nothing|no|nil)(任何)?(收入|工资|进账|income|money)?了?$/i;
/** Words around an amount that carry no number: currency, "about", "left". */
const NOISE = /(人民币|rmb|cny|yuan|块钱|块|元|圆|¥|￥|大概|大约|左右|差不多|约|about|around|approx\.?|roughly|欠了?|还有|剩下?|一共|总共|共|每月|每个月|a month|per month|monthly)/gi;
const TOKEN = /[0-9.零〇一二两三四五六七八九十百千万亿kw]+/gi;

/** Full-width digits and punctuation, as Chinese keyboards type them, to ASCII. */
export const toHalfWidth = (s: string): string =>
  s.replace(/[\uff10-\uff19\uff0e\uff0c]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * An amount as people type it: `5500`, `5,500元`, `¥5500.5`, `1.2万`, `5千5`, `五千五百`, `5k`, `大概5500左右`.
 * Rounded half up to the fen. Two different amounts in one answer are ambiguous and re-asked.
 */
export function parseMoney(text: string, opts: { allowZero?: boolean; maxYuan?: number } = {}): MoneyParse {
  const maxYuan = opts.maxYuan ?? 10_000_000;
  const s = toHalfWidth(text).trim();
  if (s.length === 0) return { ok: false, reason: 'empty' };
  if (opts.allowZero && NOTHING.test(s.replace(/[。.!！,，\s]/g, ''))) return { ok: true, fen: 0 };
  const cleaned = s.replace(NOISE, ' ').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (/(^|\s)[-−－]\s*\d|负/.test(cleaned)) return { ok: false, reason: 'negative' };
  const values = new Set<number>();
  for (const token of cleaned.match(TOKEN) ?? []) {
    if (!/[0-9零〇一二两三四五六七八九十]/.test(token)) continue;
    const v = parseChineseNumber(token.replace(/\.$/, ''));
    if (v === null) return { ok: false, reason: 'not_a_number' };
    values.add(v);
  }
  // Several amounts ("房租2000，吃饭1500", "5500 or 6000"): which one, or their total, is the person's to say.
  if (values.size !== 1) return { ok: false, reason: values.size === 0 ? 'not_a_number' : 'several' };
  const yuan = [...values][0]!;
  if (yuan > maxYuan) return { ok: false, reason: 'too_large' };
  const fen = Math.round(yuan * 100 + 1e-7);
  if (fen === 0 && !opts.allowZero) return { ok: false, reason: 'zero' };
  return { ok: true, fen };
}

/** 550050 → '5,500.50 元' / '¥5,500.50'; whole yuan drop the '.00'. */
export function formatFen(fen: Fen, lang: Lang): string {
  const safe = Number.isFinite(fen) ? Math.max(0, Math.round(fen)) : 0;
  // Grouped by hand: number formatting through ICU keeps its locale data resident for every reply with an amount.
  const whole = String(Math.floor(safe / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = safe % 100;
  const amount = cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`;
  return lang === 'zh-CN' ? `${amount} 元` : `¥${amount}`;
}
