import { normalise } from './normalise.js';

/**
 * A small naive Bayes model over character n-grams (Chinese) and word n-grams (English), trained from the tuning
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
}

/** The features of a text: Chinese character 2- and 3-grams, English words and word pairs. */
export function featuresOf(text: string): Set<string> {
  const { dense, en } = normalise(text);
  const out = new Set<string>();
  const han = dense.replace(/[^\u3400-\u9fff]+/g, '|');
  for (const run of han.split('|')) {
    for (let i = 0; i < run.length; i++) {
      if (i + 2 <= run.length) out.add(run.slice(i, i + 2));
      if (i + 3 <= run.length) out.add(run.slice(i, i + 3));
    }
    if (run.length === 1) out.add(run);
  }
  const words = en.replace(/[\u3400-\u9fff]+/g, ' ').split(/[^a-z0-9']+/).filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (i + 1 < words.length) out.add(`w:${words[i]} ${words[i + 1]}`);
  }
  return out;
}

export function score(model: Model, text: string): number {
  let total = model.bias;
  for (const f of featuresOf(text)) total += model.weights[f] ?? 0;
  return total;
}

export const predicts = (model: Model, text: string): boolean => score(model, text) > model.threshold;

/** The features that moved the score most, for a reviewer to see why a line was read as it was. */
export function explainScore(model: Model, text: string, top = 5): Array<[string, number]> {
  return [...featuresOf(text)]
    .map((f): [string, number] => [f, model.weights[f] ?? 0])
    .filter(([, w]) => w !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, top);
}

/** Binarised multinomial naive Bayes with add-one smoothing; features seen fewer than `minCount` times are dropped. */
export function train(examples: Array<{ text: string; positive: boolean }>, minCount = 2): Omit<Model, 'threshold'> {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let nPos = 0;
  let nNeg = 0;
  for (const e of examples) {
    const counts = e.positive ? pos : neg;
    if (e.positive) nPos++;
    else nNeg++;
    for (const f of featuresOf(e.text)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const vocab = new Set([...pos.keys(), ...neg.keys()]);
  const totalPos = [...pos.values()].reduce((a, b) => a + b, 0) + vocab.size;
  const totalNeg = [...neg.values()].reduce((a, b) => a + b, 0) + vocab.size;
  const weights: Record<string, number> = {};
  for (const f of [...vocab].sort()) {
    const p = pos.get(f) ?? 0;
    const n = neg.get(f) ?? 0;
    if (p + n < minCount) continue;
    const w = Math.log((p + 1) / totalPos) - Math.log((n + 1) / totalNeg);
    weights[f] = Math.round(w * 1000) / 1000;
  }
  return { weights, bias: Math.round(Math.log((nPos + 1) / (nNeg + 1)) * 1000) / 1000 };
}
