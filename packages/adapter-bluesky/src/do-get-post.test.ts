import { describe, expect, it } from 'vitest';
import { testEnv, ONE_PIXEL_PNG_BASE64 } from './__tests__/test-env.js';

describe('getting a post', () => {
  it('gets a post back with its reply target and media count', async () => {
    const { client, account, sim, calls } = testEnv();
    const { published } = await client.publish(account, {
      text: 'root',
      thread: [
        {
          text: 'with a pixel',
          media: [{ kind: 'image', source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png', altText: 'pixel' }],
        },
      ],
    });
    const post = await client.getPost(account, published.parts[1]!);
    const [root, child] = sim.posts();
    expect(post).toMatchObject({
      ref: { platform: 'bluesky', id: child!.id, extra: { cid: child!.extra.cid } },
      text: 'with a pixel',
      createdAt: child!.createdAt,
      inReplyTo: { platform: 'bluesky', id: root!.id, extra: { cid: root!.extra.cid } },
      mediaCount: 1,
    });
    expect(calls('app.bsky.feed.getPosts').at(-1)!.query.uris).toBe(child!.id);
  });
});
