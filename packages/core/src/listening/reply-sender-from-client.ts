import type { DirectMessage } from '../client/index.js';
import type { Account, Mention, PostRef } from '../model/index.js';
import type { ReplySender } from './sources.js';

/**
 * The part of the core client (`createClient(...)` from `@smm/core/client`) that answering
 * needs, described by shape (types only), so listening never loads the client module.
 */
export interface ReplyingClient {
  reply(
    account: { platform: string; id: string },
    to: PostRef,
    draft: { text: string },
    options?: { signal?: AbortSignal },
  ): Promise<{ published: { parts: PostRef[] } }>;
  sendDirectMessage?(
    account: { platform: string; id: string },
    message: DirectMessage,
    options?: { signal?: AbortSignal },
  ): Promise<{ id: string }>;
}

/**
 * Bridges the core client to the inbox's {@link ReplySender}: a public reply is published as
 * a reply draft to the mention (its `PostRef` is `platform` + `id` + `url`), a direct message
 * goes to the mention's author id. Networks without direct messages make the client throw
 * `UnsupportedFeatureError`, which the inbox passes on.
 *
 * @example
 * ```ts
 * const client = createClient({ adapters, accounts, credentials });
 * const inbox = createInbox({ accounts, sender: replySenderFromClient(client) });
 * ```
 */
export function replySenderFromClient(client: ReplyingClient): ReplySender {
  const refOf = (mention: Mention): PostRef => ({
    platform: mention.platform,
    id: mention.id,
    ...(mention.url === undefined ? {} : { url: mention.url }),
  });
  const sender: ReplySender = {
    reply: async (account: Account, inReplyTo: Mention, text: string, options?: { signal?: AbortSignal }) => {
      const result = await client.reply(account, refOf(inReplyTo), { text }, options);
      // The first part is the reply itself (a reply is never split here).
      return result.published.parts[0]!;
    },
  };
  const sendDirectMessage = client.sendDirectMessage?.bind(client);
  if (sendDirectMessage !== undefined) {
    sender.sendDirectMessage = async (account, to, text, options) => {
      const sent = await sendDirectMessage(account, { recipientId: to.id, text }, options);
      return { id: sent.id };
    };
  }
  return sender;
}
