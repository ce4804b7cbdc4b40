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

// Speed: every reading the flow makes of one message (despair, agent, request, threat, button word, a money answer).
import { readCrisis } from '../src/domain/understanding/crisis.js';
import { readAgent } from '../src/domain/understanding/agents.js';
import { buttonWord, selfRequest, threatTopics } from '../src/domain/free-text.js';
import { parseMoney } from '../src/domain/money.js';

const texts = corpus.map((l) => l.text);
const readAll = () => {
  for (const t of texts) {
    readCrisis(t);
    readAgent(t);
    selfRequest(t);
    threatTopics(t);
    buttonWord(t);
    parseMoney(t);
  }
};
readAll();
const rounds = process.argv.includes('--smoke') ? 1 : 5;
const started = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) readAll();
const perMessage = Number(process.hrtime.bigint() - started) / 1000 / (rounds * texts.length);
console.log(`\nreading one message (all readings, ${texts.length} corpus lines × ${rounds}): ${perMessage.toFixed(1)} µs (goal ≤ 50 µs)`);
