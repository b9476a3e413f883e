import type { AdapterV1PendingPublish, AdapterV1PostDraft } from '../adapter-spec/index.js';
import { isAdapterV1PendingPublish } from '../adapter-spec/index.js';
import { PublishPendingTimeoutError, ValidationError } from '../errors/index.js';
import { holdProcess } from '../clock/index.js';
import { PendingPublishSchema, type PendingPublish, type PublishedPost } from '../model/index.js';
import { operationContext, type AccountBinding } from './account-bindings.js';
import { adapterWarnings, parseAdapterOutput, toPublishedPost } from './adapter-output.js';
import type { ClientContext } from './client-context.js';
import type { PendingWaitOptions } from './smm-client.js';

/** How long a pending publish is waited for when neither the call nor the adapter says. */
export const DEFAULT_PENDING_WAIT_MS = 10 * 60_000;
/** The first backoff step between polls, and the cap. */
const FIRST_POLL_MS = 1_000;
const MAX_POLL_MS = 30_000;

/** @internal How to wait: the public options with the draft already parsed. */
export interface PendingWait extends PendingWaitOptions {
  signal?: AbortSignal | undefined;
  draft?: AdapterV1PostDraft;
  /** Where the warnings the adapter reports while the post goes live are added (spec v1.1). */
  warnings?: Array<{ code: string; message: string }>;
}

/**
 * @internal The delay before poll number `polls + 1`: the network's hint when it gave one,
 * else exponential from 1 s with equal jitter, capped at 30 s.
 */
export function pollDelayMs(polls: number, hintMs: number | undefined, random: () => number = Math.random): number {
  if (hintMs !== undefined && Number.isFinite(hintMs) && hintMs >= 0) return Math.min(hintMs, MAX_POLL_MS * 10);
  const step = Math.min(MAX_POLL_MS, FIRST_POLL_MS * 2 ** polls);
  return Math.round(step / 2 + random() * (step / 2));
}

/** @internal A pending answer as the record callers store (validated: a bad handle is an adapter bug). */
export function toPendingPublish(
  answer: AdapterV1PendingPublish,
  binding: AccountBinding,
  idempotencyKey: string,
  since: string,
  operation: string,
): PendingPublish {
  return parseAdapterOutput(
    PendingPublishSchema,
    {
      platform: binding.account.platform,
      accountId: binding.account.id,
      handle: answer.pending,
      idempotencyKey,
      since,
      ...(answer.progress ? { progress: answer.progress } : {}),
    },
    binding.adapter,
    operation,
  );
}

/**
 * @internal Polls `doGetPublishStatus` until the post is live (returned), the network gives up
 * (its error propagates), or the wait runs out (`PublishPendingTimeoutError` carrying the
 * pending publish to resume from). Every wait goes through the client's clock and honours `signal`.
 */
export async function awaitPending(
  ctx: ClientContext,
  binding: AccountBinding,
  first: PendingPublish,
  firstHintMs: number | undefined,
  options: PendingWait,
): Promise<PublishedPost> {
  const { adapter } = binding;
  if (adapter.doGetPublishStatus === undefined) {
    throw new ValidationError(`output of the ${adapter.platform} adapter (an adapter bug)`, [
      {
        path: ['doGetPublishStatus'],
        code: 'pending_without_status',
        message: 'it answered a publish with a pending handle but implements no doGetPublishStatus to poll it',
      },
    ]);
  }
  const maxWaitMs = options.maxWaitMs ?? adapter.capabilities.pendingPublish?.maxWaitMs ?? DEFAULT_PENDING_WAIT_MS;
  const started = ctx.clock.now();
  const deadline = started + maxWaitMs;
  const context = operationContext(ctx, binding, options.signal, first.idempotencyKey);
  // Waiting for a pending publish is pending work: it keeps the process alive, as a request does
  // (the clock's own timers never do).
  const release = holdProcess();
  try {
    return await pollUntilLive(ctx, binding, first, firstHintMs, options, { started, deadline, context });
  } finally {
    release();
  }
}

async function pollUntilLive(
  ctx: ClientContext,
  binding: AccountBinding,
  first: PendingPublish,
  firstHintMs: number | undefined,
  options: PendingWait,
  run: { started: number; deadline: number; context: ReturnType<typeof operationContext> },
): Promise<PublishedPost> {
  const { adapter } = binding;
  const { started, deadline, context } = run;
  let pending = first;
  let hint = firstHintMs;
  await options.onPending?.(pending);
  for (let polls = 0; ; polls += 1) {
    const now = ctx.clock.now();
    if (now >= deadline) {
      throw new PublishPendingTimeoutError(
        `${adapter.displayName} has not made the post live after ${Math.round((now - started) / 1000)} s of waiting (${polls} polls, last stage ${pending.progress?.stage ?? 'unknown'}). Nothing is lost: resume with client.awaitPublish(error.pending), later or with a longer maxWaitMs.`,
        { pending, waitedMs: now - started },
      );
    }
    const delay = Math.min(pollDelayMs(polls, hint), deadline - now);
    ctx.emitter.emit('publish-progress', {
      pending,
      ...(pending.progress ? { progress: pending.progress } : {}),
      polls,
      nextPollInMs: delay,
    });
    await ctx.clock.sleep(delay, options.signal);
    const answer = await adapter.doGetPublishStatus!(
      { handle: pending.handle, idempotencyKey: pending.idempotencyKey, ...(options.draft ? { draft: options.draft } : {}) },
      context,
    );
    options.warnings?.push(...adapterWarnings(answer, adapter, 'doGetPublishStatus'));
    if (!isAdapterV1PendingPublish(answer)) {
      return toPublishedPost(answer, binding, 'doGetPublishStatus', ctx.clock.now(), pending.idempotencyKey);
    }
    const next = toPendingPublish(answer, binding, pending.idempotencyKey, pending.since, 'doGetPublishStatus');
    const newHandle = JSON.stringify(next.handle) !== JSON.stringify(pending.handle);
    pending = next;
    hint = answer.pollAfterMs;
    if (newHandle) {
      ctx.emitter.emit('publish-pending', { pending });
      await options.onPending?.(pending);
    }
  }
}
