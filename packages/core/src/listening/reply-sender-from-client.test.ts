import { describe, expect, it } from 'vitest';
import { UnsupportedFeatureError } from '../errors/index.js';
import type { Account, PostRef } from '../model/index.js';
import { createInbox } from './inbox.js';
import { replySenderFromClient, type ReplyingClient } from './reply-sender-from-client.js';
import { mention } from './__tests__/mentions.js';

const account: Account = { platform: 'mastodon', id: '42', handle: 'brand@mastodon.social', timeZone: 'UTC' };

describe('replySenderFromClient', () => {
  it('publishes a reply draft to the mention and sends DMs to its author', async () => {
    const calls: unknown[] = [];
    const client: ReplyingClient = {
      reply: async (acct, to, draft) => {
        calls.push(['reply', acct.id, to, draft]);
        return { published: { parts: [{ platform: 'mastodon', id: 'r-1' }] } };
      },
      sendDirectMessage: async (acct, message) => {
        calls.push(['dm', acct.id, message]);
        return { id: 'dm-1' };
      },
    };
    const inbox = createInbox({ accounts: [account], sender: replySenderFromClient(client) });
    const item = mention({
      id: '109',
      platform: 'mastodon',
      accountId: '42',
      url: 'https://mastodon.social/@u/109',
      author: { id: 'u7', handle: 'u' },
    });
    const id = inbox.ingest(item).conversation.id;
    await inbox.reply(id, { text: 'Thanks!' });
    await inbox.reply(id, { text: 'DMing you' }, { channel: 'private' });
    const to: PostRef = { platform: 'mastodon', id: '109', url: 'https://mastodon.social/@u/109' };
    expect(calls).toEqual([
      ['reply', '42', to, { text: 'Thanks!' }],
      ['dm', '42', { recipientId: 'u7', text: 'DMing you' }],
    ]);
    expect(
      inbox
        .get(id)!
        .messages.filter((m) => m.direction === 'outbound')
        .map((m) => m.id),
    ).toEqual(['r-1', 'dm-1']);
  });

  it('leaves DMs out when the client has none', async () => {
    const sender = replySenderFromClient({ reply: async () => ({ published: { parts: [{ platform: 'x', id: '1' }] } }) });
    expect(sender.sendDirectMessage).toBeUndefined();
    const inbox = createInbox({ accounts: [account], sender });
    const id = inbox.ingest(mention({ id: '1', platform: 'mastodon', accountId: '42' })).conversation.id;
    await expect(inbox.reply(id, { text: 'hi' }, { channel: 'private' })).rejects.toSatisfy(UnsupportedFeatureError.isInstance);
  });
});
