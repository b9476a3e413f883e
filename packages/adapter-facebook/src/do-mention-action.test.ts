import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('acting on comments as the Page', () => {
  it('likes and unlikes, hides and unhides a comment', async () => {
    const env = testEnv({ simulator: { seedPosts: 1, commentsPerPost: 1 } });
    const [mention] = (await env.client.listMentions(env.account, { limit: 10 })).items.filter((item) => item.kind === 'comment');
    const state = () => env.sim.comments().find((comment) => comment.id === mention!.id)!;
    await env.client.actOnMention(env.account, mention!, 'like');
    expect(state().likedByPage).toBe(true);
    await env.client.actOnMention(env.account, mention!, 'unlike');
    expect(state().likedByPage).toBe(false);
    await env.client.actOnMention(env.account, mention!, 'hide');
    expect(state().hidden).toBe(true);
    await env.client.actOnMention(env.account, mention!, 'unhide');
    expect(state().hidden).toBe(false);
    expect(env.requests().filter((line) => !line.startsWith('GET'))).toEqual([
      `POST /v26.0/${mention!.id}/likes`,
      `DELETE /v26.0/${mention!.id}/likes`,
      `POST /v26.0/${mention!.id}`,
      `POST /v26.0/${mention!.id}`,
    ]);
  });
});
