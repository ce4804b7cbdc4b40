/**
 * Key names. The part in braces is the Redis Cluster hash tag: all of one chat's keys hash to one slot, so a
 * single script may touch them together (DESIGN §5).
 */
export const chatTag = (chatId: number) => `{c:${chatId}}`;
export const userTag = (userId: number) => `{u:${userId}}`;

export const keys = {
  /** Hash: v (version), schema, snap (JSON), u and t (the update id and lease token of the last commit). */
  case: (chatId: number) => `xs:${chatTag(chatId)}:case`,
  /** Sorted set of the newest update ids (score = id), at most SEEN_KEEP. */
  seen: (chatId: number) => `xs:${chatTag(chatId)}:seen`,
  /** String: the lease token, with a short PX. */
  lock: (chatId: number) => `xs:${chatTag(chatId)}:lock`,
  /** Sorted set of updates waiting for the lease on any replica: score = update id, member = "token:deadline ms". */
  queue: (chatId: number) => `xs:${chatTag(chatId)}:queue`,
  /** Hash: v (the version whose turn owes replies), p (the replies), a (times they were handed out to send). */
  outbox: (chatId: number) => `xs:${chatTag(chatId)}:outbox`,
  /** String counter of the flood window (a private chat's id is its user's id). */
  flood: (chatId: number) => `xs:${chatTag(chatId)}:flood`,
  /** String: a notice was given (a group told "private chats only"). */
  notice: (chatId: number) => `xs:${chatTag(chatId)}:notice`,
  prefs: (userId: number) => `xs:${userTag(userId)}:prefs`,
  /** Glob patterns for "everything of this chat / this user", for deletion. */
  chatPattern: (chatId: number) => `xs:{c:${chatId}}:*`,
  userPattern: (userId: number) => `xs:{u:${userId}}:*`,
  /** Glob for every chat's outbox, and the chat id inside one. */
  outboxPattern: 'xs:{c:*}:outbox',
  chatOfOutbox: (key: string) => Number(/^xs:\{c:(-?\d+)\}:outbox$/.exec(key)?.[1] ?? Number.NaN),
};

/** Pub/sub channel a release publishes the chat id on, only when someone waits for that chat. */
export const WAKE_CHANNEL = 'xs:wake';
