import type { IsoDate } from '../domain/catalog.js';
import type { Keyboard, Reply } from '../render/reply.js';
import type { FlowAction } from '../render/turn.js';

/** Everything a turn shows the person: its replies, and the edit that brings the checklist message up to date. */
export interface TurnEffects {
  replies: Reply[];
  edit: { messageId: number; html: string; buttons: Keyboard } | null;
}

/**
 * What the outbox keeps until the replies are sent: not the replies themselves but what they are rendered from
 * besides the committed case (the turn's actions, its day, whether the checklist is to be edited). Rendering is
 * pure, so the replies come out the same, documents included, and the outbox stays a few dozen bytes.
 */
export interface OwedTurn {
  actions: FlowAction[];
  today: IsoDate;
  edit: boolean;
}

/**
 * Written with every turn, so short: `d` the day, `a` the actions and `e` the edit only when there are any. An
 * outbox written by an older version (`{ actions, today, edit }`) still reads.
 */
export const encodeOwed = (actions: readonly FlowAction[], today: IsoDate, edit: boolean): string =>
  JSON.stringify({
    d: today,
    ...(actions.length > 0 ? { a: actions.map(({ type, params }) => (params === undefined ? { type } : { type, params })) } : {}),
    ...(edit ? { e: 1 } : {}),
  });

export function decodeOwed(payload: string): OwedTurn {
  const o = JSON.parse(payload) as (OwedTurn & { d?: undefined }) | { d: IsoDate; a?: FlowAction[]; e?: 1 };
  return o.d === undefined ? o : { actions: o.a ?? [], today: o.d, edit: o.e === 1 };
}
