import type { PostDraftInput } from '../model/index.js';
import type { Evergreen } from '../schedule-store/index.js';

/**
 * Where a new entry goes: the account's queue, or a fixed time — an instant
 * (`2026-04-01T07:00:00Z`, or with an offset) or a local wall time (`2027-01-05T09:00`) read
 * in each account's zone, with the queue's DST rule (a time in a spring-forward gap moves
 * forward by the gap, one in a fall-back overlap takes the earlier instant).
 */
export type Placement = 'queue' | { at: string };

/** One draft for one or more accounts, as `createEntries` takes it. */
export interface NewEntries {
  draft: PostDraftInput;
  /** Account keys (`platform:id`) of configured accounts. */
  accounts: readonly string[];
  /** Place right away (needs no approval, or the entries stay drafts remembering the placement). */
  place?: Placement;
  evergreen?: Evergreen;
}

/** Who does something, and why. */
export interface Actor {
  by: string;
  reason?: string;
}

/** Who rejects an entry and why: a rejection always says why. */
export interface Rejection extends Actor {
  reason: string;
}

/** A pause scope: one account, or every account of a brand. */
export type PauseScope = { accountKey: string } | { brand: string };
