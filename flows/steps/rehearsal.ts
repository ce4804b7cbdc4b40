import { and } from 'xstate';
import { SCENARIOS, assessReply, spareFor, type ScenarioId } from '../../src/domain/rehearsal.js';
import { forLender } from '../case.js';
import { guard, update } from './define.js';
import { isChoice, notice, typedButtons, understood, unreadCare, urgent, valueOf, type Args, type Fragment } from './fragments.js';

/**
 * The call rehearsal inside the contact step: pick a hard line, answer it in one's own words and get at most two
 * tips, then the crib card. Its progress lives in `context.rehearsal` (so it can be left and resumed); it never
 * changes the facts or the plan.
 */

const scenarioOf = (value: string): ScenarioId | null => {
  const id = /^scenario:(\w+)$/.exec(value)?.[1];
  return id !== undefined && (SCENARIOS as readonly string[]).includes(id) ? (id as ScenarioId) : null;
};

export const guards = {
  isScenario: guard(({ event }) => scenarioOf(valueOf(event)) !== null),
  rehearsing: guard(({ context }) => context.rehearsal.scenario !== null),
  cardSaved: guard(({ context }) => context.rehearsal.cardSaved),
};

export const actions = {
  startScenario: update(({ context, event }) => {
    const scenario = scenarioOf(valueOf(event));
    return scenario ? { rehearsal: { ...context.rehearsal, scenario, turns: 0, shown: 'none', strengths: [], tips: [], statedFen: null } } : {};
  }),
  /** The answer is read against what this lender can be offered each month; only the reading is kept. */
  assessReply: update(({ context, event }) => {
    const scenario = context.rehearsal.scenario;
    if (scenario === null || event.type !== 'TEXT') return {};
    const a = assessReply(event.text, scenario, spareFor(forLender(context)));
    return {
      rehearsal: {
        ...context.rehearsal,
        turns: Math.min(context.rehearsal.turns + 1, 1_000),
        shown: 'assessed',
        strengths: a.strengths,
        tips: a.tips,
        // Kept only as far as the record allows: an absurd figure still gets its tip.
        statedFen: a.statedFen === null ? null : Math.min(a.statedFen, 100_000_000_000),
      },
    };
  }),
  showModel: update(({ context }) => ({ rehearsal: { ...context.rehearsal, shown: 'model' } })),
  saveCard: update(({ context }) => ({ rehearsal: { ...context.rehearsal, cardSaved: true } })),
};

/** Into the rehearsal from the contact step's screens (the script, a call logged). */
export const entries: Fragment = [
  { guard: isChoice('rehearse'), target: 'rehearse' },
  { guard: and([isChoice('card'), 'cardSaved']), target: 'card' },
];

const leave: Fragment = [
  { guard: isChoice('back'), target: 'script' },
  { guard: isChoice('hub'), target: '#case.hub' },
];

/** A screen of buttons: typed words are read for what matters (despair first), else the buttons are pointed to. */
const buttonsOnly: Fragment = [...understood(false), ...typedButtons(['hub', 'back'], 'meant'), ...unreadCare(), { actions: notice('input.useButtons') }];

export const states: Fragment = {
  rehearse: {
    on: {
      CHOOSE: [
        { guard: 'isScenario', target: 'practise', actions: 'startScenario' },
        { guard: and([isChoice('resume'), 'rehearsing']), target: 'practise' },
        ...leave,
        { actions: notice('input.notAChoice') },
      ],
      TEXT: buttonsOnly,
    },
  },
  practise: {
    on: {
      // Whatever is typed is the answer to the agent, except words of despair, answered as anywhere else.
      TEXT: [...urgent(true), ...typedButtons(['hub', 'back']), { actions: 'assessReply' }],
      CHOOSE: [
        { guard: isChoice('model'), actions: 'showModel' },
        { guard: isChoice('another'), target: 'rehearse' },
        { guard: isChoice('card'), target: 'card' },
        ...leave,
        { actions: notice('input.notAChoice') },
      ],
    },
  },
  card: {
    entry: 'saveCard',
    on: {
      CHOOSE: [
        // One file in the chat's language; in English it carries the Chinese to say aloud.
        { guard: isChoice('send'), actions: { type: 'deliverDocument', params: ({ context }: Args) => ({ kind: 'crib' as const, lang: context.lang }) } },
        { guard: isChoice('rehearse'), target: 'rehearse' },
        ...leave,
        { actions: notice('input.notAChoice') },
      ],
      TEXT: buttonsOnly,
    },
  },
};
