import type { Fen, Lang } from './catalog.js';
import { normalise } from './understanding/normalise.js';
import { quantities, quantityText, type Quantity } from './understanding/quantities.js';

/** Full-width digits and punctuation, as Chinese keyboards type them, to ASCII. */
export const toHalfWidth = (s: string): string =>
  s.replace(/[\uff10-\uff19\uff0e\uff0c]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** What a number in the answer was, when it was not money: the person is told what was read, and asked again. */
export type NotMoney = 'duration' | 'term' | 'extension' | 'date' | 'count' | 'percent' | 'phone' | 'time' | 'score' | 'range' | 'late';

export type MoneyParse =
  | { ok: true; fen: Fen }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'several' | 'negative' | 'too_large' | 'zero' | NotMoney; between?: [Fen, Fen] };

/** "Nothing", as someone who has just lost their job says it: `没有`, `没收入`, `失业了没有收入`, `no income`, `没有别的了`. */
const NOTHING_WHOLE = /^(现在|目前|暂时|最近)?(失业了?|没工作了?)?(没有|无|没|零|0|zero|none|nothing|no|nil)(任何)?(收入|工资|进账|income|money)?了?$/i;
const NOTHING_SAID =
  /(?<!快|要)(没有|没|无)(任何)?(收入|工资|进账|别的|其他|其它|了)|(别的|其他|其它)的?都?(没有|没|无)|没(什么|啥)(开销|花销|支出|花费|收入|别的|其他)|(没有|没|无)(工作|收入)?[\s，,]*(我)?(还)?(在)?(失业|下岗|待业|上学|读书|念书|上大学|是学生)|零收入|(一分钱|一毛钱|分文|一分)(收入)?.{0,4}(没有|都没|没)|(?<!有时候?)没有$|木有|没得|莫得|(?<!尽量|能|省|想|要)不(用)?花(钱|什么钱)(?!是不可能|不行|不可能)|(只有|就|就只有|只欠)(这|花呗|借呗|微粒贷|白条|金条|月付|信用卡|一张卡|一家)?.{0,4}(一笔|一个|这个|一家|这笔|这一笔|这一家)(?!人)|^没了|^(没有?|无)$|\b(no|zero|nil) (income|salary|wages|pay|money coming in|other (debts?|loans?))\b|\b(none|nothing|nope|that is (all|it|everything)|that's (all|it|everything)|no more|no others?|(just|only) (this|that|the) one)\b|\bunemployed\b.*\b(no|nothing|zero)\b/i;
/** "其他的就是一个装修贷": another debt named, not "only this one". */
const ANOTHER_NAMED = /(其他|别的|另外|其余)(的)?(就|就是|还有|是)一(个|笔)/;
/** "就这些了", "that's all": nothing more, unless the sentence was about something else ("六点出门，哪有空算这些"). */
const THATS_ALL = /(就|只有)?(这些|这么多|这一个|这一笔|这个)(了|吧)?$/;
/** A total named as such ("一共3万", "in total 5000") is the answer among its parts. */
const TOTAL_BEFORE = /(一共|总共|合计|总计|加起来|总的|in total|total( [a-z]+)?|altogether|all together|comes to|which makes|=|等于|equals)[^0-9]{0,4}$/;
const TOTAL_AFTER = /^\s?(in total|total|altogether|all in|合计|总共|一共)(?![\s:：]*[\d一二两三四五六七八九十百千万])/;
/** "…so 1200", "所以一共", "算下来": a total only after parts were named before it. */
const SO_BEFORE = /((?<!or )\bso\b|所以|算下来)[^0-9]{0,4}$/;
/** What the person has now, when they say what they had before ("以前一万，现在四千"), or after tax ("月薪1.2w 税后一万"). */
const NOW_BEFORE = /(现在|目前|如今|眼下|这个月|税后|\bnow|\bcurrently|these days|at the moment|\bafter tax|\bnet\b)(?![^0-9]*(\bwas\b|\bwere\b|used to|以前|之前|原来|本来))[^0-9]{0,6}$/;
/** What comes in as a rule, beside what it is made of or what it was at most ("底薪两千八 平均四千", "usually 4.5k"). */
const USUALLY_BEFORE = /(平均|一般|通常|正常|on average|average|\busually|\btypically|\bnormally)[^0-9]{0,6}$/;
/** What is left of one debt named whole before it ("借了两万 还剩一万四", "borrowed 20k and still owe 12k"). */
const LEFT_BEFORE = /(还剩|剩下|还欠|还差|still owe|\bleft|\bremaining|\boutstanding)[^0-9]{0,6}$/;
const BORROWED_WHOLE = /借了|刷了|贷了|分期买|一共借|本来|原来|\bborrowed|\btook out|\bspent/;
/** What reaches the person, said after it ("4.2k take home"). */
const NOW_AFTER = /^\s?(take home|take-home|net|after tax|in hand|now)\b/;
/** A card's minimum payment beside its balance: the balance is what is owed. */
const MINIMUM_BEFORE = /(最低还款(额|金额)?|最低|\bminimum( due| payment)?|\bmin( due| payment)?)[^0-9]{0,6}$/;
/** Said to be paid each month or each instalment ("每月还她一千", "每期一千", "到手一个月6500", "400/month"). */
const EACH_MONTH_BEFORE = /(每(个)?月|(?<![上下前后这那第头])一个月|月供|每期|\bper month|\ba month|\bmonthly|\beach month)[^0-9]{0,4}$/;
const EACH_MONTH_AFTER = /^\s?(\/\s?(month|mo|月|期)|一个月|每月|每期|per month|a month|monthly|each month)(?!\s?[^\s\d，,。.;；]{0,4}[\d一二两三四五六七八九十百千万])/;
/** Pay before tax, beside what reaches the person. */
const PRETAX_BEFORE = /(税前|gross|before tax)[^0-9]{0,4}$/;
const PRETAX_AFTER = /^\s?(gross|before tax|pre-tax)\b/;
/** The most that could be done at a stretch ("600 at a push", "最多六百"), beside what is meant. */
const AT_MOST_BEFORE = /((最多|顶多|撑死|至多)(?!的)|\bat most|\bmax(imum)?\b)[^0-9]{0,4}$/;
const AT_MOST_AFTER = /^\s?(at a push|at a stretch|at most|max(imum)?|tops|顶天|最多)/;
/** Two amounts of different things (pay and what can be repaid, a debt and a card's limit): no "at most" between them. */
const DIFFERENT_THINGS = /工资|收入|月薪|薪水|欠|借|salary|income|earn|owe|loan|maxed|limit/;
/** Parts named one by one ("房租1500，吃饭1000"): each number follows its own words. */
const PART_BEFORE = /[\p{L}][^0-9]{0,6}$/u;
/** A part named as only a part ("光房贷就两千五", "rent alone is 2500") is inside the total said beside it. */
const ONLY_A_PART_BEFORE = /(光|(?<![账订清菜名买下保传表简])单|单单|仅|仅仅|其中|包括|含|just|alone|including|incl\.?|includes|of which)[^0-9]{0,6}$/;
const CHOICE_WORDS = /或者|还是|或|到|至|以前|之前|原来|本来|\bor\b|\bto\b|\bbefore\b|\bused to\b/;

export interface MoneyOptions {
  /** Zero is an answer (no income, no other debts). */
  allowZero?: boolean;
  maxYuan?: number;
  /** The question asks for a total: parts named one by one are added up. */
  sum?: boolean;
  /** The question asks what comes or goes each month: among amounts, the one said to be monthly is the answer. */
  perMonth?: boolean;
}

/**
 * An amount as people type it, alone or in a sentence: `5500`, `5,500元`, `¥5500.5`, `1.2万`, `5千5`, `五千五百`, `5k`,
 * `大概一万二左右吧`, `1800一个月`, `工资到手4800`. Only money is taken: "欠了3个月了" holds a duration and "分12期" a
 * term, and each is named back to the person rather than read as 3 or 12 元. Rounded half up to the fen; two
 * different amounts are re-asked, unless one is the total or the current one, or the question asks for a sum.
 */
export function parseMoney(text: string, opts: MoneyOptions = {}): MoneyParse {
  const maxYuan = opts.maxYuan ?? 10_000_000;
  const s = toHalfWidth(text).trim();
  if (s.length === 0) return { ok: false, reason: 'empty' };
  // Nothing is heard in the text's normal form: traditional characters and Cantonese read as the rest.
  const { plain } = normalise(text);
  if (/(^|[\s:：，,])[-−－]\s*\d|负/.test(s)) return { ok: false, reason: 'negative' };
  // Read from the text as typed: its normal form (full-width digits too) is worked out once for every reading.
  const all = quantities(text);
  const money = all.filter((q) => q.kind === 'money' || q.kind === 'bare');
  // "没有", "一分钱收入都没有", "只有这一笔": nothing more, where nothing is an answer.
  if (opts.allowZero && !ANOTHER_NAMED.test(plain) && (NOTHING_WHOLE.test(plain.replace(/[。.!！,，\s~～]/g, '')) || /零收入|zero income/i.test(plain) || ((NOTHING_SAID.test(plain) || (THATS_ALL.test(plain) && money.length === all.length)) && money.every((q) => q.value <= 1)))) {
    return { ok: true, fen: 0 };
  }
  if (money.length === 0) {
    const other = all.find((q) => q.kind !== 'age');
    return { ok: false, reason: other ? (other.kind === 'money' || other.kind === 'bare' ? 'not_a_number' : (other.kind as NotMoney)) : 'not_a_number' };
  }
  if (money.some((q) => q.range)) {
    const between = rangeOf(money);
    return between ? { ok: false, reason: 'range', between } : { ok: false, reason: 'range' };
  }
  const yuan = pick(text, money, opts);
  if (yuan === null) return { ok: false, reason: 'several' };
  if (yuan > maxYuan) return { ok: false, reason: 'too_large' };
  const fen = Math.round(yuan * 100 + 1e-7);
  if (fen === 0 && !opts.allowZero) return { ok: false, reason: 'zero' };
  return { ok: true, fen };
}

/**
 * The two ends of the one range a sentence gives ("三四千", "五千到六千", "3-5k"), in fen; null when there are more
 * numbers than the range. The first end takes the second's magnitude where it was left out ("3到5千").
 */
function rangeOf(money: Quantity[]): [Fen, Fen] | null {
  const [a, b] = money;
  if (money.length === 1 && a?.low !== undefined) return [Math.round(a.low * 100), Math.round(a.value * 100)];
  if (money.length !== 2 || !a?.range || !b?.range) return null;
  let low = a.value;
  while (low > 0 && low * 10 <= b.value) low *= 10;
  return low < b.value ? [Math.round(low * 100), Math.round(b.value * 100)] : null;
}

/** The one amount a sentence answers with, or null when it holds several and none is the answer. */
function pick(s: string, money: Quantity[], opts: MoneyOptions): number | null {
  const values = [...new Set(money.map((q) => q.value))];
  if (values.length === 1) return values[0]!;
  // The places of quantities are in the form they were read in.
  const plain = quantityText(s);
  const before = (q: Quantity) => plain.slice(Math.max(0, q.at - 24), q.at);
  const after = (q: Quantity) => plain.slice(q.at + q.text.length);
  // What is left of a debt named whole is owed, whatever the whole was called ("总共借了6万 还剩4万2").
  const left = BORROWED_WHOLE.test(plain) ? money.filter((q) => LEFT_BEFORE.test(before(q))) : [];
  if (left.length === 1) return left[0]!.value;
  // A total is at least each part named before it: "交通话费加起来300" after "房租2200" totals only its own clause ("so" may
  // conclude what is left: "borrowed 40,000, paid back 12,000, so 28,000 left").
  const total = money.filter(
    (q, i) => ((TOTAL_BEFORE.test(before(q)) || TOTAL_AFTER.test(after(q))) && money.slice(0, i).every((p) => p.value <= q.value)) || (i >= 2 && SO_BEFORE.test(before(q))),
  );
  // Asked what goes each month, the one amount said to be monthly ("欠我姐两万 每月还她一千"), over a total said
  // before it ("总共欠24000，分24期，每期一千"); a total after its parts sums them ("400/month plus 1200 = 1600").
  const monthly = opts.perMonth ? money.filter((q) => EACH_MONTH_BEFORE.test(before(q)) || EACH_MONTH_AFTER.test(after(q))) : [];
  // Parts named one by one, "每月" said once before the list ("借呗每月800，白条300") or of one expense among others ("房租2200
  // 幼儿园每月800 交通300"): every part is monthly, and they are summed (not a debt beside what is paid on it each month).
  const parts = opts.sum && !CHOICE_WORDS.test(plain) && money.every((q) => PART_BEFORE.test(before(q)) && !ONLY_A_PART_BEFORE.test(before(q)));
  if (parts && total.length === 0 && monthly.length === 1 && (monthly[0] === money[0] || !DIFFERENT_THINGS.test(plain))) return money.reduce((sum, q) => sum + q.value, 0);
  const answer = total.length === 1 && (total[0] === money.at(-1) || monthly.length !== 1) ? total[0] : monthly.length === 1 ? monthly[0] : undefined;
  if (answer) return answer.value;
  const now = money.filter((q) => NOW_BEFORE.test(before(q)) || NOW_AFTER.test(after(q)) || USUALLY_BEFORE.test(before(q)));
  if (now.length === 1) return now[0]!.value;
  const whole = money.filter((q) => !ONLY_A_PART_BEFORE.test(before(q)) && !/^\s?(alone|only)\b/.test(after(q)));
  if (whole.length === 1 && whole.length < money.length) return whole[0]!.value;
  const oneThing = !DIFFERENT_THINGS.test(plain);
  const meant = money.filter(
    (q) => !PRETAX_BEFORE.test(before(q)) && !PRETAX_AFTER.test(after(q)) && !MINIMUM_BEFORE.test(before(q)) && !(oneThing && (AT_MOST_BEFORE.test(before(q)) || AT_MOST_AFTER.test(after(q)))),
  );
  if (meant.length === 1 && meant.length < money.length) return meant[0]!.value;
  if (opts.sum && !CHOICE_WORDS.test(plain) && money.every((q) => PART_BEFORE.test(before(q)))) {
    return money.reduce((sum, q) => sum + q.value, 0);
  }
  return null;
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
