import type { IsoDate, Lang, StepId } from '../src/domain/catalog.js';

/**
 * Everything the conversation reacts to. The engine stamps each event with `today` (Asia/Shanghai), so the
 * machine never reads a clock.
 */
export type FlowEventBody =
  | { type: 'START' }
  | { type: 'TEXT'; text: string }
  /** A button of the current question; the engine has already checked it belongs to the current state. */
  | { type: 'CHOOSE'; value: string }
  | { type: 'LANG'; lang: Lang }
  /** Language picker asked for (/language): no state change, the picker is shown with the current question. */
  | { type: 'LANGUAGE' }
  | { type: 'OPEN'; step: StepId }
  /** A debt picked on the checklist: the steps now work on it. */
  | { type: 'DEBT'; index: number }
  | { type: 'HUB' }
  | { type: 'SUMMARY' }
  | { type: 'STATEMENT' }
  | { type: 'DELETE' }
  | { type: 'HELP' }
  | { type: 'PRIVACY' }
  /** Something we cannot read (sticker, photo, voice…). */
  | { type: 'UNSUPPORTED' }
  /** An earlier message edited; `text` is its new text ('' for media), read only for care signals. */
  | { type: 'EDITED'; text: string }
  /** The engine posted the checklist message and reports its id so later changes can edit it in place. */
  | { type: 'CHECKLIST_POSTED'; messageId: number };

export type FlowEvent = FlowEventBody & { today: IsoDate };
