import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('listing mentions', () => {
  it('lists mentions with the documented query and maps them (kinds, authors, reply target)', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 0 } });
    const { published } = await env.client.publish(env.account, { text: 'talk to us' });
    env.sim.addMention({ text: '@smm_brand love it', kind: 'reply', postId: published.parts[0]!.id });
    env.sim.addMention({ text: 'hey @smm_brand' });
    const page = await env.client.listMentions(env.account, { limit: 5 });
    const [request] = env.sim.requests.filter((entry) => entry.path.endsWith('/mentions'));
    expect(request!.path).toBe(`/2/users/${env.sim.account.id}/mentions`);
    expect(request!.query.max_results).toBe('5');
    // X's OpenAPI: the author, the replied-to user and the referenced posts are expansions; the rest are `post.fields`.
    expect(String(request!.query.expansions).split(',')).toEqual(
      expect.arrayContaining(['author_id', 'in_reply_to_user_id', 'referenced_posts']),
    );
    expect(String(request!.query['post.fields']).split(',')).toEqual(expect.arrayContaining(['created_at', 'conversation_id', 'lang']));
    expect(request!.query).not.toHaveProperty('tweet.fields');
    expect(page.nextCursor).toBeNull();
    // Newest first, as X returns them.
    expect(page.items.map((mention) => [mention.text, mention.kind])).toEqual([
      ['hey @smm_brand', 'mention'],
      ['@smm_brand love it', 'reply'],
    ]);
    const reply = page.items[1]!;
    expect(reply.inReplyToId).toBe(published.parts[0]!.id);
    expect(reply.subject?.id).toBe(published.parts[0]!.id);
    expect(reply.author.handle).not.toBe(reply.author.id); // the expanded username, not the id
    expect(reply.url).toBe(`https://x.com/${reply.author.handle}/status/${reply.id}`);
    expect(page.items[0]!.subject).toBeUndefined();
  });

  it("clamps the page size to X's 5–100 and passes the cursor back as pagination_token", async () => {
    const env = testEnv({ simulator: { mentionBacklog: 12 } });
    const first = await env.client.listMentions(env.account, { limit: 1 });
    expect(first.items).toHaveLength(5);
    await env.client.listMentions(env.account, { cursor: first.nextCursor, limit: 500 });
    const queries = env.sim.requests.filter((entry) => entry.path.endsWith('/mentions')).map((entry) => entry.query);
    expect(queries[0]!.max_results).toBe('5');
    expect(queries[0]!.pagination_token).toBeUndefined();
    expect(queries[1]!.max_results).toBe('100');
    expect(queries[1]!.pagination_token).toBe(first.nextCursor);
  });

  it('reads every mention through client.mentions() to the end, once each', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 23 } });
    const ids: string[] = [];
    for await (const mention of env.client.mentions(env.account, { limit: 10 })) ids.push(mention.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(env.sim.mentionCount());
  });
});
