import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('mentions', () => {
  it("a listed mention can be answered: the AppView serves other users' posts that mention the account", async () => {
    const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 3 } });
    const { items } = await client.listMentions(account, { limit: 3 });
    const mention = items.find((item) => item.kind === 'mention' || item.kind === 'reply')!;
    const answered = await client.reply(account, mention, { text: 'Thanks for the mention!' });
    expect(sim.posts().find((post) => post.id === answered.published.parts[0]!.id)?.replyToId).toBe(mention.id);
  });

  it('pages listNotifications by cursor to the end, keeping mentions, replies and quotes (not follows)', async () => {
    const { client, account, sim, calls } = testEnv({ simulator: { mentionBacklog: 23 } });
    const all = [];
    for await (const mention of client.mentions(account, { limit: 10 })) all.push(mention);
    expect(all).toHaveLength(sim.mentionCount());
    const requests = calls('app.bsky.notification.listNotifications');
    expect(requests.map((request) => request.query.limit)).toEqual(['10', '10', '10']);
    expect(requests[0]!.query.cursor).toBeUndefined();
    expect(requests[1]!.query.cursor).toEqual(expect.any(String));
    expect(new Set(all.map((mention) => mention.kind))).toEqual(new Set(['mention']));
  });

  it('maps a reply and a quote: kind, author, text, language, url, conversation and subject', async () => {
    const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 0 } });
    const { published } = await client.publish(account, { text: 'our post' });
    const own = published.parts[0]!;
    sim.addMention({ text: `@${sim.account.handle} nice`, kind: 'reply', postId: own.id, language: 'en' });
    sim.addMention({ text: 'quoting you', kind: 'quote' as 'reply', postId: own.id });
    const page = await client.listMentions(account, { limit: 50 });
    const reply = page.items.find((mention) => mention.kind === 'reply')!;
    const quote = page.items.find((mention) => mention.kind === 'quote')!;
    const rkey = reply.id.split('/').pop();
    expect(reply).toMatchObject({
      platform: 'bluesky',
      accountId: sim.account.id,
      text: 'nice',
      language: 'en',
      inReplyToId: own.id,
      conversationId: own.id,
      subject: { platform: 'bluesky', id: own.id },
      url: `https://bsky.app/profile/${reply.author.handle}/post/${rkey}`,
    });
    expect(reply.author.id).toMatch(/^did:plc:/);
    expect(reply.author.handle).toMatch(/\.bsky\.social$/);
    expect(quote.subject?.id).toBe(own.id);
    // Only what is asked for.
    const onlyQuotes = await client.listMentions(account, { kinds: ['quote'] });
    expect(onlyQuotes.items.map((mention) => mention.kind)).toEqual(['quote']);
  });

  it('clamps the page size to what Bluesky takes (1–100)', async () => {
    const { client, account, calls } = testEnv();
    await client.listMentions(account, { limit: 500 });
    expect(calls('app.bsky.notification.listNotifications')[0]!.query.limit).toBe('100');
  });
});
