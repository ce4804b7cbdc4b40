import { describe, expect, it } from 'vitest';
import { freshUpdateId } from '../../src/engine/inbound.js';
import { htmlToPlain } from '../../src/render/html.js';
import { todayIn } from '../../src/engine/clock.js';
import { translator } from '../../src/i18n/index.js';
import { caseView } from '../../src/render/case-view.js';
import { createBotHarness, type HarnessUser } from '../support/bot-harness.js';
import { asCase } from '../support/stored.js';
import { walk } from '../support/walks.js';

/** A person behind on 花呗 and 借呗 with the checklist posted: what the Mini App's changes arrive at. */
async function twoDebts(id: number) {
  const h = createBotHarness();
  const u = h.user(id, 'zh-hans');
  await walk.toStepOneResult(u, { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: '2026年8月', income: '6000', essentials: '3500', otherDebts: '0' });
  await walk.addDebt(u, { product: '借呗', amount: '12000', overdue: '30天', rate: null });
  await u.send('/checklist');
  // The checklist's message id is written just after it is sent.
  await h.engine.idle(1_000);
  return { h, u };
}

type Harness = ReturnType<typeof createBotHarness>;
const version = async (h: Harness, u: HarnessUser) => (await h.store.load(u.id))!.version;
const edit = (h: Harness, u: HarnessUser, e: { field: string; debt: number | null; text: string }, expectedVersion: number) =>
  h.engine.handle({ chatId: u.id, userId: u.id, updateId: freshUpdateId(), paced: true, expectedVersion, input: { kind: 'pageEdit', ...e } });

describe('a change made on the Mini App', () => {
  it('is stored as the chat would store the answer, and the checklist message is edited in place with the new total and split', async () => {
    const { h, u } = await twoDebts(91_001);
    const calls = h.calls.length;
    const checklistId = asCase((await h.store.load(u.id))!.snapshot).checklistMessageId;
    expect(await edit(h, u, { field: 'amount', debt: 0, text: '1.2万' }, await version(h, u))).toBe('handled');
    expect(asCase((await h.store.load(u.id))!.snapshot).debts[0]!.amountFen).toBe(1_200_000);
    const after = h.calls.slice(calls);
    // No question asked again in the chat: only the checklist, edited where it is.
    expect(after.map((c) => c.method)).toEqual(['editMessageText']);
    expect(after[0]!.payload.message_id).toBe(checklistId);
    const text = htmlToPlain(String(after[0]!.payload.text));
    expect(text).toContain('一共 24,000 元');
    // 2,500 a month shared in proportion: 12,000 of 24,000 each.
    expect(text).toContain('1,250 元');
  });

  it('shows each field as a person would type it, and saving it unchanged changes nothing', async () => {
    const { h, u } = await twoDebts(91_008);
    const before = asCase((await h.store.load(u.id))!.snapshot);
    const view = caseView(await h.store.load(u.id), (l) => translator(h.i18n, l), todayIn(h.clock.now()))!;
    // Days overdue were given: shown as days, counted to today.
    expect(view.debts[0]!.fields).toMatchObject({ product: 'huabei', amount: '5500', overdue: '45天' });
    for (const field of ['product', 'amount', 'overdue'] as const) {
      expect(await edit(h, u, { field, debt: 0, text: view.debts[0]!.fields[field] }, await version(h, u))).toBe('handled');
    }
    expect(asCase((await h.store.load(u.id))!.snapshot).debts).toEqual(before.debts);
    // A missed date given: shown as that date.
    await edit(h, u, { field: 'overdue', debt: 0, text: '10月9日' }, await version(h, u));
    const again = caseView(await h.store.load(u.id), (l) => translator(h.i18n, l), todayIn(h.clock.now()))!;
    expect(again.debts[0]!.fields.overdue).toBe('2026年10月9日');
  });

  it('reads amounts in words as the chat does', async () => {
    const { h, u } = await twoDebts(91_002);
    expect(await edit(h, u, { field: 'income', debt: null, text: '五千五' }, await version(h, u))).toBe('handled');
    expect(asCase((await h.store.load(u.id))!.snapshot).facts.incomeFen).toBe(550_000);
  });

  it('made against a case the chat has moved on from is a conflict: nothing is applied and nothing is sent', async () => {
    const { h, u } = await twoDebts(91_003);
    const seen = await version(h, u);
    await u.send('/checklist');
    const calls = h.calls.length;
    expect(await edit(h, u, { field: 'amount', debt: 0, text: '9000' }, seen)).toBe('conflict');
    expect(asCase((await h.store.load(u.id))!.snapshot).debts[0]!.amountFen).toBe(550_000);
    expect(h.calls.length).toBe(calls);
  });

  it('that the chat would refuse changes nothing, and says why as the chat would', async () => {
    const { h, u } = await twoDebts(91_004);
    const before = asCase((await h.store.load(u.id))!.snapshot);
    const refused = async (e: { field: string; debt: number | null; text: string }) =>
      h.engine.handlePage({ chatId: u.id, userId: u.id, updateId: freshUpdateId(), paced: true, expectedVersion: await version(h, u), input: { kind: 'pageEdit', ...e } });
    expect(await refused({ field: 'amount', debt: 0, text: '不知道' })).toEqual({ outcome: 'refused', reason: 'money.not_a_number' });
    expect(await refused({ field: 'phoneTail', debt: null, text: '13812345678' })).toEqual({ outcome: 'refused', reason: 'tail.only_four' });
    expect(await refused({ field: 'amount', debt: 99, text: '5000' })).toEqual({ outcome: 'refused', reason: 'page.gone' });
    expect(await refused({ field: 'checklistMessageId', debt: null, text: '1' })).toEqual({ outcome: 'refused', reason: 'page.field' });
    const after = asCase((await h.store.load(u.id))!.snapshot);
    expect(after.debts).toEqual(before.debts);
    expect(after.statement).toEqual(before.statement);
  });

  it('"send to chat" sends that lender\'s statement as a document, and asks nothing again', async () => {
    const { h, u } = await twoDebts(91_005);
    await edit(h, u, { field: 'requests', debt: 1, text: 'instalments' }, await version(h, u));
    await edit(h, u, { field: 'name', debt: null, text: '张三' }, await version(h, u));
    const calls = h.calls.length;
    const outcome = await h.engine.handle({ chatId: u.id, userId: u.id, updateId: freshUpdateId(), paced: true, expectedVersion: await version(h, u), input: { kind: 'pageSend', debt: 1 } });
    expect(outcome).toBe('handled');
    const after = h.calls.slice(calls);
    expect(after.map((c) => c.method)).toEqual(['sendDocument']);
  });
});

