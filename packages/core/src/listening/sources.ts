import type { Account, Mention, MentionAuthor, Page, PostRef } from '../model/index.js';

/**
 * Where {@link listen} reads mentions from: one page at a time, per account. The core client
 * (`@smm/core/adapter`'s `createClient(...)`) satisfies it; so does any object with this
 * method, which keeps tests and custom sources simple.
 *
 * Contract: pages come newest first (items within a page in any order), possibly with the
 * same item twice (through two endpoints); `nextCursor` pages through the rest and is `null`
 * at the end. Honouring `since` (items created at or after it) saves calls but is optional:
 * older items are filtered out, and paging stops at the first page made only of items older
 * than `since`. Throw `RateLimitError` (with `resetAt` or `retryAfterMs` when known) when the
 * network says wait. The core client's `listMentions` fits as is.
 *
 * @example
 * ```ts
 * const source: MentionSource = {
 *   listMentions: async (account, { cursor }) => ({ items: await fetchMyMentions(account.id, cursor), nextCursor: null }),
 * };
 * ```
 */
export interface MentionSource {
  listMentions(account: Account, options: { cursor?: string | null; since?: string; signal?: AbortSignal }): Promise<Page<Mention>>;
}

/**
 * How the inbox answers: a public reply and, where the network has them, direct messages.
 * The core client satisfies it; a network without direct messages leaves
 * `sendDirectMessage` out or throws `UnsupportedFeatureError` from it.
 *
 * @example
 * ```ts
 * const sender: ReplySender = {
 *   reply: async (account, inReplyTo, text) => ({ platform: account.platform, id: await postReply(inReplyTo.id, text) }),
 * };
 * ```
 */
export interface ReplySender {
  /** Publishes `text` as a public reply to `inReplyTo` from `account`. */
  reply?(account: Account, inReplyTo: Mention, text: string, options?: { signal?: AbortSignal }): Promise<PostRef>;
  /** Sends `text` privately to `to` from `account`. */
  sendDirectMessage?(account: Account, to: MentionAuthor, text: string, options?: { signal?: AbortSignal }): Promise<{ id: string }>;
}
