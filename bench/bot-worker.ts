/**
 * One bot in a process of its own (`bench/workers.ts` starts it): it builds the bot named on its command line on the
 * given Redis, with Telegram answered in-process, then runs the load its parent asks for over IPC and answers with
 * the figures. Each bot keeps its own warm process, so bots can take turns in short windows without one's garbage
 * or JIT state landing on the other.
 */
import { Redis } from 'ioredis';
import type { Telegraf } from 'telegraf';
import { createI18n } from '../src/i18n/index.js';
import { floorBot, peerBot, stubTelegram, xieshangBot } from './bots.js';
import { closedLoop, closedWindow, longCases, openLoop, type Handler, type LoadResult } from './load.js';

export type BotName = 'floor' | 'peer' | 'xieshang';

export type Job =
  | { kind: 'window'; firstChat: number; atOnce: number; seconds: number }
  | { kind: 'batch'; firstChat: number; chats: number; atOnce: number }
  | { kind: 'open'; firstChat: number; perSecond: number; seconds: number }
  | { kind: 'long'; firstChat: number; chats: number; length: number };

/** What each job answers: a load's figures, or for long cases each position's latencies (index 0 = update #1). */
export interface Results {
  window: LoadResult;
  batch: LoadResult;
  open: LoadResult;
  long: { byPosition: number[][] };
}
/** With every answer, the callback answers so far that went off the script's path (must stay 0). */
export type JobResult<K extends Job['kind']> = Results[K] & { staleAnswers: number };

const [name, redisUrl] = process.argv.slice(2) as [BotName, string];
const telegram = stubTelegram();
const i18n = createI18n({ ttlDays: 90 });
const floorClient = name === 'floor' ? new Redis(redisUrl) : null;
const built: { bot: Handler; close: () => Promise<void> } =
  name === 'floor'
    ? { bot: floorBot(floorClient!), close: async () => void floorClient!.disconnect() }
    : name === 'peer'
      ? (({ bot, close }) => ({ bot: bot as unknown as Telegraf, close }))(peerBot(i18n, redisUrl))
      : xieshangBot(redisUrl, i18n);

async function run(job: Job): Promise<Results[Job['kind']]> {
  switch (job.kind) {
    case 'window': {
      let chat = job.firstChat;
      return closedWindow(built.bot, () => chat++, job.atOnce, job.seconds);
    }
    case 'batch':
      return closedLoop(built.bot, job.firstChat, job.chats, job.atOnce);
    case 'open':
      return openLoop(built.bot, job.firstChat, job.perSecond, job.seconds);
    case 'long':
      return { byPosition: await longCases(built.bot, job.firstChat, job.chats, job.length) };
  }
}

process.on('message', (message: Job | 'stop') => {
  if (message === 'stop') {
    void built.close().then(() => process.exit(0));
    return;
  }
  void run(message).then(
    (r) => process.send!({ ok: true, result: { ...r, staleAnswers: telegram.staleAnswers() } }),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.stack : String(err) }),
  );
});
process.send!('ready');
