import { z } from 'zod';
import { parseDuration } from './reminders/clock.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

const EnvSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… (from @BotFather)')
      .optional(),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    REDIS_URL: z.string().min(1).optional(),
    REDIS_CLUSTER: z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' }).optional(),
    WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z a-z 0-9 _ -')
      .optional(),
    PORT: z.coerce
      .number({ error: 'must be a port number 1–65535' })
      .int('must be a port number 1–65535')
      .min(1, 'must be a port number 1–65535')
      .max(65535, 'must be a port number 1–65535')
      .default(8080),
    METRICS_PORT: z.coerce
      .number({ error: 'must be a port number 1–65535, or 0 to turn metrics off' })
      .int('must be a port number 1–65535, or 0 to turn metrics off')
      .min(0, 'must be a port number 1–65535, or 0 to turn metrics off')
      .max(65535, 'must be a port number 1–65535, or 0 to turn metrics off')
      .default(9464),
    METRICS_HOST: z
      .string()
      .regex(/^(?:[A-Za-z0-9.-]+|\[?[0-9A-Fa-f:]+\]?)$/, 'must be a host name or an IP address to listen on')
      .default('127.0.0.1'),
    SESSION_TTL_DAYS: z.coerce
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days (1–3650)')
      .min(1, 'must be a whole number of days (1–3650)')
      .max(3650, 'must be a whole number of days (1–3650)')
      .default(90),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    WEB_CHAT: z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' }).optional(),
    PUBLIC_URL: z.url({ protocol: /^https$/, error: 'must be an https URL (Telegram opens Mini Apps over https only)' }).optional(),
    MINI_APP_AUTH_MAX_AGE: z.coerce
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds (60–86400)')
      .min(60, 'must be a whole number of seconds (60–86400)')
      .max(86_400, 'must be a whole number of seconds (60–86400)')
      .default(3600),
    XS_CLOCK_OFFSET: z
      .string()
      .refine((d) => parseDuration(d) !== null, 'must be a duration such as 3d, 36h or 1d12h')
      .optional(),
  })
  .superRefine((env, ctx) => {
    const cluster = env.REDIS_CLUSTER === '1' || env.REDIS_CLUSTER === 'true';
    if (env.REDIS_URL !== undefined) {
      const ok = cluster
        ? env.REDIS_URL.split(',').every((seed) => hostPort.test(seed.trim()))
        : /^rediss?:\/\/.+/.test(env.REDIS_URL);
      if (!ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['REDIS_URL'],
          message: cluster ? 'with REDIS_CLUSTER=1 must be comma-separated host:port seeds' : 'must start with redis:// or rediss://',
        });
      }
    } else if (cluster) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is required when REDIS_CLUSTER=1' });
    }
    if (env.WEBHOOK_URL !== undefined && env.WEBHOOK_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' });
    }
    if (env.WEBHOOK_URL !== undefined && env.TELEGRAM_BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_BOT_TOKEN'], message: 'is required when WEBHOOK_URL is set' });
    }
  });

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** No token: the web chat (the terminal chat with --terminal); a token: Telegram by polling or webhook. */
  mode: 'web' | 'console' | 'polling' | 'webhook';
  /** Whether the web chat is served on PORT (always in web mode; beside Telegram unless WEB_CHAT=0). */
  webChat: boolean;
  token: string | null;
  apiRoot: string | null;
  redis: { url: string; cluster: boolean } | null;
  webhook: { url: string; secret: string; path: string } | null;
  port: number;
  /** Prometheus metrics on their own listener, loopback by default; null when METRICS_PORT=0. */
  metrics: { port: number; host: string } | null;
  ttlDays: number;
  logLevel: LogLevel;
  /**
   * The Telegram Mini App: its public https origin (PUBLIC_URL, else WEBHOOK_URL's) and how old Telegram's signed
   * launch data may be; null without a token or without an origin (then no button opens it).
   */
  miniApp: { origin: string; authMaxAgeSeconds: number } | null;
  /** The terminal chat's clock runs this far ahead (to see reminders fire); 0 otherwise. */
  clockOffsetMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops start-up with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv, opts: { terminal?: boolean } = {}): Config {
  // An empty variable (KEY= in a .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? ''}`.trim());
  }
  const e = parsed.data;
  const webhook =
    e.WEBHOOK_URL !== undefined && e.WEBHOOK_SECRET !== undefined
      ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, path: new URL(e.WEBHOOK_URL).pathname }
      : null;
  return {
    mode: e.TELEGRAM_BOT_TOKEN === undefined ? (opts.terminal ? 'console' : 'web') : webhook ? 'webhook' : 'polling',
    webChat: e.TELEGRAM_BOT_TOKEN === undefined ? !opts.terminal : e.WEB_CHAT !== '0' && e.WEB_CHAT !== 'false',
    token: e.TELEGRAM_BOT_TOKEN ?? null,
    // telegraf resolves methods relative to apiRoot, so a root with a path must end in '/' (NOTES §2.4).
    apiRoot: e.TELEGRAM_API_ROOT === undefined ? null : e.TELEGRAM_API_ROOT.replace(/\/?$/, '/'),
    redis:
      e.REDIS_URL === undefined
        ? null
        : { url: e.REDIS_URL, cluster: e.REDIS_CLUSTER === '1' || e.REDIS_CLUSTER === 'true' },
    webhook,
    port: e.PORT,
    metrics: e.METRICS_PORT === 0 ? null : { port: e.METRICS_PORT, host: e.METRICS_HOST.replace(/^\[(.*)\]$/, '$1') },
    ttlDays: e.SESSION_TTL_DAYS,
    miniApp: (() => {
      const origin = e.PUBLIC_URL ?? e.WEBHOOK_URL;
      return e.TELEGRAM_BOT_TOKEN !== undefined && origin !== undefined ? { origin: new URL(origin).origin, authMaxAgeSeconds: e.MINI_APP_AUTH_MAX_AGE } : null;
    })(),
    logLevel: e.LOG_LEVEL,
    clockOffsetMs: e.XS_CLOCK_OFFSET === undefined ? 0 : (parseDuration(e.XS_CLOCK_OFFSET) ?? 0),
  };
}
