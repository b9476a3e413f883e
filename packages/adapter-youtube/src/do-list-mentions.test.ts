import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('doListMentions', () => {
  it("reads the channel's comment threads newest first, as comment mentions on their video", async () => {
    const env = testEnv({ simulator: { mentionBacklog: 3, mentionEveryMs: 0 } });
    const page = await env.client.listMentions(env.account, { limit: 10 });
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
    const request = env.sim.requests.find((entry) => entry.path === '/youtube/v3/commentThreads')!;
    expect(request.query).toMatchObject({ part: 'snippet', allThreadsRelatedToChannelId: env.accountId, maxResults: '10' });
    const [first] = page.items;
    expect(first!.kind).toBe('comment');
    expect(first!.subject?.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(first!.url).toBe(`https://www.youtube.com/watch?v=${first!.subject!.id}&lc=${first!.id}`);
    const times = page.items.map((mention) => Date.parse(mention.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('pages with pageToken, maxResults clamped to 1–100', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 7, mentionEveryMs: 0 } });
    const first = await env.client.listMentions(env.account, { limit: 5 });
    expect(first.items).toHaveLength(5);
    const second = await env.client.listMentions(env.account, { limit: 5, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    await env.client.listMentions(env.account, { limit: 500 });
    expect(env.sim.requests.at(-1)!.query.maxResults).toBe('100');
  });
});
