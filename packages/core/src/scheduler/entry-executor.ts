import type { Logger } from '../client/index.js';
import type { PublishedPost } from '../model/index.js';
import type { CalendarEntry } from './calendar-entry.js';
import { entryDueAt } from './entry-due-at.js';
import type { EntryOutcome } from './entry-outcome.js';
import type { LeaseKeeper } from './lease-keeper.js';
import { EntryConflictError } from './errors.js';
import { classifyPublishFailure, describePublishFailure } from './publish-failure.js';
import { reconcileEntry } from './reconcile-entry.js';
import { retryDelayMs } from './retry-policy.js';
import type { SchedulerEmitter } from './scheduler-events.js';
import type { ResolvedSchedulerOptions } from './scheduler-options.js';

/** @internal What running an entry needs from its scheduler. */
export interface ExecutorContext extends ResolvedSchedulerOptions {
  emitter: SchedulerEmitter;
  logger: Logger;
  leases: LeaseKeeper;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** @internal The key an entry is published with: stable per entry, so any re-run reuses it. */
export function idempotencyKeyOf(entry: CalendarEntry): string {
  return entry.idempotencyKey ?? `smm-entry-${entry.id}`;
}

/** @internal The account an entry publishes to, as the client takes it. */
export function accountOf(entry: CalendarEntry): { platform: string; id: string } {
  return { platform: entry.platform, id: entry.accountId };
}

/**
 * @internal Runs an entry this worker has just claimed (it holds the lease): publishes a
 * `scheduled` one, reconciles a stale `publishing` one. Never throws for a publish failure;
 * store errors other than a lost lease propagate.
 */
export async function executeClaimed(ctx: ExecutorContext, claimed: CalendarEntry): Promise<EntryOutcome> {
  const now = ctx.clock.now();
  const dueAt = entryDueAt(claimed) ?? now;
  const reconcile = claimed.status === 'publishing';
  const lagMs = Math.max(0, now - dueAt);
  ctx.emitter.emit('entry-claimed', { entry: claimed, reconcile, lagMs });
  if (!reconcile && lagMs > ctx.lagWarningMs) {
    ctx.emitter.emit('lag', { entryId: claimed.id, accountKey: claimed.accountKey, dueAt: iso(dueAt), lagMs });
  }
  try {
    if (reconcile) return await reconcileEntry(ctx, claimed);
    return await publishScheduled(ctx, claimed);
  } catch (error) {
    if (!EntryConflictError.isInstance(error)) throw error;
    // Our lease ran out and someone else took over (or a person changed the entry): theirs now.
    ctx.logger.warn('scheduler lost an entry to a concurrent change', { entryId: claimed.id, owner: ctx.owner });
    return { status: 'not_claimed', entry: await ctx.store.get(claimed.id) };
  }
}

/** @internal Publishes a claimed `scheduled` entry: deadline check, `publishing` + key, publish, record. */
export async function publishScheduled(ctx: ExecutorContext, entry: CalendarEntry): Promise<EntryOutcome> {
  const { store, owner, clock } = ctx;
  if (entry.status !== 'scheduled' || entry.hold !== null) {
    await store.releaseLease(entry.id, owner);
    return { status: 'not_claimed', entry: await store.get(entry.id) };
  }
  const now = clock.now();
  const deadline = Date.parse(entry.scheduledAt!) + ctx.retry.deadlineMs;
  if (now > deadline) {
    const error = {
      code: 'deadline_exceeded',
      message: `Not published: it was due at ${entry.scheduledAt} and no attempt could be made before the deadline (${iso(deadline)}); nothing was sent. Reschedule it to publish.`,
    };
    const failed = await store.transition(entry.id, {
      to: 'failed',
      at: iso(now),
      by: owner,
      reason: 'deadline exceeded before publishing',
      leaseOwner: owner,
      releaseLease: true,
      patch: { error },
    });
    ctx.emitter.emit('entry-failed', { entry: failed, error });
    return { status: 'failed', entry: failed };
  }
  const idempotencyKey = idempotencyKeyOf(entry);
  const publishing = await store.transition(entry.id, {
    to: 'publishing',
    at: iso(now),
    by: owner,
    leaseOwner: owner,
    ...(entry.attempts ? { reason: `attempt ${entry.attempts + 1}` } : {}),
    patch: { idempotencyKey },
  });
  let published: PublishedPost;
  ctx.leases.hold(entry.id);
  try {
    published = (await ctx.client.publish(accountOf(entry), entry.draft, { idempotencyKey })).published;
  } catch (error) {
    ctx.leases.release(entry.id);
    return afterFailure(ctx, publishing, error);
  }
  ctx.leases.release(entry.id);
  return recordPublished(ctx, publishing, published, false);
}

/** @internal Settles a `publishing` entry after a failed publish call. */
async function afterFailure(ctx: ExecutorContext, entry: CalendarEntry, error: unknown): Promise<EntryOutcome> {
  const kind = classifyPublishFailure(error);
  ctx.logger.warn('publish failed', { entryId: entry.id, platform: entry.platform, kind, code: describePublishFailure(error).code });
  if (kind === 'permanent') return markFailed(ctx, entry, describePublishFailure(error), 'publish failed');
  if (kind === 'transient') return scheduleRetry(ctx, entry, error);
  // It may be on the network: look before publishing again.
  return reconcileEntry(ctx, entry, error);
}

/** @internal `publishing → failed` with the error recorded. */
export async function markFailed(
  ctx: ExecutorContext,
  entry: CalendarEntry,
  error: { code: string; message: string },
  reason: string,
): Promise<EntryOutcome> {
  const failed = await ctx.store.transition(entry.id, {
    to: 'failed',
    at: iso(ctx.clock.now()),
    by: ctx.owner,
    reason,
    leaseOwner: ctx.owner,
    releaseLease: true,
    patch: { error },
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
    leaseOwner: ctx.owner,
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
    return markFailed(
      ctx,
      { ...entry, attempts: attempt },
      {
        code: 'deadline_exceeded',
        message: `Not published after ${attempt} attempt(s) by the deadline ${iso(deadline)}; last error ${described.code}: ${described.message}`,
      },
      'retry deadline exceeded',
    );
  }
  const nextAttemptAt = iso(next);
  const retried = await ctx.store.transition(entry.id, {
    to: 'scheduled',
    at: iso(now),
    by: ctx.owner,
    reason: `retry ${attempt} at ${nextAttemptAt} after ${described.code}`,
    leaseOwner: ctx.owner,
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
  const patch = { published, nextAttemptAt: undefined, error: undefined };
  let stored: CalendarEntry;
  try {
    stored = await store.transition(entry.id, {
      to: 'published',
      at,
      by: owner,
      leaseOwner: owner,
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

async function overwriteAsPublished(ctx: ExecutorContext, id: string, published: PublishedPost, at: string): Promise<CalendarEntry> {
  for (let attempt = 0; ; attempt += 1) {
    const current = await ctx.store.get(id);
    if (current === undefined)
      throw new EntryConflictError(
        id,
        `Entry ${id} was deleted while it was being published; the post exists: ${published.parts[0]?.id ?? ''}.`,
      );
    if (current.status === 'published') return current;
    try {
      return await ctx.store.transition(id, {
        to: 'published',
        at,
        by: ctx.owner,
        reason: 'published while the lease was lost',
        expectedVersion: current.version,
        releaseLease: true,
        patch: { published, nextAttemptAt: undefined, error: undefined },
      });
    } catch (error) {
      if (!EntryConflictError.isInstance(error) || attempt >= 5) throw error;
    }
  }
}
