import { PublishPendingTimeoutError } from '../errors/index.js';
import type { PendingPublish, PublishedPost } from '../model/index.js';
import { EntryConflictError, entryDueAt, type CalendarEntry, type StoreTransition } from '../schedule-store/index.js';
import {
  accountOf,
  fenceOf,
  idempotencyKeyOf,
  markFailed,
  markOutcomeUnknown,
  recordPublished,
  scheduleRetry,
} from './entry-settlement.js';
import type { EntryOutcome } from './entry-outcome.js';
import type { ExecutorContext } from './executor-context.js';
import { classifyPublishFailure, describePublishFailure } from './publish-failure.js';
import { reconcileEntry } from './reconcile-entry.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * @internal Runs an entry this worker has just claimed (it holds the lease): publishes a
 * `scheduled` one, reconciles a stale `publishing` one. Never throws for a publish failure;
 * store errors other than a lost lease propagate.
 */
export async function executeClaimed(ctx: ExecutorContext, claimed: CalendarEntry, started?: CalendarEntry): Promise<EntryOutcome> {
  const now = ctx.clock.now();
  const dueAt = entryDueAt(claimed) ?? now;
  const reconcile = claimed.status === 'publishing';
  const lagMs = Math.max(0, now - dueAt);
  ctx.emitter.emit('entry-claimed', { entry: claimed, reconcile, lagMs });
  if (!reconcile && lagMs > ctx.lagWarningMs) {
    ctx.emitter.emit('lag', { entryId: claimed.id, accountKey: claimed.accountKey, dueAt: iso(dueAt), lagMs });
  }
  try {
    // The claim's own write already moved it to `publishing` (see startOnClaim).
    if (started !== undefined) return await runPublish(ctx, started);
    // A pending publish recorded by an earlier run: resume polling its handle, never publish again.
    if (reconcile && claimed.pendingPublish !== undefined) return await runPublish(ctx, claimed);
    if (reconcile) return await reconcileThenPublish(ctx, claimed);
    return await publishScheduled(ctx, claimed);
  } catch (error) {
    if (!EntryConflictError.isInstance(error)) throw error;
    // Our lease ran out and someone else took over (or a person changed the entry): theirs now.
    ctx.logger.warn('scheduler lost an entry to a concurrent change', { entryId: claimed.id, owner: ctx.owner });
    return { status: 'not_claimed', entry: await ctx.store.get(claimed.id) };
  }
}

// With a pending handle the network already has the post: finishing it is not a new attempt.
const pastDeadline = (ctx: ExecutorContext, entry: CalendarEntry, now: number) =>
  entry.pendingPublish === undefined && now > Date.parse(entry.scheduledAt!) + ctx.retry.deadlineMs;

/**
 * @internal The `publishing` write that starts a publish of a claimed entry (fenced on
 * `fence`, with the idempotency key), or `undefined` when it must not start now — not
 * `scheduled`, held, or past its deadline: {@link publishScheduled} settles those.
 */
export function publishingTransition(
  ctx: ExecutorContext,
  entry: CalendarEntry,
  now: number,
  fence: { leaseOwner: string; leaseToken?: string },
): StoreTransition | undefined {
  if (entry.status !== 'scheduled' || entry.hold !== null || pastDeadline(ctx, entry, now)) return undefined;
  return {
    to: 'publishing',
    at: iso(now),
    by: ctx.owner,
    ...fence,
    ...(entry.attempts ? { reason: `attempt ${entry.attempts + 1}` } : {}),
    patch: { idempotencyKey: idempotencyKeyOf(entry) },
  };
}

/** @internal Publishes a claimed `scheduled` entry: deadline check, `publishing` + key, publish, record. */
export async function publishScheduled(ctx: ExecutorContext, entry: CalendarEntry): Promise<EntryOutcome> {
  const { store, owner, clock } = ctx;
  if (entry.status !== 'scheduled' || entry.hold !== null) {
    await store.releaseLease(entry.id, owner, ctx.leases.token(entry.id));
    return { status: 'not_claimed', entry: await store.get(entry.id) };
  }
  const now = clock.now();
  const deadline = Date.parse(entry.scheduledAt!) + ctx.retry.deadlineMs;
  if (pastDeadline(ctx, entry, now)) {
    const error = {
      code: 'deadline_exceeded',
      message: `Not published: it was due at ${entry.scheduledAt} and no attempt could be made before the deadline (${iso(deadline)}); nothing was sent. Reschedule it to publish.`,
    };
    const failed = await store.transition(entry.id, {
      to: 'failed',
      at: iso(now),
      by: owner,
      reason: 'deadline exceeded before publishing',
      ...fenceOf(ctx, entry.id),
      releaseLease: true,
      patch: { error },
    });
    ctx.emitter.emit('entry-failed', { entry: failed, error });
    return { status: 'failed', entry: failed };
  }
  // Fenced on this claim's token: if the lease lapsed and the entry was claimed again, this
  // fails and nothing is sent.
  const publishing = await store.transition(entry.id, publishingTransition(ctx, entry, now, fenceOf(ctx, entry.id))!);
  return runPublish(ctx, publishing);
}

