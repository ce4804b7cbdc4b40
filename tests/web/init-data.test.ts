import { describe, expect, it } from 'vitest';
import { checkInitData, initDataSecret } from '../../src/web/init-data.js';
import { signInitData, telegramUser } from '../support/init-data.js';

const TOKEN = '123456:the-bots-own-token-for-this-test';
const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);
const at = (secondsAgo: number) => Math.floor(NOW / 1000) - secondsAgo;
const check = (raw: string, maxAgeSeconds = 3600) => checkInitData(raw, initDataSecret(TOKEN), { maxAgeSeconds, nowMs: NOW });

describe("Telegram's launch data", () => {
  it('signed with this bot\'s token and recent: the user it names, with their language', () => {
    expect(check(signInitData(TOKEN, { user: telegramUser(424_242, 'en'), authDate: at(10) }))).toEqual({ ok: true, user: { id: 424_242, languageCode: 'en' }, authDate: at(10) });
    // Fields Telegram adds later (signature) are signed like any other.
    expect(check(signInitData(TOKEN, { user: telegramUser(7), authDate: at(10), extra: { signature: 'abc', chat_type: 'private' } })).ok).toBe(true);
  });

  it('refuses another bot\'s signature, a changed field, a forged or malformed hash, and duplicate fields', () => {
    const good = signInitData(TOKEN, { user: telegramUser(424_242), authDate: at(10) });
    expect(check(signInitData('654321:another-bots-token-entirely', { user: telegramUser(424_242), authDate: at(10) }))).toEqual({ ok: false, reason: 'signature' });
    expect(check(good.replace('424242', '424243'))).toEqual({ ok: false, reason: 'signature' });
    expect(check(good.replace(/hash=[0-9a-f]/, 'hash=0'))).toEqual({ ok: false, reason: 'signature' });
    expect(check(good.replace(/hash=[0-9a-f]+/, 'hash=xyz'))).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`${good}&auth_date=1`)).toEqual({ ok: false, reason: 'malformed' });
    expect(check('')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a launch older than allowed, or from the future beyond a minute of clock skew', () => {
    expect(check(signInitData(TOKEN, { user: telegramUser(1), authDate: at(3601) }))).toEqual({ ok: false, reason: 'stale' });
    expect(check(signInitData(TOKEN, { user: telegramUser(1), authDate: at(599) }), 600).ok).toBe(true);
    expect(check(signInitData(TOKEN, { user: telegramUser(1), authDate: at(-30) })).ok).toBe(true);
    expect(check(signInitData(TOKEN, { user: telegramUser(1), authDate: at(-120) }))).toEqual({ ok: false, reason: 'future' });
  });

  it('refuses a signed launch that names no usable user', () => {
    expect(check(signInitData(TOKEN, { user: { first_name: 'no id' }, authDate: at(10) }))).toEqual({ ok: false, reason: 'user' });
    expect(check(signInitData(TOKEN, { user: { id: -5 }, authDate: at(10) }))).toEqual({ ok: false, reason: 'user' });
  });
});
