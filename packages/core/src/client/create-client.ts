import { z } from 'zod';
import { systemClock, type Clock } from '../clock/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import type { CredentialsProvider, HttpClient, HttpClientOptions } from '../http/index.js';
import {
  AccountSchema,
  InstantSchema,
  MENTION_KINDS,
  MentionSchema,
  MetricSnapshotSchema,
  PublishedPostSchema,
  pageSchema,
  parsePostDraft,
  parseWithSchema,
  type Account,
  type AccountInput,
  type CanonicalMetric,
  type Mention,
  type MentionKind,
  type MetricSnapshot,
  type Page,
  type PostDraftInput,
  type PostRef,
  type PublishedPost,
} from '../model/index.js';
import { checkDraft, type PublishExtras, type PublishWarning } from './check-draft.js';
import { defaultCreateHttpClient } from './default-http-client.js';
import { isAdapter } from './is-adapter.js';
import { FetchedPostSchema, type FetchedPostRecord } from './fetched-post-schema.js';
import { noopLogger, type Logger } from './logger.js';
import type {
  Adapter,
  AdapterV1Context as AdapterContext,
  AdapterV1PostRefOutput as PostRefOutput,
  AdapterV1PublishOutput as PublishOutput,
} from '../adapter-spec/index.js';

/** An account given to `createClient`: `"platform:id"` (e.g. `"bluesky:did:plc:abc"`) or `{ platform, id }`. */
export type AccountRef = string | { platform: string; id: string };

/** HTTP options core passes through to every account's client. */
export type ClientHttpOptions = Pick<
  HttpClientOptions,
  'timeoutMs' | 'maxRetries' | 'maxRetryTimeMs' | 'maxWaitMs' | 'onRateLimited' | 'rateLimitStore' | 'concurrency' | 'bucketConcurrency'
>;

