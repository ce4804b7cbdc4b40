import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { stripBidi } from '../text.js';

/**
 * The forms every reading of free text works on. People type in simplified or traditional characters, full-width
 * or half-width, with spaces, punctuation, emoji and repeated letters anywhere; none of that changes what they mean.
 * Pure: the same text always gives the same forms.
 */
export interface Normalised {
  /** NFKC, lower case, simplified characters, one space between words: for numbers and English. */
  plain: string;
  /** `plain` without spaces, punctuation, symbols or emoji (digits, letters and characters kept): for Chinese. */
  dense: string;
  /** `plain` with English contractions and chat spellings written out ("dont" → "do not", "wanna" → "want to"). */
  en: string;
  /** Whether the text is mostly Chinese or mostly English (for answering in the language it was written in). */
  script: 'zh' | 'en' | 'none';
}

/**
 * Traditional characters to simplified, one by one, from OpenCC's own character table (Hong Kong and Taiwan forms
 * included). Words are read by meaning below, so OpenCC's phrase tables add nothing here, and building its full
 * converter costs some 8 MiB of memory at start-up.
 */
const SIMPLIFIED = new Map<string, string>(
  TS_CHARACTERS.split('|').map((pair) => {
    const [from = '', to = ''] = pair.split(' ');
    return [from, to];
  }),
);
const toSimplified = (s: string): string => {
  let out = '';
  for (const c of s) out += SIMPLIFIED.get(c) ?? c;
  return out;
};
/**
 * Cantonese words written out in Mandarin (唔想 → 不想, 佢哋 → 他们, 冇 → 没), so every reading hears Hong Kong and
 * Guangdong messages as it hears Mandarin ones. Only characters that Mandarin does not use this way are mapped.
 */
const CANTONESE: Record<string, string> = { 唔: '不', 冇: '没', 佢: '他', 哋: '们', 咗: '了', 嘅: '的', 喺: '在', 俾: '给', 畀: '给', 搵: '找', 揾: '找', 啲: '些', 嘢: '东西', 睇: '看', 攞: '拿', 嗰: '那', 乜: '什么', 咁: '这么', 冚: '全', 攰: '累', 諗: '想', 谂: '想'};
const CANTONESE_ANY = /[唔冇佢哋咗嘅喺俾畀搵揾啲嘢睇攞嗰乜咁冚攰諗谂]/g;

/**
 * What each UTF-16 unit calls for beyond NFKC and lower case: a character to simplify (or the first half of one
 * beyond the BMP), a Cantonese one, one to drop (zero-width), or white space (JavaScript's \s). Read in one pass
 * (`callsFor`), most texts call for nothing more, and the steps they do not need are not taken.
 */
const SIMPLIFY = 1;
const CANTONESE_WORD = 2;
const SPACING = 4;
const CALLS_FOR = new Uint8Array(0x10000);
const mark = (chars: Iterable<string>, call: number) => {
  for (const c of chars) CALLS_FOR[c.charCodeAt(0)] = CALLS_FOR[c.charCodeAt(0)]! | call;
};
mark(SIMPLIFIED.keys(), SIMPLIFY);
mark(Object.keys(CANTONESE), CANTONESE_WORD);
mark('\u200b\u200c\u200d\u2060\ufeff\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000', SPACING);

function callsFor(s: string): number {
  let calls = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    // One space between two other characters is as it should be.
    if (u === 0x20 && i > 0 && i < s.length - 1 && (CALLS_FOR[s.charCodeAt(i + 1)]! & SPACING) === 0) continue;
    calls |= CALLS_FOR[u]!;
  }
  return calls;
}

/**
 * What each BMP character is to the normal forms below: a letter or a digit (\p{L}, \p{N}: asked of the regex
 * engine itself the first time the character is met, so the table only ever holds its 65,536 answers), or a sign
 * one of the forms keeps. The forms are then cut out in one plain loop (`withoutRuns`), not a Unicode replace().
 */
