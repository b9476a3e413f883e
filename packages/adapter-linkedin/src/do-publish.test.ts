import { ApiCallError, ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { mp4Video, ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';

const image = (altText: string) => ({
  kind: 'image' as const,
  source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText,
});

describe('publishing posts', () => {
  it('sends POST /rest/posts with the versioned Rest.li headers and the documented body; the id is the x-restli-id URN', async () => {
    const { sim, client, account, requests } = testEnv();
    const { published } = await client.publish(account, { text: 'Results (Q3) are out #earnings' });
    expect(requests()).toEqual(['POST /rest/posts']);
    const [request] = sim.requests;
    expect(request!.headers['linkedin-version']).toBe('202610');
    expect(request!.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(request!.headers.authorization).toBe('Bearer linkedin-token-0');
    expect(request!.headers['user-agent']).toBe('@smm/adapter-linkedin/0.1.0');
    expect(request!.body).toEqual({
      author: 'urn:li:organization:2414183',
      commentary: 'Results \\(Q3\\) are out #earnings',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
    const post = sim.posts().find((entry) => entry.text === 'Results (Q3) are out #earnings')!;
    expect(published.parts).toEqual([
      {
        platform: 'linkedin',
        accountId: 'urn:li:organization:2414183',
        id: post.id,
        url: `https://www.linkedin.com/feed/update/${post.id}/`,
      },
    ]);
  });

  it('keeps text with every reserved character whole on LinkedIn, and writes mentions as LinkedIn markup', async () => {
    const { sim, client, account } = testEnv();
    const text = 'All of | { } @ [ ] ( ) < > # \\ * _ ~ stay, thanks to Globex!';
    await client.publish(account, {
      text,
      networkOptions: { linkedin: { mentions: [{ text: 'Globex', urn: 'urn:li:organization:1337' }] } },
    });
    const post = sim.posts().at(-1)!;
    expect(post.text).toBe(text);
    expect(sim.commentaryOf(post.id)).toBe(
      'All of \\| \\{ \\} \\@ \\[ \\] \\( \\) \\< \\> \\# \\\\ \\* \\_ \\~ stay, thanks to @[Globex](urn:li:organization:1337)!',
    );
  });

  it('publishes a member post to connections only when the draft is for followers', async () => {
    const { sim, client, account } = testEnv({ simulator: { postAs: 'person' } });
    await client.publish(account, { text: 'for my network', visibility: 'followers' });
    expect(sim.requests.at(-1)!.body).toMatchObject({ author: 'urn:li:person:Xq3bZ9pL0a', visibility: 'CONNECTIONS' });
  });

  it('uploads images through the Images API and posts several as a multi-image post with their alt text', async () => {
    const { sim, client, account, requests } = testEnv();
    await client.publish(account, { text: 'two views', media: [image('front'), image('back')] });
    const sent = requests();
    expect(sent.filter((line) => line === 'POST /rest/images')).toHaveLength(2);
    expect(sent.filter((line) => line.startsWith('PUT /dms-uploads/image/'))).toHaveLength(2);
    expect(sent.at(-1)).toBe('POST /rest/posts');
    const initialize = sim.requests.find((request) => request.path === '/rest/images')!;
    expect(initialize.query).toEqual({ action: 'initializeUpload' });
    expect(initialize.body).toEqual({ initializeUploadRequest: { owner: 'urn:li:organization:2414183' } });
    const post = sim.posts().at(-1)!;
    expect(sim.requests.at(-1)!.body).toMatchObject({
      content: {
        multiImage: {
          images: [
            { id: post.mediaIds[0], altText: 'front' },
            { id: post.mediaIds[1], altText: 'back' },
          ],
        },
      },
    });
  });

  it('uploads a video in its parts, finalizes with the ETags, and posts once LinkedIn made it AVAILABLE', async () => {
    const { sim, client, account, clock, requests } = testEnv();
    const video = await mp4Video(5_000, 100);
    const result = await client.publish(account, { text: 'clip', media: [video.media] }, { wait: false });
    expect(result.pending).toBeDefined();
    expect(sim.posts().filter((post) => post.text === 'clip')).toEqual([]);
    const init = sim.requests.find((request) => request.path === '/rest/videos')!;
    expect(init.body).toEqual({
      initializeUploadRequest: {
        owner: 'urn:li:organization:2414183',
        fileSizeBytes: video.sizeBytes,
        uploadCaptions: false,
        uploadThumbnail: false,
      },
    });
    const finalize = sim.requests.filter((request) => request.path === '/rest/videos').at(-1)!;
    expect(finalize.query).toEqual({ action: 'finalizeUpload' });
    await clock.advance(3_000);
    const published = await client.awaitPublish(result.pending!);
    const post = sim.posts().find((entry) => entry.text === 'clip')!;
    expect(published.parts[0]!.id).toBe(post.id);
    expect(requests().filter((line) => line === 'POST /rest/posts')).toHaveLength(1);
  });

  it('attaches a link as an article', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'read this', link: 'https://example.com/a' });
    expect(sim.requests.at(-1)!.body).toMatchObject({
      content: { article: { source: 'https://example.com/a', title: 'https://example.com/a' } },
    });
  });

  it('answers a post with a comment (socialActions) and a comment with a nested comment', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'root' });
    const root = published.parts[0]!;
    const { published: reply } = await client.reply(account, root, { text: 'first!' });
    expect(sim.requests.at(-1)!.path).toBe(`/rest/socialActions/${encodeURIComponent(root.id)}/comments`);
    expect(sim.requests.at(-1)!.body).toEqual({ actor: 'urn:li:organization:2414183', object: root.id, message: { text: 'first!' } });
    await client.reply(account, reply.parts[0]!, { text: 'and again' });
    expect(sim.requests.at(-1)!.body).toEqual({
      actor: 'urn:li:organization:2414183',
      object: root.id,
      message: { text: 'and again' },
      parentComment: reply.parts[0]!.id,
    });
    expect(sim.posts().find((post) => post.text === 'and again')!.replyToId).toBe(reply.parts[0]!.id);
  });

  it("refuses an account whose id is not an author URN, and passes on LinkedIn's 422 for commentary grown past 3000 by escaping", async () => {
    const env = testEnv({ account: { platform: 'linkedin', id: 'acme', handle: 'acme' } });
    const wrong = await settle(env.client.publish(env.account, { text: 'hi' }));
    expect(!wrong.ok && ValidationError.isInstance(wrong.error) && wrong.error.message).toMatch(/urn:li:person/);
    const { client, account } = testEnv();
    const long = await settle(client.publish(account, { text: `${'a'.repeat(2_990)}((((((((((` }));
    expect(!long.ok && ApiCallError.isInstance(long.error) && long.error.status).toBe(422);
    expect(long.ok ? '' : (long.error as ApiCallError).message).toContain('ERROR :: /commentary');
  });
});
