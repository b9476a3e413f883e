import { describe, expect, it } from 'vitest';
import { imageAt, testEnv } from './__tests__/test-env.js';

describe('doGetPost', () => {
  it('reads a post back with its caption, permalink and time, and null for an id Graph does not know', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'read me', media: [imageAt(env.sim)] });
    const post = await env.client.getPost(env.account, published.parts[0]!);
    const held = env.sim.posts()[0]!;
    expect(post).toMatchObject({ text: 'read me', ref: { id: held.id, url: held.extra.permalink } });
    expect(Date.parse(post!.createdAt)).toBe(Math.floor(held.createdAtMs / 1000) * 1000);
    expect(await env.client.getPost(env.account, { platform: 'instagram', id: '17900000000000000' })).toBeNull();
  });

  it('reads back a comment the adapter made', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'root', media: [imageAt(env.sim)] });
    const reply = await env.client.reply(env.account, published.parts[0]!, { text: 'a comment' });
    expect(await env.client.getPost(env.account, reply.published.parts[0]!)).toMatchObject({ text: 'a comment' });
  });
});
