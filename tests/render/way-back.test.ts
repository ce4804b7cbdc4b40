import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { FlowEvent, FlowEventBody } from '../../flows/events.js';
import { debtOf, forLender } from '../../flows/case.js';
import { caseMachine } from '../../flows/machine.js';
import { STEPS } from '../../src/domain/catalog.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { decodeData } from '../../src/render/callback-data.js';
import { renderPrompt } from '../../src/render/prompts.js';
import { stateId } from '../../src/render/state-id.js';
import { TODAY } from '../flows/drive.js';

/**
 * Every screen that offers "← back to step N" must take the person there: the renderer adds the button wherever
 * "back to checklist" is, so each such state must answer it.
 */
describe('the way back to where one came from', () => {
  const ev = (e: FlowEventBody): FlowEvent => ({ ...e, today: TODAY });
  const events = [
    ...['continue', 'agree', 'decline', 'next', 'edit', 'hub', 'log', 'phone', 'today', 'agreed', 'submitted', 'approved', 'refused', 'requests', 'req:instalments', 'continue', 'complaint', 'refusal', 'skip', 'huabei', 'job_loss', 'eating_out'].map((value) =>
      ev({ type: 'CHOOSE', value }),
    ),
    ...STEPS.map((step) => ev({ type: 'OPEN', step })),
    ...['5500', '45天', '3000', '2500', '0', '张三', '11月20日'].map((text) => ev({ type: 'TEXT', text })),
  ];
  const snapshots = new Map(
    getShortestPaths(caseMachine, {
      input: { lang: 'zh-CN' },
      events,
      serializeState: (s) => JSON.stringify([s.value, s.context.consent, debtOf(s.context).amountFen === null, debtOf(s.context).plan.status]),
    }).map((p) => [stateId(p.state.value), p.state]),
  );
  const i18n = createI18n({ ttlDays: 90 });
  const t = translator(i18n, 'zh-CN');

  const offering = [...snapshots.entries()].flatMap(([id, snapshot]) => {
    const from = STEPS.find((s) => s !== id.split('.')[0])!;
    const whole = { ...snapshot.context, cameFrom: from };
    const reply = renderPrompt({ id, ctx: forLender(whole), whole, t, today: TODAY, translatorFor: (l) => translator(i18n, l) });
    const offers = reply?.kind === 'text' && (reply.buttons ?? []).flat().some((b) => {
      const d = decodeData(b.data);
      return d.kind === 'prompt' && d.value === 'return';
    });
    return offers ? [[id, from] as const] : [];
  });

  it('is offered on the step screens', () => {
    expect(offering.map(([id]) => id)).toEqual(expect.arrayContaining(['contact.script', 'evidence.list', 'rights.menu', 'track.guide', 'snowball.advice', 'caseSummary']));
  });

  it.each(offering)('%s → back to %s', (id, from) => {
    const snapshot = snapshots.get(id)!;
    const withFrom = caseMachine.resolveState({ value: snapshot.value, context: { ...snapshot.context, cameFrom: from } });
    const [next] = transition(caseMachine, withFrom, ev({ type: 'CHOOSE', value: 'return' }));
    expect(stateId(next.value).split('.')[0]).toBe(from);
    expect(next.context.cameFrom).toBeNull();
  });
});
