import type { CalendarEntry } from './calendar-entry.js';
import type { EntryStatus } from './entry-status.js';
import type { TransitionChange } from './transition.js';

/**
 * Which entries a range query returns. All given criteria must hold (AND); within a list any
 * value matches (OR). Instants are ISO-8601 UTC strings; `from` is inclusive, `to` exclusive,
 * both compared with `scheduledAt` (entries without one never match a time bound).
 *
 * @example
 * ```ts
 * await store.query({ from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z', statuses: ['scheduled'], tags: ['launch'] });
 * ```
 */
export interface EntryQuery {
  from?: string;
  to?: string;
  accountKeys?: readonly string[];
  platforms?: readonly string[];
  statuses?: readonly EntryStatus[];
  /** Entries carrying at least one of these draft tags. */
  tags?: readonly string[];
  campaigns?: readonly string[];
  brands?: readonly string[];
  groupId?: string;
  /** At most this many, earliest `scheduledAt` first. */
  limit?: number;
}

/** A write that expects the entry to be as the caller last saw it. */
export interface WriteExpectation {
  /** Fail with EntryConflictError unless the stored version is this one. */
  expectedVersion?: number;
  /** Fail with EntryConflictError unless the stored status is this one. */
  expectedStatus?: EntryStatus;
  /** Fail with EntryConflictError unless this owner holds the lease. */
  leaseOwner?: string;
  /**
   * Fail with EntryConflictError unless the stored lease carries this token (the one the
   * claim handed out): fences a run whose lease lapsed and was claimed again, by anyone.
   */
  leaseToken?: string;
}

/** A status change as a store applies it. */
export interface StoreTransition extends TransitionChange, WriteExpectation {
  /** Drop the lease in the same write (the runner finishing with an entry). */
  releaseLease?: boolean;
}

/** What to claim. */
export interface ClaimRequest {
  /** The claiming worker's id (stored as the lease owner). */
  owner: string;
  /**
   * Epoch ms: entries due at or before it are claimed (due = `entryDueAt(entry)`, the later of
   * `scheduledAt` and a retry's `nextAttemptAt`); leases expiring at or before it are free.
   */
  now: number;
  /** How long the lease lasts, in ms. */
  leaseMs: number;
  /** At most this many (default 100). */
  limit?: number;
  /**
   * Also claim `publishing` entries whose lease expired (a worker crashed mid-publish), so
   * the runner can reconcile them. Default `true`.
   */
  includeStalePublishing?: boolean;
  /**
   * Optional: called, synchronously, with each entry just claimed; the transition it returns
   * is applied in the claim's own atomic write (checked as `transition` would check it), and
   * the entry returned for that claim is the transitioned one. The runner starts a publish
   * this way: the claim and `publishing` become durable together, one write instead of two.
   * When it returns `undefined`, throws, or asks for a transition the entry cannot make, the
   * entry is returned claimed and unchanged (the caller's own next write reports any problem).
   * A store may ignore `start`, in any of its claim methods (callers check the returned
   * status): then it is never called. A store may also call it just before its atomic write,
   * with the entry as that write will store it, and then find the entry taken or changed (the
   * Redis store's `claim(id)` does): so `start` only decides, with no effect of its own.
   */
  start?: ClaimStart;
}

/** See {@link ClaimRequest.start}. */
export type ClaimStart = (claimed: CalendarEntry) => StoreTransition | undefined;

/** Entries that should have been claimed by now and were not. */
export interface DueSummary {
  /** `scheduled`, not held, due (`entryDueAt`) at or before `now`, and not under an unexpired lease. */
  count: number;
  /** The earliest `scheduledAt` among them, or `null`. */
  oldestScheduledAt: string | null;
  /**
   * Entries stuck in `publishing`: their lease expired at or before `now`, or they have none —
   * the worker publishing them died or lost them, and no worker has picked them up since.
   */
  stuckPublishing: StuckPublishing;
}

