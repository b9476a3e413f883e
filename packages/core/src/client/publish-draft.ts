import { isAdapterV1PendingPublish } from '../adapter-spec/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import { mediaRefForAdapter, mediaRefForLookup, probeDraftMedia } from '../media/index.js';
import { InstantSchema, parsePostDraft, parseWithSchema, type PostDraft, type PostDraftInput } from '../model/index.js';
import { accountKey, type AccountRef } from './account-key.js';
import { operationContext, type AccountBindings } from './account-bindings.js';
import { adapterWarnings, toPublishedPost } from './adapter-output.js';
import { awaitPending, toPendingPublish } from './await-pending.js';
import { checkDraft, type PublishExtras } from './check-draft.js';
import { resolveVariant } from './resolve-variant.js';
import type { ClientContext } from './client-context.js';
import type { PublishOptions, PublishPendingResult, PublishResult } from './smm-client.js';

/** A draft as a spec v1 adapter reads it for a look-up: media sources it cannot read carry no bytes. */
export function draftForLookup(draft: PostDraft) {
  return {
    ...draft,
    media: draft.media.map(mediaRefForLookup),
    thread: draft.thread.map((part) => ({ ...part, media: part.media.map(mediaRefForLookup) })),
  };
}

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * @internal Publishes one draft to one account: validates it against the model and the network's
 * capabilities (every problem at once, before any request), looks up an earlier publish with a
 * reused idempotency key, then calls `doReply` or `doPublish`. A pending answer is waited for
 * (polling `doGetPublishStatus`), or returned as `{ pending }` with `wait: false`.
 *
 * @param alsoTargeted - platforms the same draft goes to in this call (their `networkOptions` are not "ignored").
 * @example
 * ```ts
 * const { published } = await publishDraft(ctx, bindings, 'mastodon:1091', { text: 'Hello' }, {}, []);
 * ```
 */
export async function publishDraft(
  ctx: ClientContext,
  bindings: AccountBindings,
  ref: AccountRef,
  draftInput: PostDraftInput,
  options: PublishOptions,
  alsoTargeted: readonly string[],
): Promise<PublishResult | PublishPendingResult> {
  const account = bindings.resolve(ref);
  const adapter = ctx.adapters.get(account.platform)!;
  // The network gets its variant (text, media, link, thread); problems are reported where they live.
  const variant = resolveVariant(parsePostDraft(draftInput), account.platform, alsoTargeted);
  const draft = variant.draft;
  const extras: PublishExtras = {};
  if (options.poll) extras.poll = options.poll;
  if (options.firstComment !== undefined) extras.firstComment = options.firstComment;
  if (options.scheduledAt !== undefined) {
    extras.scheduledAt = parseWithSchema(InstantSchema, options.scheduledAt, 'publish option scheduledAt');
  }
  // Media first (reads only each file's head, sends nothing): every text and media problem goes in one error,
  // each located where it lives (`variants.x.text` when the X variant overrides the text).
  const mediaRules = adapter.capabilities.content.media;
  // URL sources are read with the client's fetch (a proxy, a test server), like every other request.
  const media = await probeDraftMedia(draft, mediaRules, {
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const checked = checkDraft(adapter, draft, extras, alsoTargeted, media.probes);
  checked.issues.unshift(...media.problems.map(({ path, code, message }) => ({ path, code, message })));
  const check = {
    ...checked,
    issues: checked.issues.map((issue) => variant.locate(issue)),
    warnings: [...variant.warnings, ...checked.warnings.map((warning) => variant.locate(warning))],
  };
  if (check.unsupported.length > 0) {
    const features = check.unsupported.map((gap) => gap.feature);
    throw new UnsupportedFeatureError(
      `${adapter.displayName} cannot publish this draft: ${check.unsupported.map((gap) => gap.message).join('; ')}`,
      {
        feature: features.join(', '),
        platform: adapter.platform,
      },
    );
  }
  if (check.issues.length > 0) throw new ValidationError(`PostDraft for ${adapter.displayName} (${accountKey(account)})`, check.issues);

  const binding = await bindings.bind(account);
  const warnings = [...check.warnings];
  const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
  const context = operationContext(ctx, binding, options.signal, idempotencyKey);
  if (options.idempotencyKey !== undefined && adapter.capabilities.idempotency.strategy === 'lookup') {
    // The key may have been used by an earlier attempt whose outcome was lost: look first.
    const found = await adapter.doFindPublished({ idempotencyKey, draft: draftForLookup(draft) }, context);
    if (found) {
      ctx.logger.info('publish skipped: already published with this idempotency key', {
        platform: adapter.platform,
        accountId: account.id,
      });
      warnings.push({
        code: 'already_published',
        message: `already published with idempotency key "${idempotencyKey}": returned the existing post`,
      });
      warnings.push(...adapterWarnings(found, adapter, 'doFindPublished'));
      return { published: toPublishedPost(found, binding, 'doFindPublished', ctx.clock.now(), idempotencyKey), warnings };
    }
  }
  const forAdapter = {
    ...draft,
    media: await Promise.all(
      draft.media.map((ref, i) =>
        mediaRefForAdapter(ref, mediaRules, ['media', i], media.bodies.get(ref), { probe: media.probes.get(ref) }),
      ),
    ),
    thread: await Promise.all(
      draft.thread.map(async (part, p) => ({
        ...part,
        media: await Promise.all(
          part.media.map((ref, i) =>
            mediaRefForAdapter(ref, mediaRules, ['thread', p, 'media', i], media.bodies.get(ref), { probe: media.probes.get(ref) }),
          ),
        ),
      })),
    ),
  };
  const input = { draft: forAdapter, networkOptions: check.networkOptions, ...extras };
  const isReply = draft.replyTo !== undefined && adapter.doReply !== undefined;
  const operation = isReply ? 'doReply' : 'doPublish';
  const out = isReply ? await adapter.doReply!(input, context) : await adapter.doPublish(input, context);
  // What the network did differently from the draft, known from its answer (spec v1.1).
  warnings.push(...adapterWarnings(out, adapter, operation));
  if (isAdapterV1PendingPublish(out)) {
    const pending = toPendingPublish(out, binding, idempotencyKey, new Date(ctx.clock.now()).toISOString(), operation);
    ctx.emitter.emit('publish-pending', { pending });
    if (options.wait === false) {
      await options.onPending?.(pending);
      return { pending, warnings };
    }
    const wait = { signal: options.signal, draft, maxWaitMs: options.maxWaitMs, onPending: options.onPending, warnings };
    return { published: await awaitPending(ctx, binding, pending, out.pollAfterMs, wait), warnings };
  }
  return { published: toPublishedPost(out, binding, operation, ctx.clock.now(), idempotencyKey), warnings };
}
