import { describe, expect, it } from 'vitest';
import { explainScore, featuresOf, score, type Forms, type Model } from '../../src/domain/understanding/classifier.js';
import { withoutHyperbole } from '../../src/domain/understanding/crisis.js';
import models from '../../src/domain/understanding/models.json' with { type: 'json' };
import { normalise } from '../../src/domain/understanding/normalise.js';
import { loadCorpus } from './corpus.js';

/**
 * Scoring looks the model's weights up along the text rather than through the list of features training made:
 * whatever the lookup, a score is the bias plus the weight of each of the text's features, added in the order
 * `featuresOf` lists them (so not one bit of it differs), and the features explained are the heaviest of them.
 */
const texts = [...loadCorpus().map((l) => l.text), '药都攒够了', '笑死我了 lol', '㐀㐀㐀 𠀾𠀾 鿿鿿', 'w: w:w ww', "it's 3 o'clock"];
const formsOf = (text: string): Forms[] => {
  const { zh, en } = withoutHyperbole(text);
  return [normalise(text), { dense: zh, en }];
};
const byDefinition = (model: Model, forms: Forms) => {
  let total = model.bias;
  for (const f of featuresOf(forms)) total += model.weights[f] ?? 0;
  return total;
};
const heaviest = (model: Model, forms: Forms, top: number) =>
  [...featuresOf(forms)]
    .map((f): [string, number] => [f, model.weights[f] ?? 0])
    .filter(([, w]) => w !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, top);

describe.each(Object.entries(models))('the %s model', (_, model) => {
  it('scores every corpus line exactly as the sum of its features’ weights', () => {
    for (const text of texts) for (const forms of formsOf(text)) expect(score(model, forms)).toBe(byDefinition(model, forms));
  });

  it('explains every corpus line by its heaviest features, in the order they weigh', () => {
    for (const text of texts) for (const forms of formsOf(text)) expect(explainScore(model, forms, 8)).toEqual(heaviest(model, forms, 8));
  });
});

describe('a model made by hand', () => {
  const model: Model = { weights: { 我想: 1, 想死: 2, 我想死: 4, 不想: -1, 'w:die': 8, 'w:want die': 16 }, bias: 0.5, threshold: 0 };

  it('counts an n-gram or a word once however often it is said, and only inside a run of Chinese characters', () => {
    expect(score(model, { dense: '我想死我想死', en: '' })).toBe(0.5 + 1 + 2 + 4);
    expect(score(model, { dense: '我想x死', en: '' })).toBe(0.5 + 1);
    expect(score(model, { dense: '', en: 'want die die want die' })).toBe(0.5 + 8 + 16);
  });

  it('finds a 3-gram whose first pair has no weight of its own', () => {
    expect(score({ ...model, weights: { 我想死: 4 } }, { dense: '我想死', en: '' })).toBe(0.5 + 4);
  });
});
