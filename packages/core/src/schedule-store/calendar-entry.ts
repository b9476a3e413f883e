import { z } from 'zod';
import {
  InstantSchema,
  NetworkIdSchema,
  PendingPublishSchema,
  PostDraftSchema,
  PublishedPostSchema,
  parseWithSchema,
  type PostDraft,
} from '../model/index.js';
import { ENTRY_STATUSES } from './entry-status.js';

/**
 * One line of an entry's append-only history: who moved it, from where to where, when, why.
 *
 * @example
 * ```ts
 * HistoryRecordSchema.parse({ from: 'in_review', to: 'draft', at: '2026-03-23T09:00:00Z', by: 'li', reason: 'tone' });
 * ```
 */
export const HistoryRecordSchema = z.object({
  /** The previous status; `null` for the record that created the entry. */
  from: z.enum(ENTRY_STATUSES).nullable(),
  to: z.enum(ENTRY_STATUSES),
  at: InstantSchema,
  /** Who did it: a user id, or a worker id for the runner. */
  by: z.string().min(1),
  reason: z.string().optional(),
});

/** One line of an entry's history. */
export interface HistoryRecord extends z.infer<typeof HistoryRecordSchema> {}

/**
 * One approval given to an entry under review.
 *
 * @example
 * ```ts
 * ApprovalSchema.parse({ by: 'li', role: 'legal', at: '2026-03-23T09:00:00Z' });
 * ```
 */
export const ApprovalSchema = z.object({
  by: z.string().min(1),
  role: z.string().min(1),
  at: InstantSchema,
  note: z.string().optional(),
});

/** One approval given to an entry under review. */
export interface Approval extends z.infer<typeof ApprovalSchema> {}

/**
 * A runner's lease on an entry: nobody else may claim it until `expiresAt`. `token` is new
 * on every claim (stores set it), so a write fenced on it fails once the entry was claimed
 * again — even by the same owner, whose earlier run must not write over the new one.
 *
 * @example
 * ```ts
 * LeaseSchema.parse({ owner: 'worker-1', expiresAt: '2026-03-23T09:00:30Z', token: '9f2c…-17' });
 * ```
 */
export const LeaseSchema = z.object({ owner: z.string().min(1), expiresAt: InstantSchema, token: z.string().min(1).optional() });

/** A runner's lease on an entry. */
export interface Lease extends z.infer<typeof LeaseSchema> {}

/**
 * Why an entry is held back from publishing (its account or brand is paused).
 *
 * @example
 * ```ts
 * HoldSchema.parse({ scope: 'brand', since: '2026-03-23T09:00:00Z', by: 'ana', reason: 'crisis' });
 * ```
 */
export const HoldSchema = z.object({
  scope: z.enum(['account', 'brand']),
  since: InstantSchema,
  by: z.string().min(1),
  reason: z.string().optional(),
});

/** Why an entry is held back from publishing. */
export interface Hold extends z.infer<typeof HoldSchema> {}

/**
 * Evergreen recycling: publish again `afterDays` after each publication, at most `maxTimes` more times.
 *
 * @example
 * ```ts
 * await calendar.createEntries({ draft, accounts: ['x:12'], place: 'queue', evergreen: { afterDays: 90, maxTimes: 3 } }, { by: 'ana' });
 * ```
 */
export const EvergreenSchema = z.object({
  afterDays: z.number().int().positive({ error: 'must be a whole number of days, 1 or more' }),
  maxTimes: z.number().int().positive({ error: 'must be how many times to re-queue, 1 or more' }),
});

/** Evergreen recycling settings. */
export interface Evergreen extends z.infer<typeof EvergreenSchema> {}

/**
 * A calendar entry: one post draft for one account, placed at an instant (`pinned`) or in
 * the account's queue (`queue`), with its status, history and approvals. A draft meant for
 * several accounts becomes one entry per account sharing a `groupId`: each account has its
 * own slot, its own approvals and its own publish outcome.
 *
 * @example
 * ```ts
 * const result = CalendarEntrySchema.safeParse(JSON.parse(text));
 * ```
 */
export const CalendarEntrySchema = z.object({
  id: z.string().min(1),
  /** Shared by the entries created together for several accounts. */
  groupId: z.string().min(1).optional(),
  /** `platform:accountId`, the key queues, caps and filters use. */
  accountKey: z.string().min(1),
  platform: NetworkIdSchema,
  accountId: z.string().min(1),
  brand: z.string().optional(),
  draft: PostDraftSchema,
  status: z.enum(ENTRY_STATUSES),
  /** Increases by one on every write; stores use it for optimistic concurrency. */
  version: z.number().int().nonnegative(),
  /** When it is (or was) to be published; `null` while unplaced. */
  scheduledAt: InstantSchema.nullable(),
  /** `queue` entries move when the queue is reshuffled; `pinned` ones keep their instant. */
  placement: z.enum(['pinned', 'queue']).nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  history: z.array(HistoryRecordSchema).min(1),
  approvals: z.array(ApprovalSchema),
  hold: HoldSchema.nullable(),
  lease: LeaseSchema.nullable(),
  /** Set by the runner before it calls the network, so a retry cannot publish twice. */
  idempotencyKey: z.string().optional(),
  /**
   * A publish the network accepted but had not made live yet (spec v1.1 pending publishes):
   * written, fenced on the lease, before the runner starts polling, so a run that resumes the
   * entry (after a crash or a lost lease) polls this handle instead of publishing again.
   * Cleared when the entry is published or fails.
   */
  pendingPublish: PendingPublishSchema.optional(),
  /** What was published (status `published`). */
  published: PublishedPostSchema.optional(),
  /**
   * How many publish attempts failed transiently so far (rate limit, network, 5xx); the runner
   * counts them for its backoff. Absent until the first failure.
   */
  attempts: z.number().int().nonnegative().optional(),
  /**
   * When the runner tries again after a transient failure (ISO-8601 UTC). The calendar time
   * `scheduledAt` is kept; an entry is due at the later of the two (see `entryDueAt`), so
   * every store's `claimDue`/`claim`/`dueSummary` must honour this field.
   */
  nextAttemptAt: InstantSchema.optional(),
  /** Why it failed (status `failed` or `outcome_unknown`). */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  evergreen: EvergreenSchema.optional(),
  /** Set on entries created by evergreen recycling. */
  recycledFrom: z.object({ entryId: z.string().min(1), generation: z.number().int().positive() }).optional(),
});

/** A calendar entry (JSON-serialisable: instants are ISO-8601 UTC strings). */
export type CalendarEntry = Omit<z.infer<typeof CalendarEntrySchema>, 'draft'> & { draft: PostDraft };

/**
 * Validates an entry read from JSON (a file, a queue message, a database row).
 *
 * @example
 * ```ts
 * const entry = parseCalendarEntry(JSON.parse(row.json));
 * ```
 */
export function parseCalendarEntry(input: unknown): CalendarEntry {
  return parseWithSchema(CalendarEntrySchema, input, 'CalendarEntry') as CalendarEntry;
}

/**
 * The key that identifies an account across networks: `platform:id`.
 *
 * @example
 * ```ts
 * accountKeyOf({ platform: 'bluesky', id: 'did:plc:abc' }); // 'bluesky:did:plc:abc'
 * ```
 */
export function accountKeyOf(account: { platform: string; id: string }): string {
  return `${account.platform}:${account.id}`;
}
