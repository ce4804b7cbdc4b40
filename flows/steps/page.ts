import { debtIndex } from '../case.js';
import { readPageEdit } from '../page.js';
import { description, guard, update } from './define.js';
import type { Args, Fragment } from './fragments.js';

/**
 * The Mini App's changes, valid in every state: an edited field is stored when the chat would have stored it as an
 * answer, and the chat is not asked its current question again (`fromPage`); the engine refreshes the checklist.
 */

export const guards = {
  validPageEdit: guard(({ context, event }) => event.type === 'PAGE_EDIT' && readPageEdit(context, event, event.today).ok),
  pageDebtExists: guard(({ context, event }) => event.type === 'PAGE_SEND' && context.consent === 'given' && debtIndex(context, event.debt) !== null),
};

export const actions = {
  /** Marks a turn that came from the page: its replies are only what it made (a document), never the question. */
  fromPage: description(),
  storePageEdit: update(({ context, event }) => {
    if (event.type !== 'PAGE_EDIT') return {};
    const r = readPageEdit(context, event, event.today);
    // An answer typed in the chat and asked back ("3 元？") is settled by the page's value.
    return r.ok ? { ...r.patch, pendingAnswer: null } : {};
  }),
};

export const rootHandlers: Fragment = {
  PAGE_EDIT: [{ guard: 'validPageEdit', actions: ['storePageEdit', 'fromPage'] }, { actions: 'fromPage' }],
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
};
