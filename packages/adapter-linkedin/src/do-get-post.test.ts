import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('reading a post back', () => {
  it('reads GET /rest/posts/{urn} and shows the commentary as a reader sees it', async () => {
    const { client, account, clock } = testEnv();
    const text = 'Meet @Globex (booth #12) at 10_00 #expo';
    const { published } = await client.publish(account, {
      text,
      networkOptions: { linkedin: { mentions: [{ text: 'Globex', urn: 'urn:li:organization:99' }] } },
    });
    const post = await client.getPost(account, published.parts[0]!);
    // The mention shows as its name (LinkedIn drops the @ it replaced).
    expect(post).toMatchObject({ ref: { id: published.parts[0]!.id }, text: 'Meet Globex (booth #12) at 10_00 #expo', mediaCount: 0 });
    expect(Date.parse(post!.createdAt)).toBe(clock.now());
  });

  it('reads a reply back from the comments API, and answers null for what does not exist', async () => {
    const { client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'root' });
    const { published: reply } = await client.reply(account, published.parts[0]!, { text: 'a reply' });
    expect(await client.getPost(account, reply.parts[0]!)).toMatchObject({ text: 'a reply', inReplyTo: { id: published.parts[0]!.id } });
    expect(await client.getPost(account, { ...published.parts[0]!, id: 'urn:li:share:1' })).toBeNull();
  });
});
