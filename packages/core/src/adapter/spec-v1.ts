/**
 * Adapter specification v1: the contract between `@smm/core` and one network's adapter.
 *
 * A published version never changes. A later version (`v2`) gets its own types and an
 * upgrader that wraps a v1 adapter, so adapters written against v1 keep working.
 */
import type { z } from 'zod';
import type { Clock } from '../clock/index.js';
import type { CredentialsProvider, ErrorMapping, HttpClient, RateLimitParser, StaticLimit } from '../http/index.js';
import type {
  Account,
  CanonicalMetric,
  Mention,
  MentionKind,
  MetricSnapshot,
  Page,
  PostDraft,
  PostRef,
  Visibility,
} from '../model/index.js';
import type { ContentRules } from '../text/index.js';
import type { Logger } from './logger.js';

/**
 * How publishing is made idempotent on a network, so that a retry never posts twice.
 *
 * - `native-key`: the network dedupes requests that carry the same key (Mastodon's
 *   `Idempotency-Key`); `header` names the header (default: the HTTP settings'
 *   `idempotencyKeyHeader`).
 * - `lookup`: the adapter can find an already-published post by its key (a marker it
 *   stores with the post, or a search) through `doFindPublished`; core calls it before
 *   publishing again with the same key.
 * - `none`: neither; a retry after an unknown outcome may duplicate, so core never retries
 *   a publish by itself and says so in a warning.
 */
export type IdempotencyStrategy = { strategy: 'native-key'; header?: string } | { strategy: 'lookup' } | { strategy: 'none' };

/** What a network can do, as data; core checks drafts and calls against it. */
export interface AdapterCapabilities {
  /** Text rule, media limits and thread support (from `@smm/core/text`). */
  content: ContentRules;
  /** Visibilities the network can express; others are published as `public` with a warning. */
  visibilities: readonly Visibility[];
  /** Whether a post can reply to another post (`draft.replyTo`). */
  replies: boolean;
  /** Whether posts can be deleted through the API. */
  delete: boolean;
  /** Whether posts can be edited through the API. */
  edit: boolean;
  /** Whether a post can carry a poll. */
  polls: boolean;
  /** Whether a first comment can be published with the post. */
  firstComment: boolean;
  /** Whether the network schedules posts itself (`scheduledAt`). */
  nativeScheduling: boolean;
  /** Whether direct messages can be sent (`doSendDirectMessage`). */
  directMessages: boolean;
  /** Which kinds of mentions `doListMentions` returns. */
  mentionKinds: readonly MentionKind[];
  /** Canonical metrics `doGetPostMetrics` can report (others are absent, never 0). */
  postMetrics: readonly CanonicalMetric[];
  /** Canonical metrics `doGetAccountMetrics` can report. */
  accountMetrics: readonly CanonicalMetric[];
  idempotency: IdempotencyStrategy;
}

/**
 * HTTP settings core passes to `createHttpClient` for each account of this adapter: one
 * client per (adapter, account), so rate limits are kept per account.
 */
export interface AdapterHttpSettings {
  /** API root, e.g. `https://api.x.com`; a function when it differs per account (a Bluesky PDS). */
  baseUrl: string | ((account: Account) => string);
  /** Headers sent with every request (a `user-agent`, an API version). */
  headers?: Record<string, string>;
  /** Reads rate-limit headers/bodies into observations. */
  parseRateLimit?: RateLimitParser;
  /** Limits the network enforces without announcing them in headers. */
  staticLimits?: readonly StaticLimit[];
  /** Reads the network's error body. */
  mapError?: (response: { status: number; headers: Headers; body: unknown }) => ErrorMapping | undefined;
  /** Header that carries idempotency keys (Mastodon: `Idempotency-Key`). */
  idempotencyKeyHeader?: string;
  /** Header that carries the network's request id. */
  requestIdHeader?: string;
}

/** What a credentials factory receives to build the provider of one account. */
export interface CredentialsFactoryInput<TCredentials> {
  /** The account's credentials, already validated with the adapter's `credentials.schema`. */
  credentials: TCredentials;
  account: Account;
  /**
   * A client for this account **without** credentials (same base URL, rate limits and error
   * mapping): for calls that obtain or refresh tokens (Bluesky `createSession`, X token refresh).
   */
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  /** Hand renewed credentials (a rotated refresh token) back to the app so it can store them. */
  saveCredentials(next: TCredentials): Promise<void>;
}

/** How an adapter turns an account's stored credentials into request headers. */
export interface AdapterCredentials<TCredentials = unknown> {
  /** Validates what the app stores for an account (tokens, app password, …). */
  schema: z.ZodType<TCredentials>;
  /** Builds the provider core gives the HTTP client; `refresh` is called once after a 401. */
  createProvider(input: CredentialsFactoryInput<TCredentials>): CredentialsProvider;
}

/** Everything an operation gets besides its input. */
export interface AdapterContext {
  /** The rate-limited, retrying HTTP client bound to this account (credentials applied). */
  http: HttpClient;
  account: Account;
  /** The account's credentials provider (the same one `http` uses). */
  credentials: CredentialsProvider;
  clock: Clock;
  logger: Logger;
  /** Aborts when the caller gives up; pass it on to `http.request`. */
  signal: AbortSignal;
  /**
   * The key that makes this publish idempotent (always set for `doPublish`/`doReply`).
   * `native-key`: put it on the creating request (`http.request({ idempotencyKey })`).
   * `lookup`: store it with the post so `doFindPublished` can find it.
   */
  idempotencyKey?: string;
}

