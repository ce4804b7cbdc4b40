import { remembered, type Normalised } from './normalise.js';

/** What a model reads: a text's Chinese form and its English form (`normalise`, or what a reading left of them). */
export type Forms = Pick<Normalised, 'dense' | 'en'>;

/**
 * A small linear model (logistic regression) over character n-grams (Chinese) and word n-grams (English), trained from the tuning
 * part of the labelled corpus (`npm run train:understanding`; never from the held-out part). It catches what the
 * readings' words do not name ("药我攒够了", "gave my dog away") and is always explainable: the n-grams that tipped
 * it are listed by `explainScore`. Pure: the model is data.
 */
export interface Model {
  /** The log-odds each feature adds; features the training saw too rarely are left out. */
  weights: Record<string, number>;
  bias: number;
  /** Above this score, the text is read as the intent. */
  threshold: number;
  /** Above this one only, where a reading has already explained some of the words away (hyperbole taken out). */
  strictThreshold?: number;
  /** Above this one, the text is read as the intent with confidence (the crisis reply, not a gentle question). */
  crisisThreshold?: number;
  /** Above this lower one, a text nothing else was read in leans towards the intent (asked gently, not left unread). */
  leanThreshold?: number;
}

/**
 * Every feature of a text, once each: Chinese character 2- and 3-grams (a lone character carries no meaning of its
 * own: "了" left after "笑死" is taken out), as numbers made of their UTF-16 units so no string is made per n-gram;
 * English words and pairs of them as "w:…". Features are listed n-grams first, by their numbers (every 2-gram before
 * every 3-gram), then words in the order they first occur: a score adds its weights in this order.
 */
function featureKeys({ dense, en }: Forms): { han: number[]; words: string[] } {
  const han: number[] = [];
  let run = 0;
  for (let i = 0; i < dense.length; i++) {
    const c = dense.charCodeAt(i);
    if (!isHan(c)) {
      run = 0;
      continue;
    }
    run++;
    if (run >= 2) han.push(pairNumber(dense.charCodeAt(i - 1), c));
    if (run >= 3) han.push(tripleNumber(dense.charCodeAt(i - 2), dense.charCodeAt(i - 1), c));
  }
  // Once each: sorted, then the repeats dropped in place.
  han.sort((x, y) => x - y);
  let kept = 0;
  for (let i = 0; i < han.length; i++) if (i === 0 || han[i] !== han[i - 1]) han[kept++] = han[i]!;
  han.length = kept;
  const content = contentWords(en);
  const words = new Set<string>();
  for (let i = 0; i < content.length; i++) {
    words.add(`w:${content[i]}`);
    if (i + 1 < content.length) words.add(`w:${content[i]} ${content[i + 1]}`);
  }
  return { han, words: [...words] };
}

const isHan = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;
const pairNumber = (a: number, b: number): number => a * 0x10000 + b;
const tripleNumber = (a: number, b: number, c: number): number => a * 0x1_0000_0000 + b * 0x10000 + c;

/**
 * The words of the English form (runs of letters, digits and apostrophes), in order, where it has a letter or a
 * digit. Words that carry no meaning of their own are left out, so a pair is two words that do ("want die").
 * Remembered: both models read the same English form of a message, most often.
 */
const contentWords = remembered((en: string): readonly string[] => contentWordsOf(en), 4);

function contentWordsOf(en: string): string[] {
  const words: string[] = [];
  let lettersOrDigits = false;
  let start = -1;
  for (let i = 0; i <= en.length; i++) {
    const c = i < en.length ? en.charCodeAt(i) : 0;
    const letterOrDigit = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    lettersOrDigits ||= letterOrDigit;
    if (letterOrDigit || c === 0x27) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = en.slice(start, i);
      if (!EN_FUNCTION_WORDS.has(word)) words.push(word);
      start = -1;
    }
  }
  return lettersOrDigits ? words : [];
}

const EN_FUNCTION_WORDS = new Set(
  'i me my mine myself you your yours we us our they them their he him his she her it its is am are was were be been being to the a an and or of in on at for with by from as will would shall should can could may might must do does did have has had just so this that these those there here then than very really also too'.split(' '),
);

/** A Chinese n-gram's number back to its characters. */
const hanText = (key: number): string =>
  key < 0x1_0000_0000 ? String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000) : String.fromCharCode(Math.floor(key / 0x1_0000_0000), Math.floor(key / 0x10000) % 0x10000, key % 0x10000);

/** The features of a text as the model's keys (for training). */
export function featuresOf(forms: Forms): Set<string> {
  const { han, words } = featureKeys(forms);
  return new Set([...han.map(hanText), ...words]);
}

/**
 * A model's weights laid out for reading texts, made once per model. Scoring reads two models for every message, in
 * between a hundred or so regular expressions that push the models out of the processor's caches, so it is memory
 * that a lookup waits for: the Chinese n-grams live in two open-addressed tables of integers, where a lookup reads
 * one cache line, not a hash map's chain of objects.
 */