/** Options of {@link createClient}. */
export interface CreateClientOptions {
  /** One adapter per network. */
  adapters: readonly Adapter[];
  /** The connected accounts; each needs an adapter for its platform. */
  accounts: readonly AccountInput[];
  /**
   * Each account's stored credentials, keyed `"platform:id"`, or a function that loads them
   * (called once per account, on first use). Validated with the adapter's credentials schema.
   */
  credentials: Record<string, unknown> | ((account: Account) => unknown);
  /** Called when an adapter renews credentials (a rotated refresh token): store them. */
  onCredentialsChange?: (account: Account, credentials: unknown) => void | Promise<void>;
  clock?: Clock;
  logger?: Logger;
  httpOptions?: ClientHttpOptions;
  /** The fetch every HTTP client uses (a simulator's `fetch` in tests). */
  fetch?: typeof fetch;
  /** Builds each account's HTTP client; defaults to `createHttpClient` from `@smm/core/http`. */
  createHttpClient?: (options: HttpClientOptions) => HttpClient;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of `publish`. */
export interface PublishOptions extends PublishExtras, CallOptions {
  /**
   * Makes publishing idempotent: publishing again with the same key never creates a second
   * post (through the adapter's declared strategy). Default: a fresh key per call, which still
   * makes the call's own retries safe on `native-key` networks.
   */
  idempotencyKey?: string;
}

/** What a successful publish returns. */
export interface PublishResult {
  published: PublishedPost;
  /** Soft gaps: options the network ignored or approximated. */
  warnings: PublishWarning[];
}

/** One account's outcome in `publishEverywhere`, like `Promise.allSettled`. */
export type PublishSettledResult =
  { account: Account; status: 'fulfilled'; value: PublishResult } | { account: Account; status: 'rejected'; reason: unknown };

/** Options of `listMentions`. */
export interface ListMentionsOptions extends CallOptions {
  cursor?: string | null;
  limit?: number;
  kinds?: readonly MentionKind[];
}

/** The client through which apps publish and read, on any network. */
export interface SmmClient {
  /** The accounts, validated (defaults applied). */
  readonly accounts: readonly Account[];
  /** The adapter serving a platform. */
  adapter(platform: string): Adapter;
  /** The HTTP client of one account (to read its rate-limit state). */
  http(account: AccountRef): Promise<HttpClient>;
  publish(account: AccountRef, draft: PostDraftInput, options?: PublishOptions): Promise<PublishResult>;
  /** Publishes `draft` as a reply to `to`. */
  reply(account: AccountRef, to: PostRef, draft: PostDraftInput, options?: PublishOptions): Promise<PublishResult>;
  /** Publishes one draft to many accounts at once; one failure never fails the others. */
  publishEverywhere(draft: PostDraftInput, accounts: readonly AccountRef[], options?: PublishOptions): Promise<PublishSettledResult[]>;
  delete(account: AccountRef, post: PostRef, options?: CallOptions): Promise<void>;
  /** The post, or `null` when it does not exist. */
  getPost(account: AccountRef, post: PostRef, options?: CallOptions): Promise<FetchedPostRecord | null>;
  listMentions(account: AccountRef, options?: ListMentionsOptions): Promise<Page<Mention>>;
  /** Every mention, page after page, until the end. */
  mentions(account: AccountRef, options?: Omit<ListMentionsOptions, 'cursor'>): AsyncIterable<Mention>;
  getPostMetrics(account: AccountRef, post: PostRef, options?: CallOptions): Promise<MetricSnapshot>;
  getAccountMetrics(account: AccountRef, options?: CallOptions): Promise<MetricSnapshot>;
  /** The post published with this idempotency key, or `null`. */
  findPublished(
    account: AccountRef,
    query: { idempotencyKey: string; draft?: PostDraftInput; since?: string },
    options?: CallOptions,
  ): Promise<PublishedPost | null>;
  sendDirectMessage(
    account: AccountRef,
    message: { recipientId: string; text: string },
    options?: CallOptions,
  ): Promise<{ id: string; sentAt: string }>;
}

const OptionsSchema = z.object({
  adapters: z
    .array(z.custom<Adapter>(isAdapter, { error: 'must be an adapter made with defineAdapter (specificationVersion "v1")' }))
    .min(1, { error: 'must hold at least one adapter' }),
  accounts: z.array(AccountSchema),
  credentials: z.union([z.record(z.string(), z.unknown()), z.custom<(account: Account) => unknown>((v) => typeof v === 'function')], {
    error: 'must be an object keyed "platform:id" or a function (account) => credentials',
  }),
  onCredentialsChange: z.custom<NonNullable<CreateClientOptions['onCredentialsChange']>>((v) => typeof v === 'function').optional(),
  clock: z
    .custom<Clock>((v) => typeof (v as Clock)?.now === 'function' && typeof (v as Clock)?.sleep === 'function', {
      error: 'must be a Clock { now, sleep }',
    })
    .optional(),
  logger: z
    .custom<Logger>((v) => ['debug', 'info', 'warn', 'error'].every((m) => typeof (v as Record<string, unknown>)?.[m] === 'function'), {
      error: 'must have debug, info, warn and error methods',
    })
    .optional(),
  httpOptions: z.record(z.string(), z.unknown()).optional(),
  fetch: z.custom<typeof fetch>((v) => typeof v === 'function', { error: 'must be a fetch function' }).optional(),
  createHttpClient: z.custom<NonNullable<CreateClientOptions['createHttpClient']>>((v) => typeof v === 'function').optional(),
});

/**
 * The `"platform:id"` key of an account, as `createClient` takes credentials and references.
 *
 * @example
 * ```ts
 * accountKey({ platform: 'bluesky', id: 'did:plc:abc' }); // 'bluesky:did:plc:abc'
 * ```
 */
export function accountKey(account: { platform: string; id: string }): string {
  return `${account.platform}:${account.id}`;
}

interface Binding {
  adapter: Adapter;
  account: Account;
  provider: CredentialsProvider;
  http: HttpClient;
}

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
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
  const parsed = parseWithSchema(OptionsSchema, options, 'createClient options');
  const clock = parsed.clock ?? systemClock;
  const logger = parsed.logger ?? noopLogger;
  const makeHttp = parsed.createHttpClient ?? defaultCreateHttpClient;

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
      const result = adapter.credentials.schema.safeParse(parsed.credentials[key]);
      if (!result.success) {
        for (const issue of result.error.issues) {
          // Only paths and messages: never echo the (secret) values.
          problems.push({
            path: ['credentials', key, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
            code: issue.code ?? 'invalid',
            message: issue.message,
          });
        }
      }
    }
  }
  if (problems.length > 0) throw new ValidationError('createClient options', problems);

  const bindings = new Map<string, Promise<Binding>>();

  function resolveAccount(ref: AccountRef): Account {
    const key = typeof ref === 'string' ? ref : accountKey(ref);
    const account = accounts.get(key);
    if (!account) {
      throw new ValidationError('account reference', [
        {
          path: [],
          code: 'unknown_account',
          message: `no account "${key}" was given to createClient (known: ${[...accounts.keys()].join(', ') || 'none'})`,
        },
      ]);
    }
    return account;
  }

  function httpOptionsFor(adapter: Adapter, account: Account, credentials?: CredentialsProvider): HttpClientOptions {
    const settings = adapter.http;
    const idempotency = adapter.capabilities.idempotency;
    return {
      ...(parsed.httpOptions as ClientHttpOptions | undefined),
      platform: adapter.platform,
      accountId: account.id,
      baseUrl: typeof settings.baseUrl === 'function' ? settings.baseUrl(account) : settings.baseUrl,
      ...(parsed.fetch ? { fetch: parsed.fetch } : {}),
      ...(settings.headers ? { headers: settings.headers } : {}),
      ...(credentials ? { credentials } : {}),
      ...(settings.parseRateLimit ? { parseRateLimit: settings.parseRateLimit } : {}),
      ...(settings.staticLimits ? { staticLimits: settings.staticLimits } : {}),
      ...(settings.mapError ? { mapError: settings.mapError } : {}),
      idempotencyKeyHeader: settings.idempotencyKeyHeader ?? (idempotency.strategy === 'native-key' ? idempotency.header : undefined),
      ...(settings.requestIdHeader ? { requestIdHeader: settings.requestIdHeader } : {}),
      clock,
    };
  }

  async function createBinding(account: Account): Promise<Binding> {
    const adapter = adapters.get(account.platform)!;
    const raw = typeof parsed.credentials === 'function' ? await parsed.credentials(account) : parsed.credentials[accountKey(account)];
    const result = adapter.credentials.schema.safeParse(raw);
    if (!result.success) {
      throw new ValidationError(
        `credentials of ${accountKey(account)}`,
        result.error.issues.map((issue) => ({
          path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          code: issue.code ?? 'invalid',
          message: issue.message,
        })),
      );
    }
    const authHttp = makeHttp(httpOptionsFor(adapter, account));
    const provider = adapter.credentials.createProvider({
      credentials: result.data,
      account,
      http: authHttp,
      clock,
      logger,
      saveCredentials: async (next) => {
        await parsed.onCredentialsChange?.(account, next);
      },
    });
    return { adapter, account, provider, http: makeHttp(httpOptionsFor(adapter, account, provider)) };
  }

  function bind(ref: AccountRef): Promise<Binding> {
    const account = resolveAccount(ref);
    const key = accountKey(account);
    let binding = bindings.get(key);
    if (!binding) {
      binding = createBinding(account);
      bindings.set(key, binding);
      // A failed binding (credentials not loadable) is tried again next time.
      binding.catch(() => bindings.delete(key));
    }
    return binding;
  }

  function contextOf(binding: Binding, signal: AbortSignal | undefined, idempotencyKey?: string): AdapterContext {
    return {
      http: binding.http,
      account: binding.account,
      credentials: binding.provider,
      clock,
      logger,
      // A fresh never-aborted signal per call: one shared signal would collect every concurrent
      // call's abort listeners (and Node's MaxListenersExceededWarning past ten).
      signal: signal ?? new AbortController().signal,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    };
  }

  function output<T>(schema: z.ZodType<T>, value: unknown, adapter: Adapter, operation: string): T {
    return parseWithSchema(schema, value, `output of the ${adapter.platform} adapter's ${operation} (an adapter bug)`) as T;
  }

  function refOf(ref: PostRefOutput, account: Account): PostRef {
    return { ...ref, platform: ref.platform ?? account.platform, accountId: ref.accountId ?? account.id };
  }

  function toPublished(out: PublishOutput | null | undefined, binding: Binding, operation: string, idempotencyKey?: string): PublishedPost {
    const value =
      out && typeof out === 'object' && Array.isArray(out.parts)
        ? {
            platform: binding.account.platform,
            accountId: binding.account.id,
            parts: out.parts.map((part) => (part && typeof part === 'object' ? refOf(part, binding.account) : part)),
            publishedAt: out.publishedAt ?? new Date(clock.now()).toISOString(),
            ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
          }
        : out;
    return output(PublishedPostSchema, value, binding.adapter, operation);
  }

  function requireCapability(adapter: Adapter, enabled: boolean, feature: string, what: string): void {
    if (!enabled) {
      throw new UnsupportedFeatureError(`${adapter.displayName} cannot ${what}`, { feature, platform: adapter.platform });
    }
  }

  async function publishTo(
    ref: AccountRef,
    draftInput: PostDraftInput,
    options: PublishOptions,
    alsoTargeted: readonly string[],
  ): Promise<PublishResult> {
    const account = resolveAccount(ref);
    const adapter = adapters.get(account.platform)!;
    const draft = parsePostDraft(draftInput);
    const extras: PublishExtras = {};
    if (options.poll) extras.poll = options.poll;
    if (options.firstComment !== undefined) extras.firstComment = options.firstComment;
    if (options.scheduledAt !== undefined) {
      extras.scheduledAt = parseWithSchema(InstantSchema, options.scheduledAt, 'publish option scheduledAt');
    }
    const check = checkDraft(adapter, draft, extras, alsoTargeted);
    if (check.unsupported.length > 0) {
      const features = check.unsupported.map((gap) => gap.feature);
      throw new UnsupportedFeatureError(
        `${adapter.displayName} cannot publish this draft: ${check.unsupported.map((gap) => gap.message).join('; ')}`,
        { feature: features.join(', '), platform: adapter.platform },
      );
    }
    if (check.issues.length > 0) throw new ValidationError(`PostDraft for ${adapter.displayName} (${accountKey(account)})`, check.issues);

    const binding = await bind(account);
    const warnings = [...check.warnings];
    const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
    const context = contextOf(binding, options.signal, idempotencyKey);
    if (options.idempotencyKey !== undefined && adapter.capabilities.idempotency.strategy === 'lookup') {
      // The key may have been used by an earlier attempt whose outcome was lost: look first.
      const found = await adapter.doFindPublished({ idempotencyKey, draft }, context);
      if (found) {
        logger.info('publish skipped: already published with this idempotency key', { platform: adapter.platform, accountId: account.id });
        warnings.push({
          code: 'already_published',
          message: `already published with idempotency key "${idempotencyKey}": returned the existing post`,
        });
        return { published: toPublished(found, binding, 'doFindPublished', idempotencyKey), warnings };
      }
    }
    const input = { draft, networkOptions: check.networkOptions, ...extras };
    const isReply = draft.replyTo !== undefined && adapter.doReply !== undefined;
    const out = isReply ? await adapter.doReply!(input, context) : await adapter.doPublish(input, context);
    return { published: toPublished(out, binding, isReply ? 'doReply' : 'doPublish', idempotencyKey), warnings };
  }

  function checkMetrics(
    snapshot: MetricSnapshot,
    declared: readonly CanonicalMetric[],
    adapter: Adapter,
    operation: string,
  ): MetricSnapshot {
    const undeclared = Object.keys(snapshot.metrics).filter((name) => !declared.includes(name as CanonicalMetric));
    if (undeclared.length > 0) {
      throw new ValidationError(`output of the ${adapter.platform} adapter's ${operation} (an adapter bug)`, [
        {
          path: ['metrics'],
          code: 'undeclared_metric',
          message: `reports ${undeclared.join(', ')}, which its capabilities do not declare: declare them or leave them out`,
        },
      ]);
    }
    return snapshot;
  }

  const client: SmmClient = {
    accounts: [...accounts.values()],
    adapter(platform) {
      const adapter = adapters.get(platform);
      if (!adapter) throw new ValidationError('platform', [{ path: [], code: 'no_adapter', message: `no adapter for "${platform}"` }]);
      return adapter;
    },
    async http(ref) {
      return (await bind(ref)).http;
    },
    publish(ref, draft, options = {}) {
      return publishTo(ref, draft, options, []);
    },
    reply(ref, to, draft, options = {}) {
      return publishTo(ref, { ...draft, replyTo: to }, options, []);
    },
    async publishEverywhere(draft, refs, options = {}) {
      const targets = refs.map((ref) => resolveAccount(ref));
      const platforms = [...new Set(targets.map((account) => account.platform))];
      const settled = await Promise.allSettled(targets.map((account) => publishTo(account, draft, options, platforms)));
      return settled.map((result, index) =>
        result.status === 'fulfilled'
          ? { account: targets[index]!, status: 'fulfilled' as const, value: result.value }
          : { account: targets[index]!, status: 'rejected' as const, reason: result.reason },
      );
    },
    async delete(ref, post, options = {}) {
      const binding = await bind(ref);
      requireCapability(binding.adapter, binding.adapter.capabilities.delete, 'delete', 'delete posts');
      await binding.adapter.doDelete({ post }, contextOf(binding, options.signal));
    },
    async getPost(ref, post, options = {}) {
      const binding = await bind(ref);
      const out = await binding.adapter.doGetPost({ post }, contextOf(binding, options.signal));
      if (out === null) return null;
      const value =
        out && typeof out === 'object'
          ? { ...out, ref: refOf(out.ref, binding.account), ...(out.inReplyTo ? { inReplyTo: refOf(out.inReplyTo, binding.account) } : {}) }
          : out;
      return output(FetchedPostSchema, value, binding.adapter, 'doGetPost');
    },
    async listMentions(ref, options = {}) {
      const binding = await bind(ref);
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
        contextOf(binding, options.signal),
      );
      const value =
        page && typeof page === 'object' && Array.isArray(page.items)
          ? {
              ...page,
              items: page.items.map((item) =>
                item && typeof item === 'object'
                  ? { ...item, platform: item.platform ?? binding.account.platform, accountId: item.accountId ?? binding.account.id }
                  : item,
              ),
            }
          : page;
      const parsedPage = output(pageSchema(MentionSchema), value, binding.adapter, 'doListMentions') as Page<Mention>;
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
      const binding = await bind(ref);
      const out = await binding.adapter.doGetPostMetrics({ post }, contextOf(binding, options.signal));
      const value =
        out && typeof out === 'object'
          ? {
              subject: { type: 'post', platform: binding.account.platform, accountId: binding.account.id, postId: post.id },
              observedAt: new Date(clock.now()).toISOString(),
              ...out,
            }
          : out;
      const snapshot = output(MetricSnapshotSchema, value, binding.adapter, 'doGetPostMetrics');
      return checkMetrics(snapshot, binding.adapter.capabilities.postMetrics, binding.adapter, 'doGetPostMetrics');
    },
    async getAccountMetrics(ref, options = {}) {
      const binding = await bind(ref);
      const out = await binding.adapter.doGetAccountMetrics({}, contextOf(binding, options.signal));
      const value =
        out && typeof out === 'object'
          ? {
              subject: { type: 'account', platform: binding.account.platform, accountId: binding.account.id },
              observedAt: new Date(clock.now()).toISOString(),
              ...out,
            }
          : out;
      const snapshot = output(MetricSnapshotSchema, value, binding.adapter, 'doGetAccountMetrics');
      return checkMetrics(snapshot, binding.adapter.capabilities.accountMetrics, binding.adapter, 'doGetAccountMetrics');
    },
    async findPublished(ref, query, options = {}) {
      const binding = await bind(ref);
      const idempotencyKey = parseWithSchema(
        z.string().min(1, { error: 'must be the key the post was published with' }),
        query.idempotencyKey,
        'findPublished idempotencyKey',
      );
      const since = query.since === undefined ? undefined : parseWithSchema(InstantSchema, query.since, 'findPublished since');
      const out = await binding.adapter.doFindPublished(
        { idempotencyKey, ...(query.draft ? { draft: parsePostDraft(query.draft) } : {}), ...(since ? { since } : {}) },
        contextOf(binding, options.signal, idempotencyKey),
      );
      return out === null ? null : toPublished(out, binding, 'doFindPublished', idempotencyKey);
    },
    async sendDirectMessage(ref, message, options = {}) {
      const binding = await bind(ref);
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
      const out = await adapter.doSendDirectMessage!(input, contextOf(binding, options.signal));
      return output(
        z.object({ id: z.string().min(1), sentAt: InstantSchema }),
        out && typeof out === 'object' ? { sentAt: new Date(clock.now()).toISOString(), ...out } : out,
        adapter,
        'doSendDirectMessage',
      );
    },
  };
  return client;
}
