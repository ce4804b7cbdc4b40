import type { Lang } from '../domain/catalog.js';

/**
 * The storage port (DESIGN §5). One update costs at most two awaited calls on the hot path: `begin` (dedupe, flood
 * check, the chat's lease, the version, the snapshot only when the caller's copy is out of date, replies still owed)
 * and `commit` (fenced by the lease; writes the snapshot, records the update id, stores the replies the turn owes).
 * Where the caller has the case cached it may send the turn worked out from it with `begin`: when the case is still
 * that version, nothing is owed and the update is new, the store commits it in the same step, and the update costs
 * one call. Marking the replies sent and giving the lease back (`finish`) is not awaited by the caller. Redis and
 * memory implement the same contract, tested by one suite.
 */
export interface CaseStore {
  /** How long a lease lasts unless renewed. */
  readonly leaseMs: number;
  begin(input: BeginInput): Promise<BeginResult>;
  commit(input: CommitInput): Promise<CommitResult>;
  finish(input: FinishInput): Promise<FinishResult>;
  /** Extends a lease still held; false when it is gone (the turn's commit will then be refused). */
  renew(chatId: number, token: string): Promise<boolean>;
  /**
   * Resolves when the chat's lease is released, or after `ms` at the latest (a holder that died releases nothing;
   * its lease simply ends). Never a busy loop: Redis wakes waiters through pub/sub, memory through an event.
   */
  released(chatId: number, ms: number): Promise<void>;
  /** Chats whose last turn's replies may not have reached the person (for the sweep at start-up). */
  owedChats(): Promise<number[]>;
  /** The stored case, outside any turn (inspection and tests). */
  load(chatId: number): Promise<StoredCase | null>;
  loadPrefs(userId: number): Promise<UserPrefs | null>;
  savePrefs(userId: number, prefs: UserPrefs): Promise<void>;
  /**
   * The Mini App's sessions (web/app-sessions.ts mints and reads their tokens): one record per session under the
   * user's tag, named by a digest of the token's secret, ending APP_SESSION_SECONDS after its last use. Kept here
   * so that /delete ends them and /export lists them with everything else of the person.
   */
  openAppSession(userId: number, digest: string): Promise<void>;
  /** Whether the session is open; if it is, its expiry moves on. */
  touchAppSession(userId: number, digest: string): Promise<boolean>;
  closeAppSession(userId: number, digest: string): Promise<void>;
  /** True at most once per chat per `ttlSeconds`: for notices that must not repeat (a group told "private only"). */
  claimNotice(chatId: number, ttlSeconds: number): Promise<boolean>;
  /**
   * Removes every key of the chat and of the user, including any added later under their tags. `removed` counts
   * the person's own records (the case, the preferences), not bookkeeping (seen ids, lease, queue, flood, outbox)
   * or the Mini App's sessions.
   */
  deleteAll(chatId: number, userId: number): Promise<{ removed: number }>;
  /**
   * What is kept for the chat and its user besides the case itself, and how long each record has left: for a copy
   * of the person's data (/export). Reads only: no expiry moves.
   */
  inventory(chatId: number, userId: number): Promise<Inventory>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** One chat's case as stored: the machine snapshot (plain JSON), its schema version, and a version for CAS. */
export interface StoredCase {
  /** Never reused for a chat, not even after /delete or expiry: a cached copy with the same version is current. */
  version: number;
  schema: number;
  snapshot: unknown;
}

export interface UserPrefs {
  lang?: Lang;
}

/** The records kept beside the case, each under the chat's or the user's tag (keys.ts). */
export const KEPT_RECORDS = ['seen', 'flood', 'lock', 'queue', 'outbox', 'notice', 'prefs', 'appSessions'] as const;
export type KeptRecordName = (typeof KEPT_RECORDS)[number];

export interface KeptRecord {
  name: KeptRecordName;
  /** Milliseconds until it expires by itself; null: it has no expiry. */
  ttlMs: number | null;
  /**
   * How many entries it holds: update ids, updates counted, waiting updates, owed turns, open sessions; 1 for a
   * single value. `ttlMs` is then the longest-lived entry's.
   */
  entries: number;
}

export interface Inventory {
  /** The case's remaining lifetime in ms: null when there is no case (or, never expected, no expiry on it). */
  caseTtlMs: number | null;
  /** The update ids already applied (the ids Telegram numbered the person's messages with), lowest first. */
  seenIds: number[];
  prefs: UserPrefs | null;
  /** The records present now; those absent are not listed. */
  records: KeptRecord[];
}

export interface FloodLimit {
  limit: number;
  windowMs: number;
}

export interface BeginInput {
  chatId: number;
  /** The Telegram update id; null for the start-up sweep of owed replies (goes before any waiting update). */
  updateId: number | null;
  /** The lease token this turn holds or wants: a lane that still holds the lease passes it on (hand-off). */
  token: string;
  /** The version of the snapshot the caller has cached for this chat; 0 when none. */
  cachedVersion: number;
  /** Counts the update against the flood limit (only on its first begin, never on a wait or retry). */
  flood: FloodLimit | null;
  /** The previous turn of this lane sent the replies of this version: clears them from the outbox. */
  sentVersion: number | null;
  /**
   * The lane has another update right after this one. If this one ends without the lease (duplicate, flood), the
   * lane keeps its place in the queue for it, so no later update on another replica can overtake it.
   */
  more: boolean;
  /**
   * The turn worked out from the cached case (`cachedVersion`, never 0): committed with the begin when the case is
   * still that version, no reply is owed and the update is not a repeat (then `committed`); otherwise begin answers as
   * without it, and the caller commits as usual. Never a reminder's turn (it keeps the case's expiry).
   */
  commit?: ForeseenCommit | undefined;
}

/** What `commit` would be given for a turn worked out before its begin: the rest comes from the begin's input. */
export type ForeseenCommit = Pick<CommitInput, 'schema' | 'snapshot' | 'owed' | 'previous'>;

export interface Owed {
  /** The case version whose turn owes these replies. */
  version: number;
  /** The replies as the engine encoded them; opaque to the store. */
  payload: string;
}

export type BeginResult =
  /** Over the flood limit: `first` is the first update over it (one kind answer); the rest are dropped. */
  | { kind: 'flood'; first: boolean }
  /** Already committed and nothing owed: drop it. No lease was taken (one held by hand-off is kept). */
  | { kind: 'duplicate' }
  /** Another turn holds the chat or an older update waits first: wait (`released`) at most `retryMs`, then begin again. */
  | { kind: 'wait'; retryMs: number }
  /**
   * The lease is held with `token`. `stored` is null when there is no case, or when it is the cached version
   * (`cached` true). `duplicate`: the update was committed already but its replies are still owed.
   */
  | { kind: 'go'; version: number; stored: StoredCase | null; cached: boolean; owed: Owed | null; duplicate: boolean; written: Written }
  /** The turn given with the begin (`commit`) is committed, as `commit` would answer; the lease is held. */
  | { kind: 'committed'; version: number; written: Written };

/** How the case is written at the version begun with: its record's schema, and the bytes of changes on top of it. */
export interface Written {
  schema: number;
  changeBytes: number;
}

export interface CommitInput {
  chatId: number;
  token: string;
  /** The version that was begun with; 0 when there was no case. */
  expectedVersion: number;
  updateId: number;
  schema: number;
  /** null records the update id only (the person was shown what was owed instead), keeping the case as it is. */
  snapshot: unknown | null;
  /** The replies this turn owes, encoded; null when it owes none. */
  owed: string | null;
  /**
   * The record at `expectedVersion` as this caller encoded or read it, and how it is written (`go`'s `written`):
   * the store may then write only what changed.
   */
  previous?: { record: unknown; written: Written } | undefined;
  /**
   * Keep the case's expiry as it is: a reminder's turn is not the person writing, and the case is deleted a set
   * time after their last message (the privacy promise), however many reminders come meanwhile.
   */
  keepExpiry?: boolean;
}

export type CommitResult =
  /** `written`: how the case is written at the new version. */
  | { ok: true; version: number; written: Written }
  /**
   * `yield`: an older update of the chat waits (it began on another replica while this turn was computed); the lease
   * was given up to it, and this turn is computed again after it, from what it leaves.
   */
  | { ok: false; reason: 'conflict' | 'duplicate' | 'lost' | 'yield' };

export interface FinishInput {
  chatId: number;
  token: string;
  /** The replies of this version were sent. */
  sentVersion: number | null;
  /**
   * A follow-up write the turn learned only after sending (the checklist's message id), fenced and CAS-checked; it
   * keeps the expiry its turn's commit set.
   */
  followUp: { expectedVersion: number; schema: number; snapshot: unknown; previous?: CommitInput['previous'] } | null;
  /** Gives the lease back (and wakes waiters); false keeps it for the lane's next update. */
  release: boolean;
}

/** The follow-up's new version, when it was written. */
export type FinishResult = { version: number | null };

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** How long a Mini App session lasts unused; each use moves it on. */
export const APP_SESSION_SECONDS = 30 * 60;
/** How many update ids are remembered per chat: bounded, so a long case stays small (a few hundred bytes). */
export const SEEN_KEEP = 64;
/** A dead holder blocks its chat at most this long; a live one renews well before. */
export const LEASE_MS = 2_000;
/** A waiting update that stops asking (its process died) stops blocking those behind it after this long. */
export const WAITER_LIVE_MS = 3_000;
/** Owed replies are tried this many times, then dropped: a reply Telegram refuses must not hold the chat forever. */
export const OWED_ATTEMPTS = 3;
/** Owed replies older than Telegram keeps updates are not worth sending. */
export const OWED_TTL_SECONDS = 86_400;