interface Tables {
  /**
   * [key, value] for each pair of characters that has a weight or begins a 3-gram that has one. The value is
   * (the pair's n-gram number + 1) × 2, plus 1 where it begins a 3-gram.
   */
  pairs: Int32Array;
  /** [key, n-gram number] for each 3-gram, keyed by its first pair's place in `pairs` and its last character. */
  triples: Int32Array;
  /** The n-grams' keys and weights, in the order `featureKeys` lists them: an n-gram's number is its place there. */
  hanKeys: string[];
  hanWeights: Float64Array;
  words: Map<string, { weighed: Weighed | null; pairs: Map<string, Weighed> | null }>;
}
interface Weighed {
  key: string;
  weight: number;
}

/** Keys of Chinese characters (0x3400–0x9fff, 0x6c00 of them) that stay positive 32-bit integers. */
const pairKey = (a: number, b: number): number => (a - 0x3400) * 0x6c00 + (b - 0x3400) + 1;
const tripleKey = (pairPlace: number, c: number): number => (pairPlace + 1) * 0x6c00 + (c - 0x3400);

/** Where a key (a positive integer) is in an open-addressed table of [key, value], or −1. */
function placeOf(table: Int32Array, key: number): number {
  const mask = (table.length >> 1) - 1;
  for (let at = firstPlace(key, mask); ; at = (at + 1) & mask) {
    const k = table[2 * at];
    if (k === key) return at;
    if (k === 0) return -1;
  }
}
function insert(table: Int32Array, key: number, value: number): void {
  const mask = (table.length >> 1) - 1;
  let at = firstPlace(key, mask);
  while (table[2 * at] !== 0 && table[2 * at] !== key) at = (at + 1) & mask;
  table[2 * at] = key;
  table[2 * at + 1] = value;
}
/** The top bits of the key times a large odd number (Fibonacci hashing): keys close together land far apart. */
const firstPlace = (key: number, mask: number): number => Math.imul(key, 0x9e3779b1) >>> Math.clz32(mask);
/** A table for `n` entries, at most half full (a power of two of places, at least two). */
const tableFor = (n: number): Int32Array => new Int32Array(2 * 2 ** Math.ceil(Math.log2(2 * n + 2)));

const tables = new WeakMap<Model, Tables>();
function tablesOf(model: Model): Tables {
  const known = tables.get(model);
  if (known) return known;
  const words: Tables['words'] = new Map();
  const grams: Array<{ number: number; codes: number[]; key: string; weight: number }> = [];
  for (const [key, weight] of Object.entries(model.weights)) {
    // A weight of 0 adds nothing and explains nothing; a key no text's features can be is never met.
    if (weight === 0) continue;
    if (key.startsWith('w:')) {
      const [first = '', second, more] = key.slice(2).split(' ');
      if (more !== undefined) continue;
      let word = words.get(first);
      if (!word) words.set(first, (word = { weighed: null, pairs: null }));
      if (second === undefined) word.weighed = { key, weight };
      else (word.pairs ??= new Map()).set(second, { key, weight });
      continue;
    }
    const codes = [...key].map((c) => c.charCodeAt(0));
    if (codes.length !== key.length || !codes.every(isHan) || (codes.length !== 2 && codes.length !== 3)) continue;
    grams.push({ number: codes.length === 2 ? pairNumber(codes[0]!, codes[1]!) : tripleNumber(codes[0]!, codes[1]!, codes[2]!), codes, key, weight });
  }
  grams.sort((x, y) => x.number - y.number);
  const pairValues = new Map<number, number>();
  grams.forEach(({ codes }, n) => {
    const key = pairKey(codes[0]!, codes[1]!);
    pairValues.set(key, (pairValues.get(key) ?? 0) | (codes.length === 2 ? (n + 1) * 2 : 1));
  });
  const pairs = tableFor(pairValues.size);
  if (((pairs.length >> 1) + 1) * 0x6c00 > 0x7fffffff) throw new RangeError('too many pairs of characters for 32-bit keys');
  for (const [key, value] of pairValues) insert(pairs, key, value);
  const triples = tableFor(grams.length - pairValues.size);
  grams.forEach(({ codes }, n) => {
    if (codes.length === 3) insert(triples, tripleKey(placeOf(pairs, pairKey(codes[0]!, codes[1]!)), codes[2]!), n);
  });
  const made: Tables = { pairs, triples, hanKeys: grams.map((g) => g.key), hanWeights: Float64Array.from(grams, (g) => g.weight), words };
  tables.set(model, made);
  return made;
}

