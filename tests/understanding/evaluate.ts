import { readCrisis } from '../../src/domain/understanding/crisis.js';
import { readAgent } from '../../src/domain/understanding/agents.js';
import { selfRequest, threatTopics, unreadDespair } from '../../src/domain/free-text.js';
import type { AnswerLine, CorpusLine, StatementLine } from './corpus.js';
import { readAnswerLine } from './answers.js';

/**
 * What the bot makes of one statement typed at the checklist (or at a question it does not answer): the readings the
 * flow acts on, in its order. Despair first; then an agent, a request, a threat or a button's meaning; a line none of
 * them read that leans towards despair is asked gently whether the person is safe, not told it was not understood.
 */
export function readStatement(text: string) {
  const crisis = readCrisis(text);
  return {
    crisis: crisis?.level === 'crisis',
    anyCrisis: crisis !== null || unreadDespair(text) !== null,
    agent: readAgent(text) !== null,
    selfAsk: selfRequest(text) !== null,
    threat: threatTopics(text)[0] ?? null,
  };
}

export interface Score {
  name: string;
  /** Lines the score is about. */
  n: number;
  /** Share of them read as they should be (recall), or, for a rate of mistakes, the share read wrongly. */
  rate: number;
  /** For an intent: of all lines read as it, the share that are it. */
  precision?: number;
  misses: string[];
}

const share = (hits: number, n: number) => (n === 0 ? 1 : hits / n);

function score(name: string, lines: CorpusLine[], ok: (l: CorpusLine) => boolean, precision?: { predicted: (l: CorpusLine) => boolean; all: CorpusLine[]; positive: (l: CorpusLine) => boolean }): Score {
  const misses = lines.filter((l) => !ok(l)).map((l) => l.text);
  const predicted = precision ? precision.all.filter(precision.predicted) : [];
  return {
    name,
    n: lines.length,
    rate: share(lines.length - misses.length, lines.length),
    ...(precision ? { precision: share(predicted.filter(precision.positive).length, predicted.length) } : {}),
    misses,
  };
}

/** Every score the issue names, over the given lines (the held-out part, or the tuning part). */
export function evaluate(lines: CorpusLine[]): Score[] {
  const statements = lines.filter((l): l is StatementLine => l.label !== 'answer');
  const answers = lines.filter((l): l is AnswerLine => l.label === 'answer');
  const read = new Map(statements.map((l) => [l, readStatement(l.text)]));
  const r = (l: CorpusLine) => read.get(l as StatementLine)!;
  const is = (...labels: string[]) => statements.filter((l) => labels.includes(l.label));
  const crisisLike = (l: CorpusLine) => l.label === 'crisis' || l.label === 'crisis_ambiguous';

  const scores: Score[] = [
    score('crisis: the crisis reply', is('crisis'), (l) => r(l).crisis, { predicted: (l) => r(l).crisis, all: statements, positive: crisisLike }),
    score('crisis: any care (reply or "are you safe?")', is('crisis', 'crisis_ambiguous'), (l) => r(l).anyCrisis, {
      predicted: (l) => r(l).anyCrisis,
      all: statements,
      positive: crisisLike,
    }),
    score('hyperbole: no crisis reply', is('hyperbole'), (l) => !r(l).crisis),
    score('hyperbole: not even "are you safe?"', is('hyperbole'), (l) => !r(l).anyCrisis),
    score('paid agent: warned', is('paid_agent'), (l) => r(l).agent, { predicted: (l) => r(l).agent, all: statements, positive: (l) => l.label === 'paid_agent' }),
    score('own request: not warned', is('own_request'), (l) => !r(l).agent),
    score('own request: helped as a request', is('own_request'), (l) => r(l).selfAsk),
    score('threat: rights topic opened', is('threat'), (l) => r(l).threat !== null, {
      predicted: (l) => r(l).threat !== null,
      all: statements,
      positive: (l) => l.label === 'threat',
    }),
    score('threat: the right topic first', is('threat'), (l) => r(l).threat === (l as StatementLine).topic),
    score('neutral: nothing read into it', is('neutral'), (l) => !r(l).crisis && !r(l).agent && r(l).threat === null),
    score('neutral: not even "are you safe?"', is('neutral'), (l) => !r(l).anyCrisis),
  ];
  const byQuestion = new Map<string, AnswerLine[]>();
  for (const a of answers) byQuestion.set(a.question, [...(byQuestion.get(a.question) ?? []), a]);
  for (const [q, list] of [...byQuestion].sort(([a], [b]) => a.localeCompare(b))) {
    scores.push(score(`answer: ${q}`, list, (l) => readAnswerLine(l as AnswerLine).ok));
  }
  scores.push(
    score(
      'durations, terms and dates never taken as money',
      answers.filter((a) => MONEY_QUESTIONS.has(a.question) && typeof a.expect.reject === 'string' && a.expect.reject !== 'unclear'),
      (l) => !readAnswerLine(l as AnswerLine).tookMoney,
    ),
  );
  return scores;
}

export const MONEY_QUESTIONS = new Set(['amount', 'income', 'essentials', 'planMonthly', 'otherDebts', 'minimum']);

export function formatScores(scores: Score[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return scores
    .map((s) => `${s.name.padEnd(52)} ${String(s.n).padStart(4)}  ${pct(s.rate).padStart(8)}${s.precision !== undefined ? `   precision ${pct(s.precision)}` : ''}`)
    .join('\n');
}
