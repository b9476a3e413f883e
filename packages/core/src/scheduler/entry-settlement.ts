// How a claimed entry ends one run: published, failed, outcome unknown or back to
// `scheduled` for a retry. Shared by the executor and reconciliation, which call each other
// only through these (no import cycle between them).
import type { PublishedPost } from '../model/index.js';
import { EntryConflictError, type CalendarEntry } from '../schedule-store/index.js';
import type { EntryOutcome } from './entry-outcome.js';
import type { ExecutorContext } from './executor-context.js';
import { describePublishFailure } from './publish-failure.js';
import { retryDelayMs } from './retry-policy.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** @internal The key an entry is published with: stable per entry, so any re-run reuses it. */
export function idempotencyKeyOf(entry: CalendarEntry): string {
  return entry.idempotencyKey ?? `smm-entry-${entry.id}`;
}

/**
 * @internal The write expectation that fences a write on this run's claim: the owner, and the
 * claim's lease token when the store hands one out (a lapsed lease claimed again — by anyone,
 * this worker included — makes the write fail with EntryConflictError).
 */
export function fenceOf(ctx: ExecutorContext, id: string): { leaseOwner: string; leaseToken?: string } {
  const token = ctx.leases.token(id);
  return token === undefined ? { leaseOwner: ctx.owner } : { leaseOwner: ctx.owner, leaseToken: token };
}

/** @internal The account an entry publishes to, as the client takes it. */
export function accountOf(entry: CalendarEntry): { platform: string; id: string } {
  return { platform: entry.platform, id: entry.accountId };
}

/** @internal `publishing → failed` with the error recorded. */
export async function markFailed(
  ctx: ExecutorContext,
  entry: CalendarEntry,
  error: { code: string; message: string },
  reason: string,
  attempts?: number,
): Promise<EntryOutcome> {
  const failed = await ctx.store.transition(entry.id, {
    to: 'failed',
    at: iso(ctx.clock.now()),
    by: ctx.owner,
    reason,
    ...fenceOf(ctx, entry.id),
    releaseLease: true,
    // A failed pending publish is dead on the network: publishing again must start afresh.
    patch: attempts === undefined ? { error, pendingPublish: undefined } : { error, attempts, pendingPublish: undefined },
  });
  ctx.emitter.emit('entry-failed', { entry: failed, error });
  return { status: 'failed', entry: failed };
}

/** @internal `publishing → outcome_unknown`: a person has to look. */
export async function markOutcomeUnknown(
  ctx: ExecutorContext,
  entry: CalendarEntry,
  reason: string,
  cause?: unknown,
): Promise<EntryOutcome> {
  const error =
    cause === undefined
      ? { code: 'publish_outcome_unknown', message: reason }
      : { code: describePublishFailure(cause).code, message: `${reason} (${describePublishFailure(cause).message})` };
  const unknown = await ctx.store.transition(entry.id, {
    to: 'outcome_unknown',
    at: iso(ctx.clock.now()),
    by: ctx.owner,
    reason,
    ...fenceOf(ctx, entry.id),
    releaseLease: true,
    patch: { error },
  });
  ctx.emitter.emit('entry-outcome-unknown', { entry: unknown, reason });
  return { status: 'outcome_unknown', entry: unknown };
}

/**
 * @internal A transient failure: back to `scheduled` (calendar time kept) with the attempt
 * counted and `nextAttemptAt` set, or `failed` with `deadline_exceeded` when that would fall
 * after the deadline.
 */
export async function scheduleRetry(ctx: ExecutorContext, entry: CalendarEntry, error: unknown): Promise<EntryOutcome> {
  const now = ctx.clock.now();
  const attempt = (entry.attempts ?? 0) + 1;
  const next = now + retryDelayMs(ctx.retry, attempt, error, now);
  const deadline = Date.parse(entry.scheduledAt!) + ctx.retry.deadlineMs;
  const described = describePublishFailure(error);
  if (next > deadline) {
    // This failed attempt counts too: after 5 failed attempts the entry says 5.
    return markFailed(
      ctx,
      entry,
      {
        code: 'deadline_exceeded',
        message: `Not published after ${attempt} attempt(s) by the deadline ${iso(deadline)}; last error ${described.code}: ${described.message}`,
      },
      'retry deadline exceeded',
      attempt,
    );
  }
  const nextAttemptAt = iso(next);
  const retried = await ctx.store.transition(entry.id, {
    to: 'scheduled',
    at: iso(now),
    by: ctx.owner,
    reason: `retry ${attempt} at ${nextAttemptAt} after ${described.code}`,
    ...fenceOf(ctx, entry.id),
    releaseLease: true,
    patch: { attempts: attempt, nextAttemptAt, error: described },
  });
  ctx.emitter.emit('entry-retry', { entry: retried, error: described, attempt, nextAttemptAt });
  return { status: 'retry_scheduled', entry: retried };
}

