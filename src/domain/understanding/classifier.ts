import type { Normalised } from './normalise.js';

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
}

/**
 * Every feature of a text, once each: Chinese character 2- and 3-grams (a lone character carries no meaning of its
 * own: "了" left after "笑死" is taken out), as numbers made of their UTF-16 units so no string is made per n-gram;
 * English words and pairs of them as "w:…".
 */
function featureKeys({ dense, en }: Forms): { han: number[]; words: string[] } {
  const han: number[] = [];
  let run = 0;
  for (let i = 0; i < dense.length; i++) {
    const c = dense.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) {
      run = 0;
      continue;
    }
    run++;
    if (run >= 2) han.push(dense.charCodeAt(i - 1) * 0x10000 + c);
    if (run >= 3) han.push(dense.charCodeAt(i - 2) * 0x1_0000_0000 + dense.charCodeAt(i - 1) * 0x10000 + c);
  }
  // Once each: sorted, then the repeats dropped in place.
  han.sort((x, y) => x - y);
  let kept = 0;
  for (let i = 0; i < han.length; i++) if (i === 0 || han[i] !== han[i - 1]) han[kept++] = han[i]!;
  han.length = kept;
  if (!/[a-z0-9]/.test(en)) return { han, words: [] };
  // Words that carry no meaning of their own are left out, so a pair is two words that do ("want die", "want pay").
  const content = en.replace(/[\u3400-\u9fff]+/g, ' ').split(/[^a-z0-9']+/).filter((w) => w.length > 0 && !EN_FUNCTION_WORDS.has(w));
  const words = new Set<string>();
  for (let i = 0; i < content.length; i++) {
    words.add(`w:${content[i]}`);
    if (i + 1 < content.length) words.add(`w:${content[i]} ${content[i + 1]}`);
  }
  return { han, words: [...words] };
}

const EN_FUNCTION_WORDS = new Set(
  'i me my mine myself you your yours we us our they them their he him his she her it its is am are was were be been being to the a an and or of in on at for with by from as will would shall should can could may might must do does did have has had just so this that these those there here then than very really also too'.split(' '),
);

/** A Chinese n-gram's number back to its characters (and a model's key to that number). */
const hanText = (key: number): string =>
  key < 0x1_0000_0000 ? String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000) : String.fromCharCode(Math.floor(key / 0x1_0000_0000), Math.floor(key / 0x10000) % 0x10000, key % 0x10000);
const hanKey = (gram: string): number => [...gram].reduce((k, c) => k * 0x10000 + c.charCodeAt(0), 0);

/** The features of a text as the model's keys (for training and for explaining). */
export function featuresOf(forms: Forms): Set<string> {
  const { han, words } = featureKeys(forms);
  return new Set([...han.map(hanText), ...words]);
}

/** A model's weights in maps, made once per model: scoring then looks numbers up without building strings. */
const prepared = new WeakMap<Model, { han: Map<number, number>; words: Map<string, number> }>();
function weightsOf(model: Model) {
  let p = prepared.get(model);
  if (!p) {
    p = { han: new Map(), words: new Map() };
    for (const [f, w] of Object.entries(model.weights)) {
      if (f.startsWith('w:')) p.words.set(f, w);
      else p.han.set(hanKey(f), w);
    }
    prepared.set(model, p);
  }
  return p;
}

export function score(model: Model, forms: Forms): number {
  const { han, words } = weightsOf(model);
  const keys = featureKeys(forms);
  let total = model.bias;
  for (const key of keys.han) total += han.get(key) ?? 0;
  for (const key of keys.words) total += words.get(key) ?? 0;
  return total;
}

export const predicts = (model: Model, forms: Forms, strict = false): boolean =>
  score(model, forms) > (strict ? (model.strictThreshold ?? model.threshold) : model.threshold);

/** The features that moved the score most, for a reviewer to see why a line was read as it was. */
export function explainScore(model: Model, forms: Forms, top = 5): Array<[string, number]> {
  return [...featuresOf(forms)]
    .map((f): [string, number] => [f, model.weights[f] ?? 0])
    .filter(([, w]) => w !== 0)
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
