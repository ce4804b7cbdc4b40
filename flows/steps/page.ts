import { debtIndex } from '../case.js';
import { readPageChange } from '../page.js';
import { description, guard, update } from './define.js';
import type { Args, Fragment } from './fragments.js';

/**
 * The Mini App's changes, valid in every state: an edited field or a reminder choice is stored when the chat would
 * have stored it as an answer or a button, and the chat is not asked its current question again (`fromPage`); the
 * engine refreshes the checklist.
 */

export const guards = {
  validPageChange: guard(({ context, event }) => readPageChange(context, event)?.ok === true),
  pageDebtExists: guard(({ context, event }) => event.type === 'PAGE_SEND' && context.consent === 'given' && debtIndex(context, event.debt) !== null),
};

export const actions = {
  /** Marks a turn that came from the page: its replies are only what it made (a document), never the question. */
  fromPage: description(),
  storePageChange: update(({ context, event }) => {
    const r = readPageChange(context, event);
    // An answer typed in the chat and asked back ("3 元？") is settled by the page's value.
    return r?.ok ? { ...r.patch, ...(event.type === 'PAGE_EDIT' ? { pendingAnswer: null } : {}) } : {};
  }),
};

const stored = [{ guard: 'validPageChange', actions: ['storePageChange', 'fromPage'] }, { actions: 'fromPage' }];

export const rootHandlers: Fragment = {
  PAGE_EDIT: stored,
  PAGE_REMINDER: stored,
  PAGE_SEND: [
    {
      guard: 'pageDebtExists',
      actions: [
        { type: 'deliverDocument', params: ({ event }: Args) => ({ kind: 'statement' as const, lang: 'zh-CN' as const, debt: event.type === 'PAGE_SEND' ? event.debt : undefined }) },
        'fromPage',
      ],
    },
    { actions: 'fromPage' },
  ],
  // Confirmed on the page: the engine deletes everything, as after /delete, and says so in the chat.
  PAGE_DELETE: { target: '.deleted', actions: ['deleteEverything', 'fromPage'] },
};
