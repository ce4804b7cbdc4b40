import { buttonMeaning, selfRequest, threatTopics, unreadDespair } from '../src/domain/free-text.js';
import { parseMoney } from '../src/domain/money.js';
import { readAgent } from '../src/domain/understanding/agents.js';
import { readCrisis } from '../src/domain/understanding/crisis.js';
import { loadAnswersApart, loadCorpus, loadWritersApart } from '../tests/understanding/corpus.js';
import { evaluate, formatScores, type Score } from '../tests/understanding/evaluate.js';

/**
 * How well free text is understood, on the labelled corpus (tests/understanding/corpus): precision and recall per
 * intent and per answer question on the held-out 30 % that no rule was tuned on (or the tuning part, the only one
 * anyone may read line by line), and how long reading one message takes.
 */
export function understandingReport(opts: { tuning?: boolean; misses?: boolean; smoke?: boolean } = {}): string {
  const corpus = loadCorpus();
  const part = corpus.filter((l) => l.heldOut !== (opts.tuning ?? false));
  const scores = evaluate(part);
  const lines = [
    `Understanding, ${opts.tuning ? 'tuning part' : 'held-out part'}: ${part.length} of ${corpus.length} labelled lines`,
    '',
    formatScores(scores),
    '',
    `reading one message (every reading the flow makes, ${corpus.length} corpus lines): ${readingMicros(corpus.map((l) => l.text), opts.smoke ? 1 : 5).toFixed(1)} µs (goal ≤ 50 µs)`,
    '',
    writersApart(),
    '',
    answersApart(),
  ];
  if (opts.tuning && opts.misses) lines.push(...misses(scores));
  return lines.join('\n');
}

/** The scores on the writers kept apart, together and per writer (the statements' intents only: they wrote no answers). */
function writersApart(): string {
  const lines = loadWritersApart();
  const files = [...new Set(lines.map((l) => l.file))];
  const statements = (s: Score[]) => s.filter((x) => x.n > 0 && !x.name.startsWith('answer') && !x.name.startsWith('durations'));
  const pick = (s: Score[], name: string) => s.find((x) => x.name === name);
  const pct = (x: Score | undefined) => (x ? `${(x.rate * 100).toFixed(1)} %` : '–');
  const rows = files.map((file) => {
    const s = evaluate(lines.filter((l) => l.file === file));
    return `  ${file.padEnd(28)} despair cared for ${pct(pick(s, 'crisis: any care (reply or "are you safe?")'))}, agents warned ${pct(pick(s, 'paid agent: warned'))}, own requests not warned ${pct(pick(s, 'own request: not warned'))}`;
  });
  return [
    `Writers kept apart (never learned from nor tuned on): ${lines.length} lines by ${files.length} writers`,
    '',
    formatScores(statements(evaluate(lines))),
    '',
    ...rows,
  ].join('\n');
}

/** The lines kept out of the models' training: the readings on writers they were not written from. */
function answersApart(): string {
  const lines = loadAnswersApart();
  const part = (held: boolean) => formatScores(evaluate(lines.filter((l) => l.heldOut === held)).filter((s) => s.n > 0));
  return [
    `Lines kept out of the models' training (${new Set(lines.map((l) => l.file)).size} writers, never learned from): ${lines.length} lines`,
    '',
    'held-out part (only ever counted):',
    part(true),
    '',
    'tuning part:',
    part(false),
  ].join('\n');
}

const misses = (scores: Score[]) => scores.filter((s) => s.misses.length > 0).map((s) => `\n## ${s.name}\n${s.misses.map((m) => `  ${m}`).join('\n')}`);

/** Every reading the flow makes of one message: despair (and the lean of a line nothing read), an agent, a request, a threat, a button word, an amount. */
function readingMicros(texts: string[], rounds: number): number {
  const readAll = (suffix: string) => {
    for (const t of texts) {
      // A fresh text each round: what is remembered per text must not be what is timed.
      const text = t + suffix;
      readCrisis(text);
      unreadDespair(text);
      readAgent(text);
      selfRequest(text);
      threatTopics(text);
      buttonMeaning(text);
      parseMoney(text);
    }
  };
  readAll(' ');
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) readAll('.'.repeat(i + 1));
  return Number(process.hrtime.bigint() - started) / 1000 / (rounds * texts.length);
}