describe('reminders and "my data" on the Mini App', () => {
  const page = (h: Harness, u: HarnessUser, input: { kind: 'pageReminder'; action: string; key: string } | { kind: 'pageDelete' }, expectedVersion?: number) =>
    h.engine.handlePage({ chatId: u.id, userId: u.id, updateId: freshUpdateId(), paced: true, ...(expectedVersion === undefined ? {} : { expectedVersion }), input });

  it('turned on, cancelled and given a zone on the page: stored as the chat\'s buttons store them, with nothing said in the chat', async () => {
    const { h, u } = await twoDebts(91_006);
    const calls = h.calls.length;
    expect(await page(h, u, { kind: 'pageReminder', action: 'on', key: '' }, await version(h, u))).toEqual({ outcome: 'handled', reason: null });
    const on = asCase((await h.store.load(u.id))!.snapshot);
    expect(on.reminders?.choice).toBe('on');
    const listed = caseView(await h.store.load(u.id), (l) => translator(h.i18n, l), todayIn(h.clock.now()))!.reminders;
    expect(listed.on).toBe(true);
    expect(listed.items.length).toBeGreaterThan(0);
    const key = listed.items[0]!.key;
    expect(await page(h, u, { kind: 'pageReminder', action: 'x', key }, await version(h, u))).toEqual({ outcome: 'handled', reason: null });
    expect(await page(h, u, { kind: 'pageReminder', action: 'z', key: '5' }, await version(h, u))).toEqual({ outcome: 'handled', reason: null });
    const after = asCase((await h.store.load(u.id))!.snapshot);
    expect(after.reminders?.cancelled).toEqual([key]);
    expect(after.reminders?.timeZone).toBe('America/New_York');
    // The page shows the result; the chat is not told (no message, no question asked again).
    expect(h.calls.slice(calls).filter((c) => c.method === 'sendMessage')).toEqual([]);
    // Cancelled again from a page not yet refreshed: it stays cancelled, once.
    expect((await page(h, u, { kind: 'pageReminder', action: 'x', key }, await version(h, u))).outcome).toBe('handled');
    expect(asCase((await h.store.load(u.id))!.snapshot).reminders?.cancelled).toEqual([key]);
    // One the case no longer calls for: refused with the page's reason, nothing changed.
    const before = await version(h, u);
    expect(await page(h, u, { kind: 'pageReminder', action: 's1', key: 'contact:2020-01-01' }, before)).toEqual({ outcome: 'refused', reason: 'page.reminderGone' });
    // A reminder's other buttons (paid, can't pay…) are the chat's own: not choices the page makes.
    expect(await page(h, u, { kind: 'pageReminder', action: 'paid', key }, before)).toEqual({ outcome: 'refused', reason: 'page.field' });
    expect(await version(h, u)).toBe(before);
  });

  it('a reminder choice names its reminder, so one made while a reminder went out (a newer version) still applies', async () => {
    const { h, u } = await twoDebts(91_009);
    await page(h, u, { kind: 'pageReminder', action: 'on', key: '' });
    const shown = caseView(await h.store.load(u.id), (l) => translator(h.i18n, l), todayIn(h.clock.now()))!;
    // The case moves on in the chat (/reminders here; a reminder sent is the same) after the page was drawn.
    await u.send('/reminders');
    expect((await h.store.load(u.id))!.version).toBeGreaterThan(shown.version);
    const key = shown.reminders.items.at(-1)!.key;
    expect(await page(h, u, { kind: 'pageReminder', action: 's7', key })).toEqual({ outcome: 'handled', reason: null });
    expect(asCase((await h.store.load(u.id))!.snapshot).reminders?.snoozed.map((s) => s.key)).toEqual([key]);
  });

  it('"delete my data" confirmed on the page deletes everything, as /delete does, and the chat keeps one line saying so', async () => {
    const { h, u } = await twoDebts(91_007);
    const calls = h.calls.length;
    // Whatever version the page last saw: deleting is not a change to merge.
    expect((await page(h, u, { kind: 'pageDelete' })).outcome).toBe('deleted');
    expect(await h.store.load(u.id)).toBeNull();
    const said = h.calls.slice(calls).filter((c) => c.method === 'sendMessage').map((c) => htmlToPlain(String(c.payload.text)));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('已删除');
  });
});
