import type { Adapter } from '../adapter-spec/index.js';
import type { HttpClient } from '../http/index.js';
import type { Account, Mention, MentionKind, MetricSnapshot, Page, PostDraftInput, PostRef, PublishedPost } from '../model/index.js';
import type { AccountRef } from './account-key.js';
import type { PublishExtras, PublishWarning } from './check-draft.js';
import type { FetchedPostRecord } from './fetched-post-schema.js';

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
