import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('comments and replies as mentions', () => {
  it('reads every comment and reply of other people, page by page, with kinds, authors and the post they are about', async () => {
    const env = testEnv({ simulator: { seedPosts: 2, commentsPerPost: 3 } });
    const seen: Array<{ id: string; kind: string; subject?: { id: string } | undefined; inReplyToId?: string | undefined }> = [];
    let cursor: string | null = null;
    do {
      const page = await env.client.listMentions(env.account, { cursor, limit: 3 });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const comments = env.sim.comments().filter((comment) => comment.from.id !== env.accountId);
    expect(seen.map((mention) => mention.id).sort()).toEqual(comments.map((comment) => comment.id).sort());
    for (const mention of seen) {
      const comment = comments.find((entry) => entry.id === mention.id)!;
      expect(mention.kind).toBe(comment.objectId === comment.postId ? 'comment' : 'reply');
      expect(mention.subject?.id).toBe(comment.postId);
      expect(mention.inReplyToId).toBe(comment.objectId);
    }
  });

  it('leaves out the Page’s own comments, and a kind not asked for', async () => {
    const env = testEnv({ simulator: { seedPosts: 1, commentsPerPost: 2 } });
    const postId = env.sim.posts()[0]!.id;
    await env.client.reply(env.account, { platform: 'facebook', id: postId }, { text: 'Page answer' });
    const all = await env.client.listMentions(env.account, { limit: 50 });
    expect(all.items.map((mention) => mention.text)).not.toContain('Page answer');
    expect(all.items).toHaveLength(3);
    const replies = await env.client.listMentions(env.account, { limit: 50, kinds: ['reply'] });
    expect(replies.items.map((mention) => mention.kind)).toEqual(['reply']);
  });
});
