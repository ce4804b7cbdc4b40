/**
 * Trains the free-text models from the tuning part of the corpus and writes them to
 * src/domain/understanding/models.json. The held-out part is never read here. Thresholds are chosen from
 * five-fold out-of-fold scores on the tuning part, so they are not set on lines the model has seen.
 * Run: npm run train:understanding (a test fails when the committed models differ from what this produces).
 */
import { writeFileSync } from 'node:fs';
import { trainModels } from '../tests/understanding/training.js';

const models = trainModels();
writeFileSync(new URL('../src/domain/understanding/models.json', import.meta.url), `${JSON.stringify(models)}\n`);
for (const [name, m] of Object.entries(models)) console.log(`${name}: ${Object.keys(m.weights).length} features, threshold ${m.threshold}`);
