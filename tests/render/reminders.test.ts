import { describe, expect, it } from 'vitest';
import { emptyDebt, newCaseContext, type CaseContext } from '../../flows/case.js';
import type { ProductId } from '../../src/domain/catalog.js';
import { newReminderState, type Reminder } from '../../src/domain/reminders.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { renderReminder } from '../../src/render/reminders.js';

const TODAY = '2026-12-07';
const t = translator(createI18n({ ttlDays: 90 }), 'zh-CN');
const caseWith = (product: ProductId): CaseContext => ({
  ...newCaseContext('zh-CN'),
  consent: 'given',
  reminders: { ...newReminderState(), choice: 'on' },
  debts: [{ ...emptyDebt(0), product }],
});
const callBack: Reminder = { kind: 'contact', debt: 0, date: TODAY, key: `contact:${TODAY}`, about: TODAY };
const textOf = (c: CaseContext) => {
  const reply = renderReminder([callBack], c, t, TODAY);
  return reply.kind === 'text' ? reply.html : '';
};

describe('a call-back reminder', () => {
  it('names the hotline when its number is well sourced (花呗: 95188)', () => {
    expect(textOf(caseWith('huabei'))).toContain('今天该再联系花呗（95188）了');
  });

  it('names only the lender when the number is not confirmed for it (美团月付: Meituan’s general line, FACTS §8.4)', () => {
    const text = textOf(caseWith('meituan_yuefu'));
    expect(text).toContain('今天该再联系美团月付了');
    expect(text).not.toContain('10107888');
  });
});
