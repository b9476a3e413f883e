import type { AdapterV1Idempotency as IdempotencyStrategy } from '../adapter-spec/index.js';
import type { PublishedPost } from '../model/index.js';
import type { CalendarEntry } from '../schedule-store/index.js';
import type { EntryOutcome } from './entry-outcome.js';
import { accountOf, fenceOf, markOutcomeUnknown, recordPublished, scheduleRetry } from './entry-settlement.js';
import type { ExecutorContext } from './executor-context.js';
import { classifyPublishFailure } from './publish-failure.js';
import { retryDelayMs } from './retry-policy.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * @internal What reconciliation decided: an outcome, or `republish` — the entry is back in
 * `scheduled` under this worker's lease and the caller publishes it again (with the same key).
 */
export type ReconcileResult = EntryOutcome | { status: 'republish'; entry: CalendarEntry };

function strategyOf(ctx: ExecutorContext, entry: CalendarEntry): IdempotencyStrategy['strategy'] {
  try {
    return ctx.client.adapter(entry.platform).capabilities.idempotency.strategy;
  } catch {
    return 'none';
  }
}

// Look back from the moment it went to `publishing` (a minute of slack for clock skew).
function lookupSince(entry: CalendarEntry): string | undefined {
  const record = entry.history.findLast((item) => item.to === 'publishing');
  return record === undefined ? undefined : iso(Date.parse(record.at) - 60_000);
}

/**
 * @internal Settles an entry left in `publishing` — by a worker that died or lost its lease
 * (`cause` absent), or by a publish call whose outcome is unknown (`cause` set). Never
 * publishes blindly:
 * - the adapter finds the post by its idempotency key → `published` with its refs;
 * - it definitely is not there (`lookup`), or the network dedupes the key (`native-key`) →
 *   `republish`: the caller publishes again with the same key (at once after a crash, with backoff after an unknown
 *   outcome, so a network that keeps timing out cannot loop);
 * - nobody can tell (`none`, or the lookup failed for good) → `outcome_unknown` + event;
 * - the lookup failed transiently → keep `publishing` and let the lease run out after a
 *   backoff, so this (or another) worker looks again.
 */
export async function reconcileEntry(ctx: ExecutorContext, entry: CalendarEntry, cause?: unknown): Promise<ReconcileResult> {
  const { store, owner, clock } = ctx;
  const key = entry.idempotencyKey;
  const strategy = strategyOf(ctx, entry);
  const how = cause === undefined ? 'a worker stopped while publishing it' : 'the publish call ended without a clear answer';
  if (key === undefined) return markOutcomeUnknown(ctx, entry, `${how} and no idempotency key was recorded`, cause);
  if (strategy === 'none') {
    return markOutcomeUnknown(
      ctx,
      entry,
      `${how}, and ${entry.platform} cannot tell whether the post exists (idempotency strategy "none"): check the account and resolve it by hand`,
      cause,
    );
  }

  let found: PublishedPost | null;
  try {
    const since = lookupSince(entry);
    const signal = ctx.leases.signal(entry.id);
    found = await ctx.client.findPublished(accountOf(entry), {
      idempotencyKey: key,
      draft: entry.draft,
      ...(since ? { since } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (ctx.leases.isLost(entry.id)) return { status: 'not_claimed', entry: await store.get(entry.id) };
    const now = clock.now();
    const delay = retryDelayMs(ctx.retry, 1, error, now);
    const beforeDeadline = now + delay <= Date.parse(entry.scheduledAt!) + ctx.retry.deadlineMs;
    if (
      classifyPublishFailure(error) === 'transient' &&
      beforeDeadline &&
      (await store.extendLease(entry.id, owner, now, delay, ctx.leases.token(entry.id)))
    ) {
      ctx.logger.warn('could not look up a post by its idempotency key; will look again', { entryId: entry.id, inMs: delay });
      return { status: 'retry_scheduled', entry: await store.get(entry.id) };
    }
    return markOutcomeUnknown(ctx, entry, `${how}, and looking the post up by its idempotency key failed`, error);
  }

  if (found !== null) return recordPublished(ctx, entry, found, true);
  if (cause !== undefined) return scheduleRetry(ctx, entry, cause);
  const back = await store.transition(entry.id, {
    to: 'scheduled',
    at: iso(clock.now()),
    by: owner,
    reason:
      strategy === 'native-key'
        ? 'reconciled: publishing again with the same key (the network dedupes it)'
        : 'reconciled: not found on the network, publishing again',
    ...fenceOf(ctx, entry.id),
  });
  return { status: 'republish', entry: back };
}
