import type { PostDraftInput } from '../model/index.js';
import type { Evergreen } from '../schedule-store/index.js';

/** Where a new entry goes: the account's queue, or a fixed instant. */
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

/** A pause scope: one account, or every account of a brand. */
export type PauseScope = { accountKey: string } | { brand: string };
