/**
 * How well free text is understood, measured on the labelled corpus (tests/understanding/corpus): precision and
 * recall per intent, and per answer question, on the held-out 30 % that no rule was tuned on. `--tuning` prints the
 * tuning part's scores and misses instead (the only part anyone may look at line by line).
 */
import { loadCorpus } from '../tests/understanding/corpus.js';
import { evaluate, formatScores } from '../tests/understanding/evaluate.js';

const tuning = process.argv.includes('--tuning');
const corpus = loadCorpus();
const part = corpus.filter((l) => l.heldOut !== tuning);
const scores = evaluate(part);
console.log(`Understanding, ${tuning ? 'tuning part' : 'held-out part'}: ${part.length} of ${corpus.length} labelled lines\n`);
console.log(formatScores(scores));
if (tuning && process.argv.includes('--misses')) {
  for (const s of scores.filter((x) => x.misses.length > 0)) console.log(`\n## ${s.name}\n${s.misses.map((m) => `  ${m}`).join('\n')}`);
}
