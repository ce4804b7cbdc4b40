import { score, train, type Model } from '../../src/domain/understanding/classifier.js';
import { withoutHyperbole } from '../../src/domain/understanding/crisis.js';
import { heldOut, loadCorpus, type CorpusLine } from './corpus.js';

/**
 * What each model learns to recognise, from the tuning part only. Crisis lines, clear or ambiguous, against
 * everything else (hyperbole above all); paid-agent offers against everything else (own requests above all).
 */
const INTENTS = {
  crisis: (l: CorpusLine) => l.label === 'crisis' || l.label === 'crisis_ambiguous',
  agent: (l: CorpusLine) => l.label === 'paid_agent',
} as const;
/** The text each model sees, as the reading that asks it does (the crisis model never sees hyperbole). */
const SEEN: Record<keyof typeof INTENTS, (text: string) => string> = {
  crisis: (text) => {
    const { zh, en } = withoutHyperbole(text);
    return `${zh} ${en}`;
  },
  agent: (text) => text,
};
export type IntentModels = Record<keyof typeof INTENTS, Model>;

/**
 * The lines each model must not fire on, the hard cases: hyperbole and ordinary talk for despair; a person's own
 * request, a threat and ordinary talk for an agent. The threshold lets through at most this share of them.
 */
const HARD_NEGATIVES: Record<keyof typeof INTENTS, ReadonlySet<string>> = {
  crisis: new Set(['hyperbole', 'neutral']),
  agent: new Set(['own_request', 'threat', 'neutral']),
};
/**
 * Recall comes first for despair: the model only ever asks gently whether the person is safe, so it may ask on one
 * hard line in ten. An agent warning on a person's own request is a mistake that sends them away: one in fifty.
 */
const FALSE_ALARMS: Record<keyof typeof INTENTS, number> = { crisis: 0.1, agent: 0.02 };

function thresholdFor(examples: Array<{ text: string; positive: boolean; hard: boolean }>, falseAlarms: number): number {
  const folds = 5;
  const scored: Array<{ s: number; positive: boolean; hard: boolean }> = [];
  for (let k = 0; k < folds; k++) {
    const model = train(examples.filter((_, i) => i % folds !== k));
    examples.forEach((e, i) => {
      if (i % folds === k) scored.push({ s: score({ ...model, threshold: 0 }, e.text), positive: e.positive, hard: e.hard });
    });
  }
  const negatives = scored.filter((x) => !x.positive && x.hard).map((x) => x.s).sort((a, b) => b - a);
  const cut = negatives[Math.floor(negatives.length * falseAlarms)] ?? 0;
  return Math.round(cut * 1000) / 1000;
}

export function trainModels(): IntentModels {
  const tuning = loadCorpus().filter((l) => !l.heldOut && !heldOut(l.text));
  const out = {} as IntentModels;
  for (const [name, isIt] of Object.entries(INTENTS) as Array<[keyof typeof INTENTS, (l: CorpusLine) => boolean]>) {
    const examples = tuning.map((l) => ({ text: SEEN[name](l.text), positive: isIt(l), hard: HARD_NEGATIVES[name].has(l.label) }));
    out[name] = { ...train(examples.map(({ text, positive }) => ({ text, positive }))), threshold: thresholdFor(examples, FALSE_ALARMS[name]) };
  }
  return out;
}
