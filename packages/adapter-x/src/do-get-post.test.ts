import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('getting and deleting a post', () => {
  it('gets a post with its reply target and media count; null once deleted; deleting twice is fine', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'root', thread: [{ text: 'child' }] });
    const child = await env.client.getPost(env.account, published.parts[1]!);
    expect(child).toMatchObject({
      text: 'child',
      inReplyTo: { id: published.parts[0]!.id },
      mediaCount: 0,
      ref: { id: published.parts[1]!.id },
    });
    await env.client.delete(env.account, published.parts[1]!);
    await env.client.delete(env.account, published.parts[1]!);
    expect(await env.client.getPost(env.account, published.parts[1]!)).toBeNull();
    expect(env.requests().filter((line) => line.startsWith('DELETE'))).toEqual([
      `DELETE /2/tweets/${published.parts[1]!.id}`,
      `DELETE /2/tweets/${published.parts[1]!.id}`,
    ]);
  });
});