/**
 * @internal `publishing → published`. The post exists, so this write must land: if the lease
 * was lost meanwhile (another worker is reconciling, or already gave up with
 * `outcome_unknown`), write the truth over it by version instead.
 */
export async function recordPublished(
  ctx: ExecutorContext,
  entry: CalendarEntry,
  published: PublishedPost,
  reconciled: boolean,
): Promise<EntryOutcome> {
  const { store, owner } = ctx;
  const at = iso(ctx.clock.now());
  const reason = reconciled ? 'found on the network by its idempotency key' : undefined;
  const patch = { published, nextAttemptAt: undefined, error: undefined, pendingPublish: undefined };
  let stored: CalendarEntry;
  try {
    stored = await store.transition(entry.id, {
      to: 'published',
      at,
      by: owner,
      ...fenceOf(ctx, entry.id),
      releaseLease: true,
      patch,
      ...(reason ? { reason } : {}),
    });
  } catch (error) {
    if (!EntryConflictError.isInstance(error)) throw error;
    stored = await overwriteAsPublished(ctx, entry.id, published, at);
  }
  ctx.emitter.emit('entry-published', { entry: stored, published, reconciled });
  return { status: 'published', entry: stored };
}

const samePost = (a: PublishedPost, b: PublishedPost) =>
  a.parts.length === b.parts.length && a.parts.every((part, index) => part.id === b.parts[index]?.id);

// How to walk an entry to `published` by version from where another worker left it.
const ROUTE_TO_PUBLISHED: Partial<Record<CalendarEntry['status'], ReadonlyArray<CalendarEntry['status']>>> = {
  publishing: ['published'],
  outcome_unknown: ['published'],
  scheduled: ['publishing', 'published'],
  failed: ['scheduled', 'publishing', 'published'],
};

/**
 * The post exists but this run lost its lease: record it over whatever the entry says now,
 * compare-and-set on the version (dropping the other claim's lease, so its writes fail and
 * its in-flight call is aborted). When the entry already records a *different* post, two
 * posts exist: report `entry-duplicate` with both refs instead of hiding one.
 */
async function overwriteAsPublished(ctx: ExecutorContext, id: string, published: PublishedPost, at: string): Promise<CalendarEntry> {
  for (let attempt = 0; ; attempt += 1) {
    const current = await ctx.store.get(id);
    if (current === undefined)
      throw new EntryConflictError(
        id,
        `Entry ${id} was deleted while it was being published; the post exists: ${published.parts[0]?.id ?? ''}.`,
      );
    if (current.status === 'published') {
      if (current.published !== undefined && !samePost(current.published, published)) {
        ctx.logger.error('an entry was published twice: two posts exist', {
          entryId: id,
          recorded: current.published.parts.map((part) => part.id).join(','),
          duplicate: published.parts.map((part) => part.id).join(','),
        });
        ctx.emitter.emit('entry-duplicate', { entry: current, recorded: current.published, duplicate: published });
      }
      return current;
    }
    const route = ROUTE_TO_PUBLISHED[current.status];
    if (route === undefined) {
      throw new EntryConflictError(
        id,
        `Entry ${id} is "${current.status}" but its post exists (${published.parts[0]?.url ?? published.parts[0]?.id ?? ''}): a person changed it while it was being published; record the post by hand.`,
      );
    }
    try {
      let version = current.version;
      let stored = current;
      for (const to of route) {
        stored = await ctx.store.transition(id, {
          to,
          at,
          by: ctx.owner,
          reason: 'published while the lease was lost',
          expectedVersion: version,
          releaseLease: true,
          ...(to === 'published' ? { patch: { published, nextAttemptAt: undefined, error: undefined, pendingPublish: undefined } } : {}),
        });
        version = stored.version;
      }
      return stored;
    } catch (error) {
      if (!EntryConflictError.isInstance(error) || attempt >= 5) throw error;
    }
  }
}
