import { initialTransition, transition } from 'xstate';
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
  const api = {
    send(body: FlowEventBody) {
      const [next, actions] = transition(caseMachine, snapshot, { ...body, today } as FlowEvent);
      snapshot = next;
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
    get snapshot() {
      return snapshot;
    },
  };
  return api;
}

/** Through the intro and consent, into step 1. */
export const consented = (lang: 'zh-CN' | 'en' = 'zh-CN') => drive(lang).choose('continue').choose('agree');