/** Entries left in `publishing` with no live lease (see {@link DueSummary}). */
export interface StuckPublishing {
  count: number;
  /**
   * Since when the oldest has been stuck: its lease's expiry, or for one with no lease its
   * `updatedAt` (when the lease was dropped). `null` when there is none.
   */
  oldestSince: string | null;
  /** Their ids, oldest first, at most {@link STUCK_IDS_LIMIT}. */
  ids: string[];
}

/** At most this many ids in {@link StuckPublishing.ids}. */
export const STUCK_IDS_LIMIT = 100;

/**
 * Where calendar entries live. The planner (`createCalendar`) and the runner work only
 * through this interface; the memory store ships here, SQLite and BullMQ backends implement
 * the same contract and pass the same conformance suite.
 *
 * Contract every implementation keeps:
 * - Every write bumps `version` by one; writes with a {@link WriteExpectation} are
 *   compare-and-set and throw `EntryConflictError` when it does not hold.
 * - `transition` applies the transition table (`applyTransition`) atomically and appends to
 *   `history`; `put` may never change `status` nor drop history records.
 * - `claimDue` is atomic: two workers claiming at once never get the same entry. Held entries
 *   (`hold` set) are never claimed. Every claim stores a new `lease.token`, unique across
 *   processes, and a `leaseToken` expectation compares it, so a run whose lease lapsed and was
 *   claimed again (even by its own worker) cannot write.
 * - Entries returned are values: callers do not mutate them (the memory store hands out its
 *   own objects for speed).
 *
 * @example
 * ```ts
 * const [entry] = await store.claimDue({ owner: 'worker-1', now: Date.now(), leaseMs: 30_000, limit: 1 });
 * if (entry) await store.transition(entry.id, { to: 'publishing', at: new Date().toISOString(), by: 'worker-1', leaseOwner: 'worker-1' });
 * ```
 */
export interface ScheduleStore {
  /** The entry, or `undefined`. */
  get(id: string): Promise<CalendarEntry | undefined>;
  /** Adds a new entry; EntryConflictError if the id exists. */
  insert(entry: CalendarEntry): Promise<void>;
  /** Adds many entries at once, all or none (EntryConflictError if any id exists or repeats). */
  insertMany(entries: readonly CalendarEntry[]): Promise<void>;
  /**
   * Replaces an entry's fields (content, slot, approvals, hold…) keeping its status, its
   * history prefix and its stored lease (leases change only through the lease methods and
   * `transition`); stores `version + 1` and returns what was stored.
   */
  put(entry: CalendarEntry, expect?: WriteExpectation): Promise<CalendarEntry>;
  /** Replaces many entries, all or none, each under its own expectation. */
  putMany(writes: ReadonlyArray<{ entry: CalendarEntry; expect?: WriteExpectation }>): Promise<CalendarEntry[]>;
  /** Changes status under the transition table, atomically; returns the stored entry. */
  transition(id: string, change: StoreTransition): Promise<CalendarEntry>;
  /** Entries matching `query`, earliest `scheduledAt` first (unplaced ones last, by id). */
  query(query: EntryQuery): Promise<CalendarEntry[]>;
  /** Claims due entries under a lease for `owner`, atomically. */
  claimDue(request: ClaimRequest): Promise<CalendarEntry[]>;
  /**
   * Claims one entry by id under the same rules as `claimDue` (due, not held, lease free;
   * stale `publishing` ones when asked), atomically; `undefined` when it is not claimable.
   * Workers that know which entry to run (a queue job per entry, or a re-run of a job whose
   * worker died) claim this way.
   */
  claim(id: string, request: Omit<ClaimRequest, 'limit'>): Promise<CalendarEntry | undefined>;
  /**
   * Extends `owner`'s lease to `now + leaseMs`; false when the lease is no longer theirs —
   * or, with `token`, no longer the claim that token came from.
   */
  extendLease(id: string, owner: string, now: number, leaseMs: number, token?: string): Promise<boolean>;
  /** Drops `owner`'s lease (the claim `token` names, when given); false when it is no longer theirs. */
  releaseLease(id: string, owner: string, token?: string): Promise<boolean>;
  /** What is due and unclaimed at `now` (for health checks). */
  dueSummary(now: number): Promise<DueSummary>;
}