/** A poll attached to a post. */
export interface PollInput {
  options: string[];
  durationMs: number;
}

/** What `doPublish` receives: a draft already validated against the model and the capabilities. */
export interface PublishInput<TOptions = unknown> {
  draft: PostDraft;
  /** This network's `networkOptions` slice, parsed with the adapter's schema (undefined when none). */
  networkOptions: TOptions | undefined;
  /** Only when `capabilities.polls`. */
  poll?: PollInput;
  /** Only when `capabilities.firstComment`. */
  firstComment?: string;
  /** ISO-8601 UTC instant; only when `capabilities.nativeScheduling`. */
  scheduledAt?: string;
}

/** A post reference as an adapter returns it; core fills `platform` and `accountId` when left out. */
export type PostRefOutput = Omit<PostRef, 'platform'> & { platform?: string };

/**
 * What `doPublish`/`doReply`/`doFindPublished` return: every part in order (root first).
 * For a natively scheduled post, `publishedAt` is the scheduled instant and the part carries
 * `extra: { scheduled: 'true' }`.
 */
export interface PublishOutput {
  parts: PostRefOutput[];
  /** ISO-8601 UTC; default: the clock's now. */
  publishedAt?: string;
}

/** A post as read back from the network (`doGetPost`). */
export interface FetchedPost {
  ref: PostRefOutput;
  text: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** The post it replies to, when it is a reply. */
  inReplyTo?: PostRefOutput;
  /** Number of media attachments. */
  mediaCount?: number;
}

/** What `doListMentions` receives. */
export interface ListMentionsInput {
  /** `null`/undefined for the first page, else the previous page's `nextCursor`. */
  cursor?: string | null;
  /** Page size hint; the adapter clamps it to what the network allows. */
  limit?: number;
  /** Kinds asked for (all of `capabilities.mentionKinds` when undefined). */
  kinds?: readonly MentionKind[];
}

/** What `doFindPublished` receives. */
export interface FindPublishedInput {
  idempotencyKey: string;
  /** The draft that was being published, when known (to match on text). */
  draft?: PostDraft;
  /** Only look at posts published at or after this instant (ISO-8601 UTC). */
  since?: string;
}

/** What `doSendDirectMessage` receives. */
export interface DirectMessageInput {
  /** The recipient's id on the network. */
  recipientId: string;
  text: string;
}

/** What `doSendDirectMessage` returns. */
export interface DirectMessageOutput {
  id: string;
  /** ISO-8601 UTC; default: the clock's now. */
  sentAt?: string;
}

/** A metric snapshot as an adapter returns it; core fills `subject` and `observedAt` when left out. */
export type MetricSnapshotOutput = Omit<MetricSnapshot, 'subject' | 'observedAt'> & Partial<Pick<MetricSnapshot, 'subject' | 'observedAt'>>;

/**
 * The adapter contract, version 1. Build one with {@link defineAdapter}; users never call
 * the `do*` methods directly: they go through `createClient`, which validates input, checks
 * capabilities, applies rate limits and retries, and parses every output with the model's
 * schemas.
 */
export interface AdapterV1<TOptions = unknown, TCredentials = unknown> {
  readonly specificationVersion: 'v1';
  /** The network id (`x`, `bluesky`, `my-network`): lowercase letters, digits and dashes. */
  readonly platform: string;
  /** A human name (`X`, `Bluesky`). */
  readonly displayName: string;
  readonly capabilities: AdapterCapabilities;
  readonly http: AdapterHttpSettings;
  readonly credentials: AdapterCredentials<TCredentials>;
  /** Validates this network's slice of `draft.networkOptions`. */
  readonly networkOptionsSchema?: z.ZodType<TOptions>;

  doPublish(input: PublishInput<TOptions>, context: AdapterContext): Promise<PublishOutput>;
  /** Publishes a reply (`input.draft.replyTo` is set); without it, core calls `doPublish`. */
  doReply?(input: PublishInput<TOptions>, context: AdapterContext): Promise<PublishOutput>;
  doDelete(input: { post: PostRef }, context: AdapterContext): Promise<void>;
  /** Returns `null` when the post does not exist (deleted, never published). */
  doGetPost(input: { post: PostRef }, context: AdapterContext): Promise<FetchedPost | null>;
  doListMentions(input: ListMentionsInput, context: AdapterContext): Promise<Page<Mention>>;
  /** Only metrics the network reported: a metric it does not report is absent, never 0. */
  doGetPostMetrics(input: { post: PostRef }, context: AdapterContext): Promise<MetricSnapshotOutput>;
  doGetAccountMetrics(input: Record<string, never>, context: AdapterContext): Promise<MetricSnapshotOutput>;
  /** Finds a post published with this idempotency key, or `null`. Required for the `lookup` strategy. */
  doFindPublished(input: FindPublishedInput, context: AdapterContext): Promise<PublishOutput | null>;
  doSendDirectMessage?(input: DirectMessageInput, context: AdapterContext): Promise<DirectMessageOutput>;
}

/** Any version of the adapter contract (only v1 exists). */
export type Adapter = AdapterV1<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What {@link defineAdapter} takes: an adapter without its `specificationVersion`. */
export type AdapterDefinition<TOptions = unknown, TCredentials = unknown> = Omit<
  AdapterV1<TOptions, TCredentials>,
  'specificationVersion'
> & { specificationVersion?: 'v1' };
