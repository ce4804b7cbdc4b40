import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const TOKEN = '123456:abcdefghijklmnopqrstuvwxyz';

describe('configuration from the environment', () => {
  it('opens the web chat with no token, with the documented defaults; the terminal chat with --terminal', () => {
    expect(loadConfig({})).toEqual({
      mode: 'web', webChat: true, token: null, apiRoot: null, redis: null, webhook: null, port: 8080,
      metrics: { port: 9464, host: '127.0.0.1' }, ttlDays: 90, logLevel: 'info',
      clockOffsetMs: 0, miniApp: null,
    });
    expect(loadConfig({}, { terminal: true })).toMatchObject({ mode: 'console', webChat: false });
  });

  it('serves the web chat beside Telegram unless WEB_CHAT=0', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).webChat).toBe(true);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, WEB_CHAT: '0' }).webChat).toBe(false);
    expect(() => loadConfig({ WEB_CHAT: 'no' })).toThrow('Invalid configuration: WEB_CHAT must be 1 or 0');
  });

  it('opens the Mini App at PUBLIC_URL\'s origin (https only), else at the webhook\'s, and only with a token', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: 'https://bot.example.org/x' }).miniApp).toEqual({ origin: 'https://bot.example.org', authMaxAgeSeconds: 3600 });
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://hook.example.org/hook', WEBHOOK_SECRET: 's' }).miniApp?.origin).toBe('https://hook.example.org');
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: 'https://bot.example.org', MINI_APP_AUTH_MAX_AGE: '600' }).miniApp?.authMaxAgeSeconds).toBe(600);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).miniApp).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://bot.example.org' }).miniApp).toBeNull();
    expect(() => loadConfig({ PUBLIC_URL: 'http://bot.example.org' })).toThrow('Invalid configuration: PUBLIC_URL must be an https URL');
    expect(() => loadConfig({ MINI_APP_AUTH_MAX_AGE: '5' })).toThrow('Invalid configuration: MINI_APP_AUTH_MAX_AGE must be a whole number of seconds (60–86400)');
  });

  it('moves the terminal clock by a duration, for watching reminders fire', () => {
    expect(loadConfig({ XS_CLOCK_OFFSET: '1d12h' }).clockOffsetMs).toBe(36 * 3_600_000);
    expect(() => loadConfig({ XS_CLOCK_OFFSET: 'tomorrow' })).toThrow('Invalid configuration: XS_CLOCK_OFFSET must be a duration such as 3d, 36h or 1d12h');
  });

  it('serves metrics on their own port, loopback unless told otherwise, or not at all', () => {
    expect(loadConfig({ METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9100, host: '0.0.0.0' });
    expect(loadConfig({ METRICS_HOST: '[::1]' }).metrics).toEqual({ port: 9464, host: '::1' });
    expect(loadConfig({ METRICS_PORT: '0' }).metrics).toBeNull();
  });

  it('runs long polling with a token, and a webhook when WEBHOOK_URL and its secret are set', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).mode).toBe('polling');
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/tg/hook', WEBHOOK_SECRET: 'abc_DEF-1' });
    expect(c.mode).toBe('webhook');
    expect(c.webhook).toEqual({ url: 'https://bot.example.org/tg/hook', secret: 'abc_DEF-1', path: '/tg/hook' });
  });

  it('reads Redis and Redis Cluster seeds, and gives the API root the trailing slash telegraf needs', () => {
    expect(loadConfig({ REDIS_URL: 'redis://h:6379' }).redis).toEqual({ url: 'redis://h:6379', cluster: false });
    expect(loadConfig({ REDIS_URL: 'a:7000,b:7001', REDIS_CLUSTER: '1' }).redis).toEqual({ url: 'a:7000,b:7001', cluster: true });
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/tg' }).apiRoot).toBe('http://127.0.0.1:8081/tg/');
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: 'nope' }, 'Invalid configuration: TELEGRAM_BOT_TOKEN must look like 123456:ABC… (from @BotFather)'],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://x.org/h' }, 'Invalid configuration: WEBHOOK_SECRET is required when WEBHOOK_URL is set'],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://x.org/h', WEBHOOK_SECRET: 'has space' }, 'Invalid configuration: WEBHOOK_SECRET must be 1–256 characters of A-Z a-z 0-9 _ -'],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'http://x.org/h', WEBHOOK_SECRET: 's' }, 'Invalid configuration: WEBHOOK_URL must be an https URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'Invalid configuration: REDIS_URL must start with redis:// or rediss://'],
    [{ REDIS_CLUSTER: '1' }, 'Invalid configuration: REDIS_URL is required when REDIS_CLUSTER=1'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be a port number 1–65535'],
    [{ METRICS_PORT: '-1' }, 'Invalid configuration: METRICS_PORT must be a port number 1–65535, or 0 to turn metrics off'],
    [{ METRICS_HOST: 'http://x' }, 'Invalid configuration: METRICS_HOST must be a host name or an IP address to listen on'],
    [{ SESSION_TTL_DAYS: 'soon' }, 'Invalid configuration: SESSION_TTL_DAYS must be a number of days'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
  ])('stops with one line naming the variable: %j', (env, line) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(line));
  });
});
