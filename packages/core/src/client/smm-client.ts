import type { Adapter } from '../adapter-spec/index.js';
import type { HttpClient } from '../http/index.js';
import type { EventSource } from '../events/index.js';
import type {
  Account,
  Mention,
  MentionKind,
  MetricSnapshot,
  Page,
  PendingPublish,
  PostDraftInput,
  PostRef,
  PublicAccount,
  PublishedPost,
} from '../model/index.js';
import type { ClientEvents } from './client-events.js';
import type { AccountRef } from './account-key.js';
import type { PublishExtras, PublishWarning } from './check-draft.js';
import type { FetchedPostRecord } from './fetched-post-schema.js';
import type { ActOnMentionOptions, MentionAction, MentionActionResult } from './act-on-mention.js';

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** How long and how to wait for a publish the network finishes later (see docs/pending-publishes.md). */
export interface PendingWaitOptions {
  /**
   * How long to wait for a pending publish before `PublishPendingTimeoutError` (which carries
   * the pending publish to resume from), in ms. Default: the adapter's
   * `capabilities.pendingPublish.maxWaitMs`, else 10 minutes.
   */
  maxWaitMs?: number;
  /**
   * Called with the pending publish before polling starts and whenever the adapter hands over
   * a new handle; polling waits for it. Store it there to resume after a crash.
   */
  onPending?: (pending: PendingPublish) => void | Promise<void>;
}

/** Options of `awaitPublish` and `publishStatus`. */
export interface AwaitPublishOptions extends PendingWaitOptions, CallOptions {
  /** The draft being published, for adapters that match on it (the scheduler always passes it). */
  draft?: PostDraftInput;
}

/** Options of `publish`. */
export interface PublishOptions extends PublishExtras, CallOptions, PendingWaitOptions {
  /**
   * Whether to wait for a publish the network finishes later (default true). With `false`, a
   * pending publish comes back at once as `{ pending }`: store it and resume with
   * `client.awaitPublish(pending)`. Ignored by `publishEverywhere`, which always waits.
   */
  wait?: boolean;
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
  pending?: undefined;
  /** Soft gaps: options the network ignored or approximated. */
  warnings: PublishWarning[];
}

/** What `publish` with `wait: false` returns for a publish the network finishes later. */
export interface PublishPendingResult {
  published?: undefined;
  /** Resume with `client.awaitPublish(pending)`; plain JSON, safe to store. */
  pending: PendingPublish;
  warnings: PublishWarning[];
}

/** One look at a pending publish: live now, or still pending. */
export type PublishStatus = { published: PublishedPost; pending?: undefined } | { published?: undefined; pending: PendingPublish };

/** One account's outcome in `publishEverywhere`, like `Promise.allSettled`. */
export type PublishSettledResult =
  { account: Account; status: 'fulfilled'; value: PublishResult } | { account: Account; status: 'rejected'; reason: unknown };

/** Options of `listMentions`. */
export interface ListMentionsOptions extends CallOptions {
  cursor?: string | null;
  limit?: number;
  kinds?: readonly MentionKind[];
}

/** What `findPublished` looks for: the idempotency key a publish used, and what helps a lookup network match it. */
export interface FindPublishedQuery {
  idempotencyKey: string;
  /** The draft that was published (lookup networks match its text). */
  draft?: PostDraftInput;
  /** ISO-8601: the post is not older than this (bounds the lookup). */
  since?: string;
}

/** A direct message to send: to whom (the network's user id) and what. */
export interface DirectMessage {
  recipientId: string;
  text: string;
}

/** A sent direct message: the network's id for it and when it was sent (ISO-8601 UTC). */
export interface SentDirectMessage {
  id: string;
  sentAt: string;
}

/** The client through which apps publish and read, on any network. */
export interface SmmClient extends EventSource<ClientEvents> {
  /** The accounts, validated (defaults applied). */
  readonly accounts: readonly Account[];
  /** The adapter serving a platform. */
  adapter(platform: string): Adapter;
  /** The HTTP client of one account (to read its rate-limit state). */
  http(account: AccountRef): Promise<HttpClient>;
  /** Publishes; with `wait: false` a publish the network finishes later comes back as `{ pending }`. */
  publish(
    account: AccountRef,
    draft: PostDraftInput,
    options: PublishOptions & { wait: false },
  ): Promise<PublishResult | PublishPendingResult>;
  publish(account: AccountRef, draft: PostDraftInput, options?: PublishOptions & { wait?: true }): Promise<PublishResult>;
  /** With `wait` only known at run time, either result. */
  publish(account: AccountRef, draft: PostDraftInput, options?: PublishOptions): Promise<PublishResult | PublishPendingResult>;
  /** Publishes `draft` as a reply to `to`. */
  reply(
    account: AccountRef,
    to: PostRef,
    draft: PostDraftInput,
    options: PublishOptions & { wait: false },
  ): Promise<PublishResult | PublishPendingResult>;
  reply(account: AccountRef, to: PostRef, draft: PostDraftInput, options?: PublishOptions & { wait?: true }): Promise<PublishResult>;
  reply(account: AccountRef, to: PostRef, draft: PostDraftInput, options?: PublishOptions): Promise<PublishResult | PublishPendingResult>;
  /**
   * Waits for a pending publish (from `publish` with `wait: false`, a stored one, or a
   * `PublishPendingTimeoutError`) until the post is live; polls with backoff, never publishes again.
   */
  awaitPublish(pending: PendingPublish, options?: AwaitPublishOptions): Promise<PublishedPost>;
  /** One look at a pending publish, no waiting. */
  publishStatus(pending: PendingPublish, options?: Omit<AwaitPublishOptions, 'maxWaitMs' | 'onPending'>): Promise<PublishStatus>;
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
  findPublished(account: AccountRef, query: FindPublishedQuery, options?: CallOptions): Promise<PublishedPost | null>;
  /**
   * The public profile, metrics and recent posts of any account on the network of `account`
   * (one of yours, whose credentials are used), e.g. a competitor's; `observedAt` is now.
   *
   * @throws UnsupportedFeatureError when the network's adapter cannot read public accounts.
   */
  getPublicAccount(account: AccountRef, target: { handle: string } | { id: string }, options?: CallOptions): Promise<PublicAccount>;
  sendDirectMessage(account: AccountRef, message: DirectMessage, options?: CallOptions): Promise<SentDirectMessage>;
  /**
   * v1.1: runs an action the network allows on a mention (like, hide a reply, block or mute its
   * author, report spam, …). An action the adapter does not declare in
   * `capabilities.mentionActions` throws `UnsupportedFeatureError` before any request.
   */
  actOnMention(account: AccountRef, mention: Mention, action: MentionAction, options?: ActOnMentionOptions): Promise<MentionActionResult>;
}
