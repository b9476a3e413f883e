import { z } from 'zod';
import type { Adapter } from '../adapter-spec/index.js';
import { isAdapterV1PendingPublish } from '../adapter-spec/index.js';
import { systemClock } from '../clock/index.js';
import { createTypedEmitter } from '../events/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import {
  InstantSchema,
  MENTION_KINDS,
  MentionSchema,
  MetricSnapshotSchema,
  PendingPublishSchema,
  pageSchema,
  draftFor,
  parsePostDraft,
  parseWithSchema,
  safeParseWithSchema,
  type Account,
  type Mention,
  type Page,
  type PendingPublish,
} from '../model/index.js';
import { accountKey } from './account-key.js';
import { actOnMention } from './act-on-mention.js';
import { createAccountBindings, operationContext } from './account-bindings.js';
import { checkDeclaredMetrics, parseAdapterOutput, toPostRef, toPublishedPost } from './adapter-output.js';
import { awaitPending, toPendingPublish } from './await-pending.js';
import type { ClientEvents } from './client-events.js';
import type { ClientContext } from './client-context.js';
import { CreateClientOptionsSchema, type ClientHttpOptions, type CreateClientOptions } from './client-options.js';
import { defaultCreateHttpClient } from './default-http-client.js';
import { FetchedPostSchema } from './fetched-post-schema.js';
import { readPublicAccount } from './get-public-account.js';
import { noopLogger } from './logger.js';
import { draftForLookup, publishDraft } from './publish-draft.js';
import type { PublishResult, SmmClient } from './smm-client.js';

export { accountKey, type AccountRef } from './account-key.js';
export type { ClientHttpOptions, CreateClientOptions } from './client-options.js';
export type { ClientEvents } from './client-events.js';
export type { ActOnMentionOptions, MentionAction, MentionActionResult } from './act-on-mention.js';
export type {
  AwaitPublishOptions,
  CallOptions,
  DirectMessage,
  FindPublishedQuery,
  ListMentionsOptions,
  PendingWaitOptions,
  PublishOptions,
  PublishPendingResult,
  PublishResult,
  PublishSettledResult,
  PublishStatus,
  SentDirectMessage,
  SmmClient,
} from './smm-client.js';

function requireCapability(adapter: Adapter, enabled: boolean, feature: string, what: string): void {
  if (!enabled) {
    throw new UnsupportedFeatureError(`${adapter.displayName} cannot ${what}`, { feature, platform: adapter.platform });
  }
}

/**
 * Creates the client through which an app publishes, reads mentions and metrics on every
 * connected account. It validates drafts against the model and each network's capabilities
 * (every problem at once), throws `UnsupportedFeatureError` for what a network cannot do,
 * returns warnings for soft gaps, applies rate limits and retries through one HTTP client per
 * account, and parses every adapter output with the model's schemas.
 *
 * @throws ValidationError when an option is wrong (an account without an adapter, two adapters for one network, bad credentials).
 * @example
 * ```ts
 * const client = createClient({
 *   adapters: [createMastodonAdapter({ baseUrl: 'https://mastodon.social' })],
 *   accounts: [{ platform: 'mastodon', id: '1091', handle: 'smm' }],
 *   credentials: { 'mastodon:1091': { accessToken: process.env.MASTODON_TOKEN } },
 * });
 * const { published, warnings } = await client.publish('mastodon:1091', { text: 'Hello, fediverse 👋' });
 * ```
 */
