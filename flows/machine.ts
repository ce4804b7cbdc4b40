import { setup } from 'xstate';
import type { Lang } from '../src/domain/catalog.js';
import { newCaseContext, type CaseContext } from './case.js';
import type { FlowEvent } from './events.js';
import { reminderHandlers } from './reminders.js';
import * as contact from './steps/contact.js';
import * as debts from './steps/debts.js';
import * as evidence from './steps/evidence.js';
import * as page from './steps/page.js';
import * as plan from './steps/plan.js';
import * as rehearsal from './steps/rehearsal.js';
import * as rights from './steps/rights.js';
import * as shared from './steps/shared.js';
import * as snowball from './steps/snowball.js';
import * as start from './steps/start.js';
import * as statement from './steps/statement.js';
import * as status from './steps/status.js';
import * as track from './steps/track.js';

export type { CareSignal } from './steps/fragments.js';

/**
 * The negotiation as one flat, persisted machine (DESIGN §3, §4): no delays, spawned actors or history states.
 * It decides and never calls anything: actions are descriptions (`notice`, `rememberLanguage`, …) that the
 * engine performs after the new state is committed. Prompts are not actions: the renderer derives the current
 * question from the state value.
 *
 * Each step lives in its own file under `steps/` (its states, guards and actions); this file only composes
 * them, so a new step or question goes in one place.
 */
export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as FlowEvent,
    input: {} as { lang: Lang },
  },
  guards: {
    ...shared.guards,
    ...debts.guards,
    ...status.guards,
    ...contact.guards,
    ...rehearsal.guards,
    ...plan.guards,
    ...evidence.guards,
    ...statement.guards,
    ...rights.guards,
    ...page.guards,
  },
  actions: {
    ...shared.actions,
    ...debts.actions,
    ...status.actions,
    ...contact.actions,
    ...rehearsal.actions,
    ...plan.actions,
    ...evidence.actions,
    ...statement.actions,
    ...page.actions,
  },
}).createMachine({
  id: 'case',
  // xstate's pure helpers build a throwaway actor without input: give it a context rather than a caught TypeError.
  context: ({ input }) => newCaseContext(input?.lang ?? 'zh-CN'),
  initial: 'intro',
  on: { ...shared.rootHandlers, ...debts.rootHandlers, ...reminderHandlers, ...page.rootHandlers },
  states: {
    ...start.states,
    ...debts.states,
    status: status.state,
    contact: contact.state,
    plan: plan.state,
    snowball: snowball.state,
    evidence: evidence.state,
    statement: statement.state,
    rights: rights.state,
    track: track.state,
  },
});

export type CaseMachine = typeof caseMachine;
