import { LANGS, STEPS, type Lang, type StepId } from '../domain/catalog.js';
import { REMINDER_ACTIONS, isReminderKey, isZoneIndex, type ReminderAction } from '../domain/reminders.js';

/**
 * Button data is `1~<tag>~<value>`: a format version, the prompt it belongs to (or `g` for buttons that are valid
 * from anywhere: checklist, steps, language), and the choice. Anything else is refused as forged or out of date.
 */
const VERSION = '1';
const GLOBAL = 'g';
const TAG = /^[a-zA-Z.]{1,30}$/;
const VALUE = /^[a-zA-Z0-9_:.-]{1,59}$/;
/** A debt's id: a whole number, no leading zero. */
const DEBT_ID = /^(?:0|[1-9][0-9]{0,14})$/;
/** Telegram's limit for a button's data (it is ASCII here, so characters are bytes). */
const MAX_LENGTH = 64;

export type GlobalChoice =
  | { type: 'OPEN'; step: StepId }
  /**
   * The checklist's debt buttons name the debt by its id (`d:<id>`), so one from an old message still means the
   * same lender after another was removed.
   */
  | { type: 'DEBT'; id: number }
  | { type: 'HUB' }
  | { type: 'SUMMARY' }
  | { type: 'LETTER' }
  | { type: 'LANG'; lang: Lang }
  /**
   * Reminder buttons name the reminder itself (`kind:day:debt id`), so one from an old message still means the
   * same reminder of the same lender.
   */
  | { type: 'REMINDER'; action: ReminderAction; key: string };

export type DecodedData =
  | { kind: 'global'; event: GlobalChoice }
  | { kind: 'prompt'; tag: string; value: string }
  | { kind: 'invalid' };

export const promptData = (tag: string, value: string): string => {
  const data = `${VERSION}~${tag}~${value}`;
  if (!TAG.test(tag) || !VALUE.test(value) || data.length > MAX_LENGTH) throw new Error(`button data out of format: ${tag} ${value}`);
  return data;
};

export const globalData = (choice: GlobalChoice): string => {
  switch (choice.type) {
    case 'OPEN':
      return `${VERSION}~${GLOBAL}~open:${choice.step}`;
    case 'LANG':
      return `${VERSION}~${GLOBAL}~lang:${choice.lang}`;
    case 'DEBT':
      return `${VERSION}~${GLOBAL}~d:${choice.id}`;
    case 'HUB':
      return `${VERSION}~${GLOBAL}~hub`;
    case 'SUMMARY':
      return `${VERSION}~${GLOBAL}~summary`;
    case 'LETTER':
      return `${VERSION}~${GLOBAL}~letter`;
    case 'REMINDER':
      return `${VERSION}~${GLOBAL}~r:${choice.action}${choice.key ? `:${choice.key}` : ''}`;
  }
};

function decodeGlobal(value: string): GlobalChoice | null {
  if (value === 'hub') return { type: 'HUB' };
  if (value === 'summary') return { type: 'SUMMARY' };
  if (value === 'letter') return { type: 'LETTER' };
  if (value.startsWith('r:')) {
    const [, action = '', ...rest] = value.split(':');
    const key = rest.join(':');
    const keyOk = action === 'z' ? isZoneIndex(key) : key === '' || isReminderKey(key);
    if (!(REMINDER_ACTIONS as readonly string[]).includes(action) || !keyOk) return null;
    return { type: 'REMINDER', action: action as ReminderAction, key };
  }
  const [verb, arg] = value.split(':');
  if (verb === 'open' && (STEPS as readonly string[]).includes(arg ?? '')) return { type: 'OPEN', step: arg as StepId };
  if (verb === 'lang' && (LANGS as readonly string[]).includes(arg ?? '')) return { type: 'LANG', lang: arg as Lang };
  // Which debts exist is the machine's to check: a button from before a removal is answered there. The former
  // `debt:<place>` data named a place in the list, which a removal changes: refused as out of date.
  if (verb === 'd' && DEBT_ID.test(arg ?? '')) return { type: 'DEBT', id: Number(arg) };
  return null;
}

export function decodeData(data: string): DecodedData {
  if (data.length > MAX_LENGTH) return { kind: 'invalid' };
  const parts = data.split('~');
  if (parts.length !== 3 || parts[0] !== VERSION) return { kind: 'invalid' };
  const [, tag = '', value = ''] = parts;
  if (!VALUE.test(value)) return { kind: 'invalid' };
  if (tag === GLOBAL) {
    const event = decodeGlobal(value);
    return event ? { kind: 'global', event } : { kind: 'invalid' };
  }
  return TAG.test(tag) ? { kind: 'prompt', tag, value } : { kind: 'invalid' };
}