/**
 * @internal Publishes a `publishing` entry this run holds — or, when it records a pending
 * publish, resumes polling that handle — and settles it. A pending answer is written to the
 * entry (fenced on the lease) before polling starts.
 */
async function runPublish(ctx: ExecutorContext, entry: CalendarEntry): Promise<EntryOutcome> {
  // The re-check just before the network call (a fenced renewal when the last one is old).
  if (!(await ctx.leases.confirm(entry.id))) return leaseLost(ctx, entry.id, 'before publishing: nothing was sent');
  const signal = ctx.leases.signal(entry.id);
  let latest = entry;
  const onPending = async (pending: PendingPublish) => {
    latest = await ctx.store.put({ ...latest, pendingPublish: pending }, fenceOf(ctx, entry.id));
    ctx.emitter.emit('entry-pending', { entry: latest, pending });
  };
  const key = idempotencyKeyOf(entry);
  // The client reports polls by idempotency key; listen only while this entry runs and report them by entry.
  const stopListening = ctx.client.on?.('publish-progress', ({ pending, progress, polls }) => {
    if (pending.idempotencyKey === key)
      ctx.emitter.emit('entry-progress', { entryId: entry.id, pending, polls, ...(progress ? { progress } : {}) });
  });
  let published: PublishedPost;
  try {
    published =
      entry.pendingPublish !== undefined
        ? await ctx.client.awaitPublish(entry.pendingPublish, { draft: entry.draft, onPending, ...(signal ? { signal } : {}) })
        : (await ctx.client.publish(accountOf(entry), entry.draft, { idempotencyKey: key, onPending, ...(signal ? { signal } : {}) }))
            .published;
  } catch (error) {
    // The call was aborted because another claim owns the entry now: it settles it.
    if (ctx.leases.isLost(entry.id)) return leaseLost(ctx, entry.id, 'while publishing: the call was aborted');
    // Storing the pending handle was fenced out: another claim owns the entry (and will resume it).
    if (EntryConflictError.isInstance(error)) throw error;
    if (PublishPendingTimeoutError.isInstance(error)) {
      // The network still holds it: keep the handle, so whoever resolves it resumes, not republishes.
      return markOutcomeUnknown(ctx, latest, `the network accepted it but had not made it live by the wait limit: ${error.message}`);
    }
    return afterFailure(ctx, latest, error);
  } finally {
    stopListening?.();
  }
  return recordPublished(ctx, latest, published, false);
}

/** @internal This run's lease is gone: write nothing (the new claim owns the entry). */
async function leaseLost(ctx: ExecutorContext, id: string, when: string): Promise<EntryOutcome> {
  ctx.logger.warn(`scheduler lost the lease of an entry ${when}`, { entryId: id, owner: ctx.owner });
  const entry = await ctx.store.get(id);
  return entry === undefined ? { status: 'not_claimed' } : { status: 'not_claimed', entry };
}

/** @internal Settles a `publishing` entry after a failed publish call. */
async function afterFailure(ctx: ExecutorContext, entry: CalendarEntry, error: unknown): Promise<EntryOutcome> {
  const kind = classifyPublishFailure(error);
  ctx.logger.warn('publish failed', { entryId: entry.id, platform: entry.platform, kind, code: describePublishFailure(error).code });
  if (kind === 'permanent') return markFailed(ctx, entry, describePublishFailure(error), 'publish failed', (entry.attempts ?? 0) + 1);
  if (kind === 'transient') return scheduleRetry(ctx, entry, error);
  // It may be on the network: look before publishing again.
  return reconcileThenPublish(ctx, entry, error);
}

/** Reconciles, then publishes again when reconciliation proved that is safe. */
async function reconcileThenPublish(ctx: ExecutorContext, entry: CalendarEntry, cause?: unknown): Promise<EntryOutcome> {
  const result = await reconcileEntry(ctx, entry, cause);
  return result.status === 'republish' ? publishScheduled(ctx, result.entry) : result;
}
