import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('getting a status', () => {
  it('gets a reply back with its text, parent and attachment count', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'Fish & chips <3', thread: [{ text: 'second' }] });
    const [root, reply] = published.parts;
    const fetched = await client.getPost(account, reply!);
    expect(fetched).toEqual({
      ref: { platform: 'mastodon', accountId: sim.account.id, id: reply!.id, url: `${sim.baseUrl}/@${sim.account.handle}/${reply!.id}` },
      text: 'second',
      createdAt: sim.posts()[1]!.createdAt,
      inReplyTo: { platform: 'mastodon', accountId: sim.account.id, id: root!.id },
      mediaCount: 0,
    });
    expect((await client.getPost(account, root!))?.text).toBe('Fish & chips <3');
  });
});