/** The features of a text that a model weighs, in the order `featureKeys` lists them: n-grams by number, then words. */
function weighedFeatures(t: Tables, { dense, en }: Forms): { han: number[]; words: Weighed[] } {
  const han: number[] = [];
  // The Chinese character before (−1 for none), and where the pair ending there is if it begins a 3-gram.
  let before = -1;
  let pairAt = -1;
  for (let i = 0; i < dense.length; i++) {
    const c = dense.charCodeAt(i);
    if (!isHan(c)) {
      before = -1;
      pairAt = -1;
      continue;
    }
    if (pairAt >= 0) {
      const at = placeOf(t.triples, tripleKey(pairAt, c));
      if (at >= 0) placeOnce(han, t.triples[2 * at + 1]!);
      pairAt = -1;
    }
    if (before >= 0) {
      const at = placeOf(t.pairs, pairKey(before, c));
      const value = at >= 0 ? t.pairs[2 * at + 1]! : 0;
      if (value >= 2) placeOnce(han, (value >> 1) - 1);
      if (value & 1) pairAt = at;
    }
    before = c;
  }
  const words: Weighed[] = [];
  const content = contentWords(en);
  for (let i = 0; i < content.length; i++) {
    const word = t.words.get(content[i]!);
    if (!word) continue;
    if (word.weighed && !words.includes(word.weighed)) words.push(word.weighed);
    const next = i + 1 < content.length ? word.pairs?.get(content[i + 1]!) : undefined;
    if (next && !words.includes(next)) words.push(next);
  }
  return { han, words };
}

/** Puts an n-gram's number in its place among those found, unless it is there: few of a text's n-grams have a weight. */
function placeOnce(found: number[], n: number): void {
  let at = found.length;
  while (at > 0 && found[at - 1]! > n) at--;
  if (at > 0 && found[at - 1] === n) return;
  found.push(n);
  for (let i = found.length - 1; i > at; i--) found[i] = found[i - 1]!;
  found[at] = n;
}

export function score(model: Model, forms: Forms): number {
  const t = tablesOf(model);
  const { han, words } = weighedFeatures(t, forms);
  let total = model.bias;
  for (const n of han) total += t.hanWeights[n]!;
  for (const w of words) total += w.weight;
  return total;
}

/** The score a model must pass: the strict one where a reading explained some of the words away. */
export const thresholdOf = (model: Model, strict = false): number => (strict ? (model.strictThreshold ?? model.threshold) : model.threshold);

export const predicts = (model: Model, forms: Forms, strict = false): boolean => score(model, forms) > thresholdOf(model, strict);

/** The features that moved the score most, for a reviewer to see why a line was read as it was. */
export function explainScore(model: Model, forms: Forms, top = 5): Array<[string, number]> {
  const t = tablesOf(model);
  const { han, words } = weighedFeatures(t, forms);
  return [...han.map((n): [string, number] => [t.hanKeys[n]!, t.hanWeights[n]!]), ...words.map((w): [string, number] => [w.key, w.weight])]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, top);
}

/**
 * Logistic regression over the binary features, by stochastic gradient descent with classes weighted equally and a
 * light L2 penalty. It learns what a feature adds given the others, so a word every kind of line shares (欠, 钱)
 * weighs little, which a naive Bayes count could not do: across writers it heard 5–9 points more of the despair and
 * agent lines at the same false alarms. Deterministic (a seeded shuffle, weights rounded), so training is a test.
 */
export function train(examples: Array<{ forms: Forms; positive: boolean }>, minCount = 2): Omit<Model, 'threshold'> {
  const rows = examples.map((e) => ({ features: [...featuresOf(e.forms)], positive: e.positive }));
  const seen = new Map<string, number>();
  for (const r of rows) for (const f of r.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const kept = rows.map((r) => ({ features: r.features.filter((f) => seen.get(f)! >= minCount), positive: r.positive }));
  const nPos = kept.filter((r) => r.positive).length;
  const weightOf = { true: kept.length / (2 * Math.max(1, nPos)), false: kept.length / (2 * Math.max(1, kept.length - nPos)) };
  const w = new Map<string, number>();
  let bias = 0;
  const order = kept.map((_, i) => i);
  let seed = 7;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // Fisher–Yates with a small LCG: the same order on every machine.
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = LEARNING_RATE / (1 + epoch * 0.2);
    for (const k of order) {
      const row = kept[k]!;
      let s = bias;
      for (const f of row.features) s += w.get(f) ?? 0;
      const gradient = ((row.positive ? 1 : 0) - 1 / (1 + Math.exp(-s))) * weightOf[`${row.positive}`];
      bias += rate * gradient;
      for (const f of row.features) {
        const now = w.get(f) ?? 0;
        w.set(f, now + rate * (gradient - L2 * now));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const f of [...w.keys()].sort()) {
    const rounded = Math.round(w.get(f)! * 1000) / 1000;
    if (rounded !== 0) weights[f] = rounded;
  }
  return { weights, bias: Math.round(bias * 1000) / 1000 };
}

const EPOCHS = 30;
const LEARNING_RATE = 0.2;
const L2 = 1e-4;