const LETTER_OR_DIGIT = 1;
/** Signs that carry meaning in the Chinese form (% ¥ . -), and those the English patterns read (' % $ ¥). */
const DENSE_SIGN = 2;
const ENGLISH_SIGN = 4;
const KNOWN = 8;
const KINDS = new Uint8Array(0x10000);
for (const c of '%¥.-') KINDS[c.charCodeAt(0)] = KINDS[c.charCodeAt(0)]! | DENSE_SIGN;
for (const c of "'%$¥") KINDS[c.charCodeAt(0)] = KINDS[c.charCodeAt(0)]! | ENGLISH_SIGN;
const LETTER_OR_DIGIT_CHAR = /^[\p{L}\p{N}]$/u;
const kindOf = (u: number): number => {
  const kind = KINDS[u]!;
  if (kind & KNOWN) return kind;
  return (KINDS[u] = kind | KNOWN | (LETTER_OR_DIGIT_CHAR.test(String.fromCharCode(u)) ? LETTER_OR_DIGIT : 0));
};

/** Each run of characters in `s` that are neither letters, digits nor `signs`, put as `by`. */
function withoutRuns(s: string, signs: number, by: string): string {
  let out = '';
  let kept = 0;
  let run = -1;
  for (let i = 0, width = 1; i < s.length; i += width) {
    const u = s.charCodeAt(i);
    // A character beyond the BMP (an emoji, a rare character) is asked of the regex engine each time.
    width = u >= 0xd800 && u <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const keep = width === 2 ? LETTER_OR_DIGIT_CHAR.test(s.slice(i, i + 2)) : (kindOf(u) & (LETTER_OR_DIGIT | signs)) !== 0;
    if (keep && run >= 0) {
      out += s.slice(kept, run) + by;
      kept = i;
      run = -1;
    } else if (!keep && run < 0) run = i;
  }
  if (run >= 0) {
    out += s.slice(kept, run) + by;
    kept = s.length;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** Chat spellings and contractions, to one written-out form (longest first where they overlap). */
const EN_FORMS: Array<[RegExp, string | ((m: string) => string)]> = [
  [/\b(?:i|you|we|they)'?ve\b/g, '$& '],
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\bcan'?t\b|\bcannot\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must)n'?t\b/g, '$1 not'],
  [/\bi'?m\b/g, 'i am'],
  // Only with the apostrophe: "id" is an ID and "ill" is ill.
  [/\bi'd\b/g, 'i would'],
  [/\bi'll\b/g, 'i will'],
  [/\bit'?s\b/g, 'it is'],
  [/\bthat'?s\b/g, 'that is'],
  [/\bthere'?s\b/g, 'there is'],
  [/\bwhat'?s\b/g, 'what is'],
  [/\bw\/|\bw\b(?= )/g, 'with'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bcuz\b|\bcos\b|\b'cause\b/g, 'because'],
  [/\bmyslef\b|\bmyslf\b|\bmself\b/g, 'myself'],
  // Typed in a hurry: "wnat to", "wan to", "want 2", "kil myself", "d i e".
  [/\b(wnat|wamt|wan|wnt)\b(?= (to|2)\b)/g, 'want'],
  [/\b(want|going|need|have|about) 2\b/g, '$1 to'],
  [/\bkil\b|\bkll\b/g, 'kill'],
  [/\b(?:[a-z] ){2,}[a-z]\b/g, (m: string) => m.replace(/ /g, '')],
];

/** Any of the forms above (plain /g patterns, none referring back to a group): most English has none. */
const ANY_EN_FORM = new RegExp(EN_FORMS.map(([pattern]) => pattern.source).join('|'));

const expandEn = (s: string): string => {
  let out = s.replace(/[’‘`´]/g, "'");
  // Chinese alone has nothing to write out (most messages).
  if (/[a-z]/.test(out)) {
    if (ANY_EN_FORM.test(out)) for (const [pattern, to] of EN_FORMS) out = typeof to === 'string' ? out.replace(pattern, to) : out.replace(pattern, to);
    // "soooo", "pleeease": three or more of a letter are one.
    out = out.replace(/([a-z])\1{2,}/g, '$1');
  }
  // Punctuation carries nothing the English patterns read ("done. with. life."), apostrophes aside: it and any
  // white space beside it are one space.
  return withoutRuns(out, ENGLISH_SIGN, ' ').trim();
};

/** A text (already plain) with its spaces, punctuation, symbols and emoji taken out: letters, digits, Chinese characters and % ¥ . - stay. */
export const densify = (plain: string): string => withoutRuns(plain, DENSE_SIGN, '');

function compute(text: string): Normalised {
  const nfkc = stripBidi(text).normalize('NFKC').toLowerCase();
  const calls = callsFor(nfkc);
  // Simplifying may give a Cantonese character (諗 → 谂).
  const simplified = calls & SIMPLIFY ? toSimplified(nfkc) : nfkc;
  const mandarin = calls & (SIMPLIFY | CANTONESE_WORD) ? simplified.replace(CANTONESE_ANY, (c) => CANTONESE[c] ?? c) : simplified;
  const plain = calls & SPACING ? mandarin.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim() : mandarin;
  const dense = densify(plain);
  let han = 0;
  let latin = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c >= 0x61 && c <= 0x7a) latin++;
  }
  // A Chinese character carries about a word; five Latin letters make one.
  const script = han === 0 && latin === 0 ? 'none' : han * 5 >= latin ? 'zh' : 'en';
  return { plain, dense, en: expandEn(plain), script };
}

/**
 * A pure function of a text, remembered for the last few texts. One turn reads the same text many times (every
 * guard of a question, the crisis and agent checks, the answer itself), and a test walking the statechart sends a
 * handful of texts in turn to every state: both ask again for what was just worked out. The texts are kept in a
 * ring and compared, not hashed: each reading meets a message new to it once, and hashing it into a Map for that
 * cost more than comparing it with the few texts kept (the same string, asked again, is found at once).
 */
export function remembered<T>(fn: (text: string) => T, size = 16): (text: string) => T {
  const texts: string[] = [];
  const values: T[] = [];
  let oldest = 0;
  return (text) => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return values[i]!;
    const value = fn(text);
    texts[oldest] = text;
    values[oldest] = value;
    oldest = (oldest + 1) % size;
    return value;
  };
}

export const normalise = remembered(compute);

/** The first match of a pattern that is not said as not so ("我不会想不开", "without a middleman"). */
const globals = new WeakMap<RegExp, RegExp>();

export function firstUnnegated(pattern: RegExp | undefined, text: string, negated: RegExp): RegExpExecArray | null {
  if (!pattern) return null;
  let global = globals.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globals.set(pattern, global);
  }
  // The copy is only ever used here, from the start, to its last match: `matchAll` would copy it again every call.
  global.lastIndex = 0;
  for (let m = global.exec(text); m; m = global.exec(text)) {
    // Past an empty match as `matchAll` steps: one character (a whole one where the pattern reads code points).
    if (m[0] === '') global.lastIndex += global.unicode && (text.codePointAt(global.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (!negated.test(before)) return m;
  }
  return null;
}

/**
 * An answer made only of a number and its unit ("5500", "45天", "2026年8月", "¥3,000", "12期"): nothing in it can be
 * despair, an agent's offer, a request or a threat, so those readings skip it without working anything out.
 */
const PLAIN_ANSWER = /^[\d\s.,，。、:：\/\-+%¥￥$元块钱圆万千百十零〇一二两三四五六七八九个天日号月年周期半]*$/;
export const isPlainAnswer = (text: string): boolean => text.length <= 24 && PLAIN_ANSWER.test(text);
