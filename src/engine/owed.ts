import type { Keyboard, Reply } from '../render/reply.js';

/** Everything a turn shows the person: its replies, and the edit that brings the checklist message up to date. */
export interface TurnEffects {
  replies: Reply[];
  edit: { messageId: number; html: string; buttons: Keyboard } | null;
}

/**
 * The form kept in the outbox until sent. Documents travel as their model (plain JSON); the .docx is built again
 * when they are sent, so the outbox stays small.
 */
export const encodeEffects = (effects: TurnEffects): string => JSON.stringify(effects);

export const decodeEffects = (payload: string): TurnEffects => JSON.parse(payload) as TurnEffects;
