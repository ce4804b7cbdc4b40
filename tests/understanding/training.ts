import { score, train, type Forms, type Model } from '../../src/domain/understanding/classifier.js';
import { despairForms } from '../../src/domain/understanding/crisis.js';
import { normalise } from '../../src/domain/understanding/normalise.js';
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
const SEEN: Record<keyof typeof INTENTS, (text: string) => Forms> = {
  crisis: despairForms,
  agent: (text) => normalise(text),
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
 * hard line in ten. An agent warning on a person's own request is a mistake that sends them away, yet an agent
 * missed costs money: about one in thirty. Where hyperbole was taken out of a line ("急死了，明天就到期"), what is
 * left must be clearly despair: at most one hyperbole line in fifty is asked.
 */
const FALSE_ALARMS: Record<keyof typeof INTENTS, number> = { crisis: 0.1, agent: 0.03 };
const FALSE_ALARMS_AFTER_HYPERBOLE = 0.02;
/** The model alone gives the crisis reply itself only where at most one hard line in a hundred scores as high. */
const CRISIS_REPLY_FALSE_ALARMS = 0.01;
/**
 * Where nothing else was read in a line and the bot would only say it did not understand, asking gently whether the
 * person is safe costs them little: there the model may ask on one hard line in four (a bar below zero, where a line
 * is less like despair than unlike it, but more like it than most ordinary lines are). Before the corpus held ordinary
 * chat (voices-chat), one in four asked twice as many of a fresh writer's ordinary lines as one in five ("我在送外卖呢，
 * 等会回你", "I'm flying to Melbourne next week"); with it, one in four hears more despair and asks fewer of them.
 */
const LEAN_FALSE_ALARMS = 0.25;

/** Each example's score from a model that did not learn it (five folds): thresholds are set on these. */
function outOfFold(examples: Array<{ forms: Forms; positive: boolean }>): number[] {
  const folds = 5;
  const scores: number[] = new Array<number>(examples.length);
  for (let k = 0; k < folds; k++) {
    const model = { ...train(examples.filter((_, i) => i % folds !== k)), threshold: 0 };
    examples.forEach((e, i) => {
      if (i % folds === k) scores[i] = score(model, e.forms);
    });
  }
  return scores;
}

/**
 * The score above which only this share of the chosen negatives lies; never below the floor: zero unless told, where
 * the model (its classes weighed equally) finds the line no more like the intent than unlike it ("好吧，那我想办法今天全还").
 */
function cutAt(scores: number[], negatives: boolean[], share: number, floor = 0): number {
  const sorted = scores.filter((_, i) => negatives[i]).sort((a, b) => b - a);
  return Math.max(floor, Math.round((sorted[Math.floor(sorted.length * share)] ?? 0) * 1000) / 1000);
}

export function trainModels(): IntentModels {
  const tuning = loadCorpus().filter((l) => !l.heldOut && !heldOut(l.text));
  const out = {} as IntentModels;
  for (const [name, isIt] of Object.entries(INTENTS) as Array<[keyof typeof INTENTS, (l: CorpusLine) => boolean]>) {
    const examples = tuning.map((l) => ({ forms: SEEN[name](l.text), positive: isIt(l) }));
    const scores = outOfFold(examples);
    const negatives = (is: (l: CorpusLine) => boolean) => tuning.map((l) => !isIt(l) && is(l));
    const hard = negatives((l) => HARD_NEGATIVES[name].has(l.label));
    out[name] = {
      ...train(examples),
      threshold: cutAt(scores, hard, FALSE_ALARMS[name]),
      ...(name === 'crisis'
        ? {
            strictThreshold: cutAt(scores, negatives((l) => l.label === 'hyperbole'), FALSE_ALARMS_AFTER_HYPERBOLE),
            crisisThreshold: cutAt(scores, hard, CRISIS_REPLY_FALSE_ALARMS),
            leanThreshold: Math.min(cutAt(scores, hard, FALSE_ALARMS.crisis), cutAt(scores, hard, LEAN_FALSE_ALARMS, -Infinity)),
          }
        : {}),
    };
  }
  return out;
}
