import { PublishingLimitError } from '@smm/meta-graph';
import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { imageAt, ONE_PIXEL_PNG_BASE64, pixel, settle, testEnv, videoUrl } from './__tests__/test-env.js';

const V = '/v26.0';
// Requests to Graph (core also downloads URL media from the media host to check it against the rules).
const graph = (lines: string[]) => lines.filter((line) => !line.includes('/_media/'));

describe('doPublish', () => {
  it('publishes an image from a URL: limit check, container, status until FINISHED, media_publish — no media host needed', async () => {
    const env = testEnv({ settings: { mediaHost: undefined } });
    const ig = env.sim.account.id;
    const image = imageAt(env.sim, 1080, 1350, 'A cup');
    const { published } = await env.client.publish(env.account, { text: 'Morning coffee ☕', media: [image] });
    const [post] = env.sim.posts();
    expect(published.parts[0]).toMatchObject({ id: post!.id, url: `https://www.instagram.com/p/C${post!.id.slice(-9)}/` });
    expect(post).toMatchObject({
      text: 'Morning coffee ☕',
      mediaIds: [(image.source as { url: string }).url],
      extra: { altText: 'A cup' },
    });
    const container = env.sim.containers.all()[0]!.id;
    const sent = graph(env.requests());
    expect(sent.slice(0, 2)).toEqual([`GET ${V}/${ig}/content_publishing_limit`, `POST ${V}/${ig}/media`]);
    expect(sent.filter((line) => line === `GET ${V}/${container}`).length).toBeGreaterThanOrEqual(1);
    expect(sent.slice(-2)).toEqual([`POST ${V}/${ig}/media_publish`, `GET ${V}/${post!.id}`]);
  });

  it('puts bytes on the app’s media host and gives Instagram that public URL', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'From bytes', media: [pixel] });
    expect(env.sim.mediaHost.files()).toEqual([
      {
        id: '1',
        url: `${env.sim.baseUrl}/_media/1.png`,
        kind: 'image',
        mimeType: 'image/png',
        sizeBytes: 70,
        bytes: new Uint8Array(Buffer.from(ONE_PIXEL_PNG_BASE64, 'base64')),
      },
    ]);
    expect(env.sim.posts()[0]!.mediaIds).toEqual([`${env.sim.baseUrl}/_media/1.png`]);
  });

  it('refuses bytes without a media host before any request, naming the setting', async () => {
    const env = testEnv({ settings: { mediaHost: undefined } });
    const outcome = await settle(env.client.publish(env.account, { text: 'No host', media: [pixel] }));
    expect(!outcome.ok && ValidationError.isInstance(outcome.error)).toBe(true);
    const error = outcome.ok ? undefined : (outcome.error as ValidationError);
    expect(error!.issues[0]).toMatchObject({ path: ['media', 0, 'source'], code: 'public_url_required' });
    expect(error!.message).toContain('mediaHost');
    expect(env.requests().filter((line) => line.startsWith('POST'))).toEqual([]);
  });

  it('publishes a carousel: items first, the carousel container once they are FINISHED, one post with every item', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, {
      text: 'Three looks',
      media: [imageAt(env.sim), videoUrl('b'), imageAt(env.sim, 1080, 1080, 'Blue coat')],
    });
    const containers = env.sim.containers.all();
    expect(containers.map((container) => [container.payload.kind, container.payload.isCarouselItem])).toEqual([
      ['IMAGE', true],
      ['VIDEO', true],
      ['IMAGE', true],
      ['CAROUSEL', false],
    ]);
    expect(containers[3]!.payload.children).toEqual(containers.slice(0, 3).map((container) => container.id));
    expect(containers[2]!.payload.altText).toBe('Blue coat');
    expect(env.sim.posts()).toMatchObject([{ id: published.parts[0]!.id, text: 'Three looks', mediaIds: expect.arrayContaining([]) }]);
    expect(env.sim.posts()[0]!.mediaIds).toHaveLength(3);
    expect(env.sim.publishingLimit.used(env.sim.account.id)).toBe(1);
  });

  it('publishes a single video as a reel (shared to the feed), and leaves alt text out with a warning', async () => {
    const env = testEnv();
    const result = await env.client.publish(env.account, { text: 'Reel', media: [{ ...videoUrl(), altText: 'A clip' }] });
    expect(env.sim.containers.all()[0]!.payload).toMatchObject({ kind: 'REELS', shareToFeed: true });
    expect(env.sim.containers.all()[0]!.payload.altText).toBeUndefined();
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'alt_text_dropped' }));
  });

  it('publishes a story without a caption, and refuses a story with text before any request', async () => {
    const env = testEnv();
    const story = { media: [imageAt(env.sim, 1080, 1080)], networkOptions: { instagram: { placement: 'story' as const } } };
    const refused = await settle(env.client.publish(env.account, { ...story, text: 'words' }));
    expect(!refused.ok && ValidationError.isInstance(refused.error) && refused.error.issues[0]!.code).toBe('story_has_no_caption');
    expect(graph(env.requests())).toEqual([]);
    const { published } = await env.client.publish(env.account, { ...story, text: '' });
    expect(env.sim.containers.all()[0]!.payload.kind).toBe('STORIES');
    expect(env.sim.posts()).toMatchObject([{ id: published.parts[0]!.id, extra: { productType: 'STORY' } }]);
  });

  it('refuses a publish over the content publishing limit before any container, naming the quota and when it frees', async () => {
    const env = testEnv({ simulator: { publishingLimit: { total: 2, windowSeconds: 86_400 } } });
    await env.client.publish(env.account, { text: 'one', media: [imageAt(env.sim)] });
    env.clock.advance(3_600_000);
    await env.client.publish(env.account, { text: 'two', media: [imageAt(env.sim)] });
    const containers = env.sim.containers.all().length;
    const outcome = await settle(env.client.publish(env.account, { text: 'three', media: [imageAt(env.sim)] }));
    expect(!outcome.ok && outcome.error).toBeInstanceOf(PublishingLimitError);
    const error = (outcome.ok ? undefined : outcome.error) as PublishingLimitError;
    // The oldest of the two leaves the rolling window 24 h after it was published (Graph times have whole seconds).
    const frees = new Date(Math.floor(env.sim.posts()[0]!.createdAtMs / 1000) * 1000 + 86_400_000).toISOString();
    expect(error.message).toBe(`instagram publishing cap reached: 2 of 2 posts a rolling 24 h are used; the oldest frees at ${frees}.`);
    expect(env.sim.containers.all()).toHaveLength(containers);
  });

  it('skips the limit check when checkPublishingLimit is false', async () => {
    const env = testEnv({ settings: { checkPublishingLimit: false } });
    await env.client.publish(env.account, { text: 'unchecked', media: [imageAt(env.sim)] });
    expect(env.requests().some((line) => line.endsWith('/content_publishing_limit'))).toBe(false);
  });
});
