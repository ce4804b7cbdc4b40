import type { Lang } from '../domain/catalog.js';

/** One chat's case as stored: the machine snapshot (plain JSON), its schema version, and a version for CAS. */
export interface StoredCase {
  version: number;
  schema: number;
  snapshot: unknown;
}

export type CommitResult = { ok: true; version: number } | { ok: false; reason: 'conflict' | 'duplicate' };

export interface UserPrefs {
  lang?: Lang;
}

export interface CommitInput {
  chatId: number;
  /** The version that was loaded; 0 when there was no case. */
  expectedVersion: number;
  updateId: number;
  schema: number;
  snapshot: unknown;
  /** Milliseconds, from the engine's clock: orders the seen set. */
  now: number;
}

/** The storage port (DESIGN §5). Redis and memory implement the same contract, tested by one suite. */
export interface CaseStore {
  load(chatId: number): Promise<StoredCase | null>;
  /** Cheap early filter: was this update already committed for this chat? The commit checks again atomically. */
  seen(chatId: number, updateId: number): Promise<boolean>;
  /**
   * One atomic step: refuses a repeated update id, refuses a stale version, else writes the snapshot, bumps the
   * version, records the update id (the last 256 are kept) and refreshes the TTL of the chat's keys.
   */
  commit(input: CommitInput): Promise<CommitResult>;
  /** Runs `fn` holding the chat's lock; throws LockTimeoutError when the lock cannot be had in time. */
  withChatLock<T>(chatId: number, fn: () => Promise<T>, opts?: { waitMs?: number; leaseMs?: number }): Promise<T>;
  loadPrefs(userId: number): Promise<UserPrefs | null>;
  savePrefs(userId: number, prefs: UserPrefs): Promise<void>;
  /** Removes every key of the chat and of the user, including any added later under their tags. */
  deleteAll(chatId: number, userId: number): Promise<{ removed: number }>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

export const SEEN_KEEP = 256;
export const LOCK_DEFAULTS = { waitMs: 5_000, leaseMs: 30_000 } as const;
