import { createActor, initialTransition, transition } from 'xstate';
import { debtOf } from '../../flows/case.js';
import type { FlowEvent, FlowEventBody } from '../../flows/events.js';
import { caseMachine } from '../../flows/machine.js';
import type { CaseSnapshot } from '../../flows/persistence.js';
import { stateId } from '../../src/render/state-id.js';

export const TODAY = '2026-11-24';

/** Drives the pure machine the way the engine does, and records the notices it asked for. */
export function drive(lang: 'zh-CN' | 'en' = 'zh-CN', today = TODAY) {
  let snapshot: CaseSnapshot = initialTransition(caseMachine, { lang })[0];
  let notices: string[] = [];
  let actionTypes: string[] = [];
  const api = {
    send(body: FlowEventBody) {
      const [next, actions] = transition(caseMachine, snapshot, { ...body, today } as FlowEvent);
      snapshot = next;
      actionTypes = actions.map((a) => a.type);
      notices = actions
        .filter((a) => a.type === 'notice')
        .map((a) => (a.params as { key: string }).key);
      return api;
    },
    choose: (value: string) => api.send({ type: 'CHOOSE', value }),
    text: (text: string) => api.send({ type: 'TEXT', text }),
    get state() {
      return stateId(snapshot.value);
    },
    get context() {
      return snapshot.context;
    },
    /** The debt the steps are working on. */
    get debt() {
      return debtOf(snapshot.context);
    },
    get notices() {
      return notices;
    },
    /** What the last event asked the engine to do, by kind. */
    get actions() {
      return actionTypes;
    },
    get snapshot() {
      return snapshot;
    },
  };
  return api;
}

/** Through the intro and consent, into step 1. */
export const consented = (lang: 'zh-CN' | 'en' = 'zh-CN') => drive(lang).choose('continue').choose('agree');

/** One debt's step-1 answers as typed and pressed: the product (and bank), the amount, how overdue, the rate. */
export interface DebtAnswers {
  product: string;
  bank?: string;
  amount: string;
  overdue: string;
  rate?: string;
}

/** The first debt, then the budget, to step 1's result. */
export const firstDebt = (d: ReturnType<typeof drive>, a: DebtAnswers) => {
  d.choose(a.product);
  if (a.bank) d.choose(a.bank);
  d.text(a.amount).text(a.overdue);
  if (a.rate) d.text(a.rate);
  return d;
};

/** Another debt from step 1's result: only its own questions are asked, then the result again. */
export const addDebt = (d: ReturnType<typeof drive>, a: DebtAnswers) => firstDebt(d.choose('addDebt'), a);

/** Logs one call for the current debt from its contact step: with an agent and what they said, or nobody reached. */
export const logCall = (d: ReturnType<typeof drive>, call: { agent: string; promise: string } | 'not_reached') =>
  call === 'not_reached'
    ? d.choose('log').choose('phone').choose('today').choose('not_reached').text('2026-12-01')
    : d.choose('log').choose('phone').choose('today').choose('callback').text(call.agent).text(call.promise).text('2026-12-01');

/**
 * Every state the events reach from the start, one snapshot per `key` (the first found), breadth first: each event
 * is tried in every state found. This is xstate/graph's walk without the paths, which the reachability test does not
 * need: that walk queues every edge in an array it takes from the front, quadratic in the tens of thousands of
 * states here, and `transition()` builds a throwaway actor per event; one scope serves the whole walk instead.
 */
export function reachable(events: readonly FlowEvent[], key: (s: CaseSnapshot) => string): Map<string, CaseSnapshot> {
  const input = { lang: 'zh-CN' } as const;
  const self = createActor(caseMachine, { input });
  // The machine spawns nothing and the walk reads only states, so the actions it asks for are dropped.
  const scope: Parameters<typeof caseMachine.transition>[2] = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
  };
  const start = initialTransition(caseMachine, input)[0];
  const found = new Map([[key(start), start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const state = queue[i]!;
    for (const event of events) {
      const next = caseMachine.transition(state, event, scope);
      // Most events change nothing in most states, and xstate then hands back the same snapshot.
      if (next === state) continue;
      const k = key(next);
      if (!found.has(k)) {
        found.set(k, next);
        queue.push(next);
      }
    }
  }
  return found;
}
