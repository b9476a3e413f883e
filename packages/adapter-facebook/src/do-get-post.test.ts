import { describe, expect, it } from 'vitest';
import { testEnv, urlMedia } from './__tests__/test-env.js';

describe('reading a post', () => {
  it('reads a post with its photo count, a Page comment with what it answers, and null for a missing one', async () => {
    const env = testEnv();
    const album = await env.client.publish(env.account, {
      text: 'Two photos',
      media: [1, 2].map((n) => urlMedia('image', `https://cdn.example.com/${n}.jpg`)),
    });
    const post = await env.client.getPost(env.account, album.published.parts[0]!);
    expect(post).toMatchObject({ text: 'Two photos', mediaCount: 2 });
    const reply = await env.client.reply(env.account, album.published.parts[0]!, { text: 'first!' });
    const comment = await env.client.getPost(env.account, reply.published.parts[0]!);
    expect(comment).toMatchObject({ text: 'first!', inReplyTo: { id: album.published.parts[0]!.id } });
    expect(await env.client.getPost(env.account, { platform: 'facebook', id: `${env.accountId}_424242` })).toBeNull();
  });
});
