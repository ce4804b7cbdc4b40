import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { MAX_INPUT_CHARS } from '../../src/engine/inbound.js';
import { route } from '../../src/telegram/updates.js';

const from = { id: 7, is_bot: false, first_name: 'A', language_code: 'en' };
const privateChat = { id: 7, type: 'private', first_name: 'A' };
const group = { id: -100, type: 'group', title: 'G' };
const msg = (extra: object, chat: object = privateChat) =>
  ({ update_id: 1, message: { message_id: 1, date: 0, chat, from, ...extra } }) as unknown as Update;

describe('routing Telegram updates', () => {
  it('reads a private text as text', () => {
    expect(route(msg({ text: '5500' }))).toMatchObject({ kind: 'private', inbound: { chatId: 7, userId: 7, input: { kind: 'text', text: '5500' } } });
  });

  it.each([
    ['/start', 'start'],
    ['/checklist@XieshangBot', 'checklist'],
    ['/DELETE', 'delete'],
    ['/foo', 'help'],
  ])('reads %s as the %s command', (text, command) => {
    expect(route(msg({ text }))).toMatchObject({ kind: 'private', inbound: { input: { kind: 'command', command } } });
  });

  it.each([{ sticker: {} }, { photo: [] }, { voice: {} }, { document: {} }, { location: { latitude: 0, longitude: 0 } }, { contact: {} }])(
    'answers %j as something it cannot read',
    (extra) => {
      expect(route(msg(extra))).toMatchObject({ kind: 'private', inbound: { input: { kind: 'unsupported' } } });
    },
  );

  it('says an edited message does not change an answer', () => {
    const update = { update_id: 2, edited_message: { message_id: 1, date: 0, edit_date: 1, chat: privateChat, from, text: 'x' } } as unknown as Update;
    expect(route(update)).toMatchObject({ kind: 'private', inbound: { input: { kind: 'edited', text: 'x' } } });
  });

  it('cuts very long texts before they reach the flow', () => {
    const r = route(msg({ text: '字'.repeat(10_000) }));
    expect(r.kind === 'private' && r.inbound.input.kind === 'text' && r.inbound.input.text.length).toBe(MAX_INPUT_CHARS);
  });

  it('cuts a long text between whole characters, never through an emoji', () => {
    const r = route(msg({ text: `a${'😀'.repeat(1500)}` }));
    const text = r.kind === 'private' && r.inbound.input.kind === 'text' ? r.inbound.input.text : '';
    expect(text).toBe(`a${'😀'.repeat(999)}`);
  });

  it('reads a text as it is stored, not as direction marks display it', () => {
    const text = (s: string) => {
      const r = route(msg({ text: s }));
      return r.kind === 'private' && r.inbound.input.kind === 'text' ? r.inbound.input.text : null;
    };
    expect(text('\u202e0003')).toBe('0003');
    expect(text('\u2066王\u2069\u200f芳\u061c\u200e')).toBe('王芳');
    expect(route(msg({ text: '\u202d/delete' }))).toMatchObject({ inbound: { input: { kind: 'command', command: 'delete' } } });
  });

  it('reads no number into a terminal escape sequence, and drops controls and the non-characters a .docx cannot hold', () => {
    const text = (s: string) => {
      const r = route(msg({ text: s }));
      return r.kind === 'private' && r.inbound.input.kind === 'text' ? r.inbound.input.text : null;
    };
    expect(text('\u001b[31m5500\u001b[0m')).toBe('5500');
    expect(text('\u001b[2J\u001b[1;1H')).toBe('');
    expect(text('\u001b]0;title 42\u0007逾期\u001b[38;5;196m45\u001b[m天')).toBe('逾期45天');
    expect(text('王\ufffe芳\uffff\u0000\u0085')).toBe('王芳');
    expect(text('第一行\n第二行\t完')).toBe('第一行\n第二行\t完');
  });

  it('drops an update in a private chat that does not come from that chat\'s person', () => {
    const stranger = { ...from, id: 8 };
    const update = { update_id: 3, message: { message_id: 1, date: 0, chat: privateChat, from: stranger, text: '/delete' } } as unknown as Update;
    expect(route(update)).toEqual({ kind: 'ignored' });
    const press = { update_id: 4, callback_query: { id: 'q', from: stranger, chat_instance: 'c', data: 'x', message: { message_id: 1, date: 0, chat: privateChat } } } as unknown as Update;
    expect(route(press)).toEqual({ kind: 'orphan_callback', callbackId: 'q' });
  });

  it('answers a text in a group politely, and ignores service notes there', () => {
    expect(route(msg({ text: 'hi' }, group))).toMatchObject({ kind: 'not_private', chatId: -100 });
    expect(route(msg({ new_chat_members: [] }, group))).toEqual({ kind: 'ignored' });
  });

  it('turns a button press into a button input', () => {
    const update = {
      update_id: 3,
      callback_query: { id: 'q1', from, chat_instance: 'c', data: '1~g~hub', message: { message_id: 5, date: 0, chat: privateChat } },
    } as unknown as Update;
    expect(route(update)).toMatchObject({ kind: 'private', inbound: { input: { kind: 'button', data: '1~g~hub', callbackId: 'q1' } } });
  });

  it('answers a button with no message, and ignores channel posts, inline queries and member updates', () => {
    const orphan = { update_id: 4, callback_query: { id: 'q2', from, chat_instance: 'c', inline_message_id: 'i' } } as unknown as Update;
    expect(route(orphan)).toEqual({ kind: 'orphan_callback', callbackId: 'q2' });
    for (const u of [
      { update_id: 5, channel_post: { message_id: 1, date: 0, chat: { id: -1, type: 'channel' }, text: 'x' } },
      { update_id: 6, inline_query: { id: 'i', from, query: 'x', offset: '' } },
      { update_id: 7, my_chat_member: {} },
    ]) {
      expect(route(u as unknown as Update)).toEqual({ kind: 'ignored' });
    }
  });
});
