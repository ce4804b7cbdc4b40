import type { IsoDate, Lang, StepId } from '../src/domain/catalog.js';
import type { ReminderAction } from '../src/domain/reminders.js';
import type { PageEdit } from './page.js';
import type { ReminderSetting } from './reminders.js';

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
  /** A debt picked on the checklist, named by its id: the steps now work on it. */
  | { type: 'DEBT'; id: number }
  | { type: 'HUB' }
  | { type: 'SUMMARY' }
  /** The summary letter of every debt, asked for from the checklist. */
  | { type: 'LETTER' }
  | { type: 'STATEMENT' }
  | { type: 'DELETE' }
  | { type: 'HELP' }
  | { type: 'PRIVACY' }
  /** Something we cannot read (sticker, photo, voice…). */
  | { type: 'UNSUPPORTED' }
  /** An earlier message edited; `text` is its new text ('' for media), read only for care signals. */
  | { type: 'EDITED'; text: string }
  /** The engine posted the checklist message and reports its id so later changes can edit it in place. */
  | { type: 'CHECKLIST_POSTED'; messageId: number }
  /** A reminder job ran: the machine decides from the case whether there is anything to say today. */
  | { type: 'REMIND' }
  /** /reminders: what is scheduled, each with cancel and snooze. */
  | { type: 'REMINDERS' }
  /** A reminder button (valid from anywhere): turn on/off, cancel, snooze, or answer an instalment reminder. */
  | { type: 'REMINDER'; action: ReminderAction; key: string }
  /** Telegram refused a reminder with 403: the person blocked the bot. */
  | { type: 'REMINDERS_BLOCKED' }
  /** A field changed on the Mini App's page (valid from anywhere; the chat's question is not asked again). */
  | ({ type: 'PAGE_EDIT' } & PageEdit)
  /** "Send to chat" on the Mini App: this lender's statement as a document in the chat. */
  | { type: 'PAGE_SEND'; debt: number }
  /** A choice about reminders made on the Mini App (on, off, cancel or snooze one, the zone): as the chat's button. */
  | { type: 'PAGE_REMINDER'; action: ReminderSetting; key: string }
  /** "Delete my data" confirmed on the Mini App: as /delete confirmed in the chat. */
  | { type: 'PAGE_DELETE' };

export type FlowEvent = FlowEventBody & { today: IsoDate };
