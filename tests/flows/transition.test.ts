import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { LANGS, STEPS } from '../../src/domain/catalog.js';
import type { FlowEvent, FlowEventBody } from '../../flows/events.js';
import { caseMachine } from '../../flows/machine.js';
import { freshSnapshot, transitionCase, type CaseSnapshot } from '../../flows/persistence.js';
import { TODAY } from './drive.js';

/** Everything a person can send, with the answers and buttons that move the case through every step. */
const EVENTS: FlowEventBody[] = [
  { type: 'START' },
  { type: 'HUB' },
  { type: 'SUMMARY' },
  { type: 'STATEMENT' },
  { type: 'DELETE' },
  { type: 'HELP' },
  { type: 'PRIVACY' },
  { type: 'UNSUPPORTED' },
  { type: 'EDITED', text: '改一下' },
  { type: 'LANGUAGE' },
  { type: 'LANG', lang: 'en' },
  { type: 'LANG', lang: 'zh-CN' },
  { type: 'CHECKLIST_POSTED', messageId: 42 },
  { type: 'REMIND' },
  { type: 'REMINDERS' },
  { type: 'REMINDER', action: 'on', key: '' },
  { type: 'REMINDER', action: 's7', key: 'contact:2026-11-25' },
  ...STEPS.map((step): FlowEventBody => ({ type: 'OPEN', step })),
  ...[
    'continue', 'agree', 'decline', 'privacy', 'yes', 'no', 'back', 'skip', 'next', 'edit', 'hub', 'huabei', 'jiebei',
    'credit_card', 'cmb', 'job_loss', 'illness', 'edit:amount', 'edit:rate', 'edit:name', 'log', 'phone', 'today',
    'agreed', 'not_reached', 'again', 'submitted', 'approved', 'refused', 'retry', 'change', 'eating_out', 'tick:0',
    'tick:1', 'topic:collectors', 'requests', 'req:instalments', 'req:extension', 'complaint', 'refusal', 'english',
  ].map((value): FlowEventBody => ({ type: 'CHOOSE', value })),
  ...['5500', '5,500元', '45天', '0.05%', '2026年8月', '8000', '0', 'A1234', '12', '12月10日', '张三', '1234', '停息挂账', 'hello'].map(
    (text): FlowEventBody => ({ type: 'TEXT', text }),
  ),
];

/** What the engine reads from a step: the state, the stored context, and the actions with their parameters. */
const observable = ([snapshot, actions]: [CaseSnapshot, ReadonlyArray<{ type: string; params?: unknown }>]) => ({
  value: snapshot.value,
  status: snapshot.status,
  context: snapshot.context,
  actions: actions.map((a) => ({ type: a.type, params: a.params })),
});

describe('one case transition', () => {
  it.each(LANGS)('starts a %s case exactly as xstate’s initialTransition does', (lang) => {
    const ours = freshSnapshot(lang);
    const theirs = initialTransition(caseMachine, { lang })[0];
    expect(observable([ours, []])).toEqual(observable([theirs, []]));
  });

  it('gives the same next state and actions as xstate’s transition on every step of many generated paths', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGS),
        fc.array(fc.nat(EVENTS.length - 1), { minLength: 1, maxLength: 60 }),
        (lang, path) => {
          let ours = freshSnapshot(lang);
          let theirs = initialTransition(caseMachine, { lang })[0];
          for (const index of path) {
            const event = { ...EVENTS[index], today: TODAY } as FlowEvent;
            const a = transitionCase(ours, event);
            const b = transition(caseMachine, theirs, event);
            expect(observable(a)).toEqual(observable(b));
            [ours, theirs] = [a[0], b[0]];
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('returns each call its own list of actions', () => {
    const start = freshSnapshot('en');
    const [, first] = transitionCase(start, { type: 'HELP', today: TODAY });
    const [, second] = transitionCase(start, { type: 'PRIVACY', today: TODAY });
    expect(first.map((a) => a.params)).toEqual([{ key: 'help.body' }]);
    expect(second.map((a) => a.params)).toEqual([{ key: 'privacy.body' }]);
  });

  it('has a context factory that does not throw when xstate builds the machine without input', () => {
    const actor = createActor(caseMachine, { input: undefined as never });
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.lang).toBe('zh-CN');
  });
});
