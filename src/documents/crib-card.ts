import type { TFunction } from 'i18next';
import type { LenderCase } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { HOTLINES } from '../domain/facts.js';
import { formatFen } from '../domain/money.js';
import { SCENARIOS, spareFor } from '../domain/rehearsal.js';
import { callScriptParts, lenderChannel } from './call-script.js';
import { productName } from './names.js';
import type { DocLang, DocModel } from './model.js';

/**
 * The crib card: one screen to keep by the phone, built from the case. The opening line, the amount and its
 * reason, the three asks, what to write down, an answer to each hard line, and where to complain. In English the
 * words to say are given in Chinese too (`zh`), since the agent speaks Chinese.
 */
export function composeCribCard(ctx: LenderCase, lang: DocLang, t: TFunction, today: IsoDate, zh?: TFunction): DocModel {
  const plain = { interpolation: { escapeValue: false } };
  const tx = (key: string, vars: Record<string, string | number> = {}) => t(`rehearsal.card.${key}`, { ...vars, ...plain });
  const spare = spareFor(ctx);
  const amountIn = (l: DocLang, tr: TFunction) => (spare !== null && spare > 0 ? formatFen(spare, l) : tr('rehearsal.amountBlank'));
  const script = callScriptParts(ctx, t, today);
  const zhScript = zh && lang !== 'zh-CN' ? callScriptParts({ ...ctx, lang: 'zh-CN' }, zh, today) : null;
  /** A line to say aloud, with its Chinese beside it in an English card. */
  const say = (text: string, chinese: string | null) => (chinese === null ? text : `${text}\n${t('rehearsal.inChinese')}${chinese}`);
  const reply = (s: (typeof SCENARIOS)[number]) =>
    say(
      tx(`reply.${s}`, { amount: amountIn(lang, t) }),
      zh && lang !== 'zh-CN' ? zh(`rehearsal.card.reply.${s}`, { amount: amountIn('zh-CN', zh), ...plain }) : null,
    );
  return {
    kind: 'crib',
    lang,
    title: tx('title', { lender: productName(ctx, t, true) }),
    filename: tx('filename'),
    lender: productName(ctx, t, true),
    author: t('documents.author', plain),
    blocks: [
      { type: 'heading', text: tx('opening') },
      { type: 'paragraph', text: say(script.opening, zhScript?.opening ?? null) },
      { type: 'heading', text: tx('situation') },
      { type: 'paragraph', text: say(script.situation, zhScript?.situation ?? null) },
      { type: 'heading', text: tx('asks') },
      { type: 'list', items: [tx(script.extension ? 'askExtension' : 'askPlan'), tx('askFees'), tx('askWritten')] },
      { type: 'heading', text: tx('note') },
      { type: 'list', items: [tx('noteTime'), tx('noteAgent'), tx('notePromise')] },
      { type: 'heading', text: tx('hard') },
      { type: 'list', items: SCENARIOS.map((s) => tx('hardLine', { scenario: t(`rehearsal.scenario.${s}`, plain), reply: reply(s) })) },
      { type: 'heading', text: tx('complain') },
      {
        type: 'list',
        items: [tx('complainLender', { channel: lenderChannel(ctx, t) }), tx('complainNfra', { number: HOTLINES.nfraComplaints.number })],
      },
    ],
  };
}
