import { describe, expect, it } from 'vitest';
import { imageAt, testEnv } from './__tests__/test-env.js';

describe('doListMentions', () => {
  it('lists tagged media, then comments from others on recent media, page by page, each once', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 5 } });
    const { published } = await env.client.publish(env.account, { text: 'Ask away', media: [imageAt(env.sim)] });
    await env.client.reply(env.account, published.parts[0]!, { text: 'my own comment is not a mention' });
    env.clock.advance(3 * 3_600_000);
    const seen: Array<{ id: string; kind: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await env.client.listMentions(env.account, { cursor, limit: 2 });
      seen.push(...page.items.map((mention) => ({ id: mention.id, kind: mention.kind })));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 20);
    expect(cursor).toBeNull();
    expect(new Set(seen.map((mention) => mention.id)).size).toBe(seen.length);
    expect(seen.length).toBe(env.sim.mentionCount());
    expect(seen.filter((mention) => mention.kind === 'mention')).toHaveLength(5);
    expect(seen.slice(5).every((mention) => mention.kind === 'reply')).toBe(true);
  });

  it('lists only comments when asked for replies, each naming the media it answers', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 3 } });
    const { published } = await env.client.publish(env.account, { text: 'Comment here', media: [imageAt(env.sim)] });
    env.clock.advance(3 * 3_600_000);
    const page = await env.client.listMentions(env.account, { kinds: ['reply'], limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((mention) => mention.kind === 'reply' && mention.subject?.id === published.parts[0]!.id)).toBe(true);
    expect(env.requests().some((line) => line.endsWith('/tags'))).toBe(false);
  });
});
