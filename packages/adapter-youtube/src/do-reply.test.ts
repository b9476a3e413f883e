import { describe, expect, it } from 'vitest';
import { SMALL_VIDEO, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };

describe('doReply', () => {
  it('answers a comment (a mention) with comments.insert and snippet.parentId', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 2, mentionEveryMs: 0 } });
    const [mention] = (await env.client.listMentions(env.account, {})).items;
    const { published } = await env.client.reply(env.account, { platform: 'youtube', id: mention!.id }, { text: 'Thanks for watching!' });
    const request = env.sim.requests.find((entry) => entry.method === 'POST' && entry.path === '/youtube/v3/comments')!;
    expect(request.query).toEqual({ part: 'snippet' });
    expect(request.body).toEqual({ snippet: { parentId: mention!.id, textOriginal: 'Thanks for watching!' } });
    expect(published.parts[0]!.id.startsWith(`${mention!.id}.`)).toBe(true);
    expect(published.parts[0]!.extra).toMatchObject({ kind: 'comment' });
  });

  it('answers a video with a top-level comment (commentThreads.insert)', async () => {
    const env = testEnv();
    const root = await env.client.publish(env.account, { text: 'A video', media: [video] });
    const videoId = root.published.parts[0]!.id;
    await env.client.reply(env.account, root.published.parts[0]!, { text: 'Pinned: links below' });
    const request = env.sim.requests.find((entry) => entry.method === 'POST' && entry.path === '/youtube/v3/commentThreads')!;
    expect(request.body).toEqual({
      snippet: { channelId: env.accountId, videoId, topLevelComment: { snippet: { textOriginal: 'Pinned: links below' } } },
    });
    const comment = env.sim.posts().find((post) => post.text === 'Pinned: links below')!;
    expect(comment.replyToId).toBe(videoId);
    expect(env.sim.reportedPostMetrics(videoId).commentCount).toBe(1);
  });
});
