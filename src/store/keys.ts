/**
 * Key names. The part in braces is the Redis Cluster hash tag: all of one chat's keys hash to one slot, so a
 * single script may touch them together (DESIGN §5).
 */
export const chatTag = (chatId: number) => `{c:${chatId}}`;
export const userTag = (userId: number) => `{u:${userId}}`;

export const keys = {
  /**
   * Hash: the case (v, schema, snap) and everything a turn reads and writes with it: the applied update ids, the
   * lease, the flood count, the replies owed (fields listed in redis-store.ts).
   */
  case: (chatId: number) => `xs:${chatTag(chatId)}:case`,
  /** What an older version kept beside the case (the applied ids; the replies owed): carried into it when met. */
  seen: (chatId: number) => `xs:${chatTag(chatId)}:seen`,
  /** Sorted set of updates waiting for the lease on any replica: score = update id, member = "token:deadline ms". */
  queue: (chatId: number) => `xs:${chatTag(chatId)}:queue`,
  outbox: (chatId: number) => `xs:${chatTag(chatId)}:outbox`,
  /** String: a notice was given (a group told "private chats only"). */
  notice: (chatId: number) => `xs:${chatTag(chatId)}:notice`,
  prefs: (userId: number) => `xs:${userTag(userId)}:prefs`,
  /** String: one Mini App session, named by a digest of its token's secret (never the token itself). */
  appSession: (userId: number, digest: string) => `xs:${userTag(userId)}:app:${digest}`,
  /** Glob for every Mini App session of this user, for /export. */
  appSessions: (userId: number) => `xs:{u:${userId}}:app:*`,
  /** Glob patterns for "everything of this chat / this user", for deletion. */
  chatPattern: (chatId: number) => `xs:{c:${chatId}}:*`,
  userPattern: (userId: number) => `xs:{u:${userId}}:*`,
  /** Glob for every chat's keys, and the chat id inside one. */
  allChats: 'xs:{c:*}:*',
  chatOf: (key: string) => Number(/^xs:\{c:(-?\d+)\}:/.exec(key)?.[1] ?? Number.NaN),
};

/** Pub/sub channel a release publishes the chat id on, only when someone waits for that chat. */
export const WAKE_CHANNEL = 'xs:wake';
