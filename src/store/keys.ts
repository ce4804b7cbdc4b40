/**
 * Key names. The part in braces is the Redis Cluster hash tag: all of one chat's keys hash to one slot, so a
 * single script may touch them together (DESIGN §5).
 */
export const chatTag = (chatId: number) => `{c:${chatId}}`;
export const userTag = (userId: number) => `{u:${userId}}`;

export const keys = {
  case: (chatId: number) => `xs:${chatTag(chatId)}:case`,
  seen: (chatId: number) => `xs:${chatTag(chatId)}:seen`,
  lock: (chatId: number) => `xs:${chatTag(chatId)}:lock`,
  prefs: (userId: number) => `xs:${userTag(userId)}:prefs`,
  /** Glob patterns for "everything of this chat / this user", for deletion. */
  chatPattern: (chatId: number) => `xs:{c:${chatId}}:*`,
  userPattern: (userId: number) => `xs:{u:${userId}}:*`,
};