export function createClient(options: CreateClientOptions): SmmClient {
  const parsed = parseWithSchema(CreateClientOptionsSchema, options, 'createClient options');
  const clock = parsed.clock ?? systemClock;
  const adapters = new Map<string, Adapter>();
  const problems: Array<{ path: Array<string | number>; code: string; message: string }> = [];
  parsed.adapters.forEach((adapter, index) => {
    if (adapters.has(adapter.platform)) {
      problems.push({
        path: ['adapters', index],
        code: 'duplicate_adapter',
        message: `a second adapter for "${adapter.platform}": give one adapter per network`,
      });
    }
    adapters.set(adapter.platform, adapter);
  });
  const accounts = new Map<string, Account>();
  parsed.accounts.forEach((account, index) => {
    if (!adapters.has(account.platform)) {
      problems.push({
        path: ['accounts', index, 'platform'],
        code: 'no_adapter',
        message: `no adapter for "${account.platform}": add its adapter to adapters (have: ${[...adapters.keys()].join(', ')})`,
      });
    }
    if (accounts.has(accountKey(account))) {
      problems.push({ path: ['accounts', index], code: 'duplicate_account', message: `account ${accountKey(account)} is listed twice` });
    }
    accounts.set(accountKey(account), account);
  });
  if (typeof parsed.credentials === 'object') {
    for (const [key, account] of accounts) {
      const adapter = adapters.get(account.platform);
      if (!adapter) continue;
      if (!(key in parsed.credentials)) {
        problems.push({
          path: ['credentials', key],
          code: 'missing_credentials',
          message: `no credentials for account ${key}: add them under "${key}"`,
        });
        continue;
      }
      const result = safeParseWithSchema(adapter.credentials.schema, parsed.credentials[key]);
      if (!result.success) {
        // Only paths and messages: never echo the (secret) values.
        for (const issue of result.issues) problems.push({ ...issue, path: ['credentials', key, ...issue.path] });
      }
    }
  }
  if (problems.length > 0) throw new ValidationError('createClient options', problems);

  const ctx: ClientContext = {
    adapters,
    accounts,
    credentials: parsed.credentials,
    onCredentialsChange: parsed.onCredentialsChange,
    clock,
    logger: parsed.logger ?? noopLogger,
    httpOptions: parsed.httpOptions as ClientHttpOptions | undefined,
    fetch: parsed.fetch,
    createHttpClient: parsed.createHttpClient ?? defaultCreateHttpClient,
    emitter: createTypedEmitter<ClientEvents>({
      onListenerError: (error, type) =>
        (parsed.logger ?? noopLogger).error('client event listener threw', {
          event: String(type),
          error: error instanceof Error ? error.message : String(error),
        }),
    }),
  };
  const bindings = createAccountBindings(ctx);
  // A stored pending publish is read back from JSON: check it before trusting it.
  const pendingBinding = async (input: PendingPublish) => {
    const pending = parseWithSchema(PendingPublishSchema, input, 'pending publish');
    const binding = await bindings.bind({ platform: pending.platform, id: pending.accountId });
    return { pending, binding };
  };

  const client: SmmClient = {
    accounts: [...accounts.values()],
    adapter(platform) {
      const adapter = adapters.get(platform);
      if (!adapter) throw new ValidationError('platform', [{ path: [], code: 'no_adapter', message: `no adapter for "${platform}"` }]);
      return adapter;
    },
    async http(ref) {
      return (await bindings.bind(ref)).http;
    },
    on: ctx.emitter.on,
    // The overloads narrow the result by `wait`; one implementation serves both.
    publish: ((ref, draft, options = {}) => publishDraft(ctx, bindings, ref, draft, options, [])) as SmmClient['publish'],
    reply: ((ref, to, draft, options = {}) =>
      publishDraft(ctx, bindings, ref, { ...draft, replyTo: to }, options, [])) as SmmClient['reply'],
    async awaitPublish(input, options = {}) {
      const { pending, binding } = await pendingBinding(input);
      const { draft, ...wait } = options;
      return awaitPending(ctx, binding, pending, undefined, {
        ...wait,
        ...(draft === undefined ? {} : { draft: draftFor(parsePostDraft(draft), binding.adapter.platform) }),
      });
    },
    async publishStatus(input, options = {}) {
      const { pending, binding } = await pendingBinding(input);
      const { adapter } = binding;
      requireCapability(adapter, adapter.doGetPublishStatus !== undefined, 'pendingPublish', 'report the status of a pending publish');
      const answer = await adapter.doGetPublishStatus!(
        {
          handle: pending.handle,
          idempotencyKey: pending.idempotencyKey,
          ...(options.draft === undefined ? {} : { draft: draftFor(parsePostDraft(options.draft), adapter.platform) }),
        },
        operationContext(ctx, binding, options.signal, pending.idempotencyKey),
      );
      if (!isAdapterV1PendingPublish(answer)) {
        return { published: toPublishedPost(answer, binding, 'doGetPublishStatus', clock.now(), pending.idempotencyKey) };
      }
      return { pending: toPendingPublish(answer, binding, pending.idempotencyKey, pending.since, 'doGetPublishStatus') };
    },
    async publishEverywhere(draft, refs, options = {}) {
      const targets = refs.map((ref) => bindings.resolve(ref));
      const platforms = [...new Set(targets.map((account) => account.platform))];
      // Always waits: one result type per account (a pending one would need its own handling).
      const waiting = { ...options, wait: true };
      const settled = await Promise.allSettled(
        targets.map((account) => publishDraft(ctx, bindings, account, draft, waiting, platforms) as Promise<PublishResult>),
      );
      return settled.map((result, index) =>
        result.status === 'fulfilled'
          ? { account: targets[index]!, status: 'fulfilled' as const, value: result.value }
          : { account: targets[index]!, status: 'rejected' as const, reason: result.reason },
      );
    },
    async delete(ref, post, options = {}) {
      const binding = await bindings.bind(ref);
      requireCapability(binding.adapter, binding.adapter.capabilities.delete, 'delete', 'delete posts');
      await binding.adapter.doDelete({ post }, operationContext(ctx, binding, options.signal));
    },
    async getPost(ref, post, options = {}) {
      const binding = await bindings.bind(ref);
      const out = await binding.adapter.doGetPost({ post }, operationContext(ctx, binding, options.signal));
      if (out === null) return null;
      const value =
        out && typeof out === 'object'
          ? {
              ...out,
              ref: toPostRef(out.ref, binding.account),
              ...(out.inReplyTo ? { inReplyTo: toPostRef(out.inReplyTo, binding.account) } : {}),
            }
          : out;
      return parseAdapterOutput(FetchedPostSchema, value, binding.adapter, 'doGetPost');
    },
    async listMentions(ref, options = {}) {
      const binding = await bindings.bind(ref);
      const declared = binding.adapter.capabilities.mentionKinds;
      const kinds = options.kinds ?? declared;
      const unknown = kinds.filter((kind) => !MENTION_KINDS.includes(kind));
      if (unknown.length > 0) {
        throw new ValidationError('listMentions options', [
          { path: ['kinds'], code: 'invalid_value', message: `unknown kinds ${unknown.join(', ')}: use ${MENTION_KINDS.join(', ')}` },
        ]);
      }
      const readable = kinds.filter((kind) => declared.includes(kind));
      requireCapability(
        binding.adapter,
        readable.length > 0,
        `mentions.${kinds.join(',')}`,
        `read ${kinds.join(', ')} (it reads: ${declared.join(', ') || 'none'})`,
      );
      const page = await binding.adapter.doListMentions(
        { cursor: options.cursor ?? null, kinds: readable, ...(options.limit === undefined ? {} : { limit: options.limit }) },
        operationContext(ctx, binding, options.signal),
      );
      const value =
        page && typeof page === 'object' && Array.isArray(page.items)
          ? {
              ...page,
              items: page.items.map((item) =>
                item && typeof item === 'object'
                  ? // Object.assign: a spread copy gaining new properties is slow in V8 (see toPostRef).
                    Object.assign({}, item, {
                      platform: item.platform ?? binding.account.platform,
                      accountId: item.accountId ?? binding.account.id,
                    })
                  : item,
              ),
            }
          : page;
      const parsedPage = parseAdapterOutput(pageSchema(MentionSchema), value, binding.adapter, 'doListMentions') as Page<Mention>;
      // An adapter may return more kinds than asked for; the caller gets only those.
      return options.kinds ? { ...parsedPage, items: parsedPage.items.filter((item) => readable.includes(item.kind)) } : parsedPage;
    },
    mentions(ref, options = {}) {
      return {
        async *[Symbol.asyncIterator]() {
          let cursor: string | null = null;
          do {
            const page: Page<Mention> = await client.listMentions(ref, { ...options, cursor });
            yield* page.items;
            cursor = page.nextCursor;
          } while (cursor !== null);
        },
      };
    },
    async getPostMetrics(ref, post, options = {}) {
      const binding = await bindings.bind(ref);
      const out = await binding.adapter.doGetPostMetrics({ post }, operationContext(ctx, binding, options.signal));
      const value =
        out && typeof out === 'object'
          ? {
              subject: { type: 'post', platform: binding.account.platform, accountId: binding.account.id, postId: post.id },
              observedAt: new Date(clock.now()).toISOString(),
              ...out,
            }
          : out;
      const snapshot = parseAdapterOutput(MetricSnapshotSchema, value, binding.adapter, 'doGetPostMetrics');
      return checkDeclaredMetrics(snapshot, binding.adapter.capabilities.postMetrics, binding.adapter, 'doGetPostMetrics');
    },
    async getAccountMetrics(ref, options = {}) {
      const binding = await bindings.bind(ref);
      const out = await binding.adapter.doGetAccountMetrics({}, operationContext(ctx, binding, options.signal));
      const value =
        out && typeof out === 'object'
          ? {
              subject: { type: 'account', platform: binding.account.platform, accountId: binding.account.id },
              observedAt: new Date(clock.now()).toISOString(),
              ...out,
            }
          : out;
      const snapshot = parseAdapterOutput(MetricSnapshotSchema, value, binding.adapter, 'doGetAccountMetrics');
      return checkDeclaredMetrics(snapshot, binding.adapter.capabilities.accountMetrics, binding.adapter, 'doGetAccountMetrics');
    },
    async findPublished(ref, query, options = {}) {
      const binding = await bindings.bind(ref);
      const idempotencyKey = parseWithSchema(
        z.string().min(1, { error: 'must be the key the post was published with' }),
        query.idempotencyKey,
        'findPublished idempotencyKey',
      );
      const since = query.since === undefined ? undefined : parseWithSchema(InstantSchema, query.since, 'findPublished since');
      const out = await binding.adapter.doFindPublished(
        {
          idempotencyKey,
          ...(query.draft ? { draft: draftForLookup(draftFor(parsePostDraft(query.draft), binding.adapter.platform)) } : {}),
          ...(since ? { since } : {}),
        },
        operationContext(ctx, binding, options.signal, idempotencyKey),
      );
      return out === null ? null : toPublishedPost(out, binding, 'doFindPublished', clock.now(), idempotencyKey);
    },
    async getPublicAccount(ref, target, options = {}) {
      return readPublicAccount(ctx, await bindings.bind(ref), target, options.signal);
    },
    async sendDirectMessage(ref, message, options = {}) {
      const binding = await bindings.bind(ref);
      const { adapter } = binding;
      requireCapability(
        adapter,
        adapter.capabilities.directMessages && adapter.doSendDirectMessage !== undefined,
        'directMessages',
        'send direct messages',
      );
      const input = parseWithSchema(
        z.object({
          recipientId: z.string().min(1, { error: 'must be the recipient id on the network' }),
          text: z.string().min(1, { error: 'must be the message text' }),
        }),
        message,
        'direct message',
      );
      const out = await adapter.doSendDirectMessage!(input, operationContext(ctx, binding, options.signal));
      return parseAdapterOutput(
        z.object({ id: z.string().min(1), sentAt: InstantSchema }),
        out && typeof out === 'object' ? { sentAt: new Date(clock.now()).toISOString(), ...out } : out,
        adapter,
        'doSendDirectMessage',
      );
    },
    actOnMention: (ref, mention, action, options) => actOnMention(ctx, bindings, ref, mention, action, options),
  };
  return client;
}
