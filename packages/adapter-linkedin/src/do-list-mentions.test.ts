import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('comments as mentions', () => {
  it("lists others' comments on the account's posts, newest post first, page by page, leaving out the account's own replies", async () => {
    const { sim, client, account } = testEnv({ simulator: { seedPosts: 2 } });
    const { published } = await client.publish(account, { text: 'new post' });
    sim.addMention({ text: 'Great news!', postId: published.parts[0]!.id });
    await client.reply(account, published.parts[0]!, { text: 'Thank you' });
    const seen = [];
    let cursor: string | null = null;
    do {
      const page = await client.listMentions(account, { cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(sim.mentionCount());
    expect(seen.map((mention) => mention.text)).not.toContain('Thank you');
    expect(seen[0]).toMatchObject({
      kind: 'comment',
      text: 'Great news!',
      subject: { id: published.parts[0]!.id },
      inReplyToId: published.parts[0]!.id,
      url: `https://www.linkedin.com/feed/update/${published.parts[0]!.id}/`,
    });
    expect(seen[0]!.id).toMatch(/^urn:li:comment:\(urn:li:share:\d+,\d+\)$/);
    expect(seen[0]!.author.id).toMatch(/^urn:li:person:/);
    expect(sim.requests.some((request) => request.path === '/rest/posts' && request.query.q === 'author')).toBe(true);
  });
});
