import { ApiCallError, RateLimitError, ValidationError } from '@smm/core/adapter-kit';
import { mp4Header, pngFile } from '@smm/testkit/media-files';
import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';

const USER = '27143896403261755';
type Env = ReturnType<typeof testEnv>;
// Files already on the public web (the simulator's media host serves them, as a CDN would; it answers
// no HEAD, so the size is given).
const onTheWeb = (sim: Env['sim'], kind: 'image' | 'video', bytes: Uint8Array, mimeType: string) => ({
  kind,
  source: { type: 'url' as const, url: sim.mediaHost.add(bytes, mimeType) },
  mimeType,
  sizeBytes: bytes.length,
});
const image = (sim: Env['sim'], n: number) => onTheWeb(sim, 'image', pngFile(32 + n, 32), 'image/png');
const video = (sim: Env['sim']) =>
  onTheWeb(sim, 'video', mp4Header({ durationMs: 5_000, width: 1280, height: 720, mediaBytes: 0 }), 'video/mp4');
const png = {
  kind: 'image' as const,
  source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};

const posts = (sim: Env['sim']) => sim.requests.filter((request) => request.method === 'POST');
const containerBodies = (sim: Env['sim']) =>
  sim.requests.filter((request) => request.method === 'POST' && request.path === `/v1.0/${USER}/threads`).map((request) => request.body);

describe('publishing a post: container, status, threads_publish', () => {
  it('creates a TEXT container, waits for FINISHED, publishes it with creation_id and returns the post', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'Hello Threads' });
    expect(containerBodies(sim)).toEqual([{ media_type: 'TEXT', text: 'Hello Threads' }]);
    const container = sim.containers()[0]!;
    const publish = sim.requests.find((request) => request.path === `/v1.0/${USER}/threads_publish`)!;
    expect(publish.query).toEqual({ creation_id: container.id });
    // The quota is read before anything is created; the container's status before it is published.
    const order = sim.requests.map((request) => `${request.method} ${request.path.replace(container.id, '{container}')}`);
    expect(order.indexOf(`GET /v1.0/${USER}/threads_publishing_limit`)).toBeLessThan(order.indexOf(`POST /v1.0/${USER}/threads`));
    expect(order.indexOf('GET /v1.0/{container}')).toBeLessThan(order.indexOf(`POST /v1.0/${USER}/threads_publish`));
    expect(sim.posts().map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'Hello Threads']]);
  });

  it("answers with each part's permalink, read back with GET /{threads-media-id}?fields=permalink", async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'Part one', thread: [{ text: 'Part two' }] });
    expect(published.parts).toHaveLength(2);
    for (const part of published.parts) {
      // The URL Threads gives the post when it is read on its own (a separate request).
      const read = await client.getPost(account, part);
      expect(read?.ref.url).toMatch(/^https:\/\/www\.threads\.net\/@[^/]+\/post\/[\w-]+$/);
      expect(part.url).toBe(read!.ref.url);
    }
    const reads = sim.requests.filter((request) => request.method === 'GET' && request.query.fields === 'permalink');
    expect(reads.map((request) => request.path).sort()).toEqual(published.parts.map((part) => `/v1.0/${part.id}`).sort());
  });

  it('publishes without a URL when the permalink cannot be read: the post is live, nothing is published twice', async () => {
    const { sim, client, account } = testEnv();
    sim.faults.inject({
      kind: '5xx',
      status: 500,
      count: 1_000,
      // Reads of a published post (container reads have other ids).
      match: (request) => request.method === 'GET' && sim.posts().some((post) => request.path === `/v1.0/${post.id}`),
    });
    const { published } = await client.publish(account, { text: 'No link yet' });
    sim.faults.clear();
    expect(published.parts).toHaveLength(1);
    expect(published.parts[0]!.url).toBeUndefined();
    expect(sim.posts().map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'No link yet']]);
    expect(sim.requests.filter((request) => request.path === `/v1.0/${USER}/threads_publish`)).toHaveLength(1);
  });

  it('does not hold the publish answer for a permalink read that hangs: it gives up after 5 s', async () => {
    const { sim, client, account } = testEnv();
    // Threads never answers the read. Without the cap the client would wait its 30 s timeout and
    // retry (real time: it measures the network), and this test would run out of its 20 s.
    sim.faults.inject({
      kind: 'timeout',
      count: 1_000,
      match: (request) => request.method === 'GET' && sim.posts().some((post) => request.path === `/v1.0/${post.id}`),
    });
    const { published } = await client.publish(account, { text: 'Slow afternoon' });
    sim.faults.clear();
    expect(published.parts[0]!.url).toBeUndefined();
    expect(sim.posts().map((post) => post.text)).toEqual(['Slow afternoon']);
  }, 20_000);

  it('sends an image by URL as IMAGE with image_url and alt_text', async () => {
    const { sim, client, account } = testEnv();
    const photo = image(sim, 1);
    await client.publish(account, { text: 'A photo', media: [{ ...photo, altText: 'A red bike' }] });
    expect(containerBodies(sim)).toEqual([{ media_type: 'IMAGE', image_url: photo.source.url, alt_text: 'A red bike', text: 'A photo' }]);
    expect(sim.posts()[0]!.mediaIds).toHaveLength(1);
  });

  it('refuses a file without a mediaHost before any request, naming the setting', async () => {
    const { sim, client, account } = testEnv({ settings: { mediaHost: undefined } });
    const outcome = await settle(client.publish(account, { text: 'pixel', media: [png] }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]!.path).toEqual(['media', 0, 'source']);
    expect((error as ValidationError).message + JSON.stringify((error as ValidationError).issues)).toContain('mediaHost');
    expect(posts(sim)).toEqual([]);
  });

  it('puts a file at the media host URL and sends that URL', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'pixel', media: [png] });
    const hosted = sim.mediaHost.files();
    expect(hosted).toHaveLength(1);
    expect(hosted[0]!.sizeBytes).toBe(Buffer.from(ONE_PIXEL_PNG_BASE64, 'base64').length);
    expect(containerBodies(sim)[0]).toMatchObject({ media_type: 'IMAGE', image_url: hosted[0]!.url, alt_text: 'A pixel' });
  });

  it('publishes 3 items as a carousel: item containers first, then CAROUSEL with children; one post, three media', async () => {
    const { sim, client, account } = testEnv();
    const media = [image(sim, 1), video(sim), image(sim, 2)];
    await client.publish(account, { text: 'Three', media });
    const bodies = containerBodies(sim);
    expect(bodies.slice(0, 3)).toEqual([
      { media_type: 'IMAGE', image_url: media[0]!.source.url, is_carousel_item: 'true' },
      { media_type: 'VIDEO', video_url: media[1]!.source.url, is_carousel_item: 'true' },
      { media_type: 'IMAGE', image_url: media[2]!.source.url, is_carousel_item: 'true' },
    ]);
    const items = sim
      .containers()
      .slice(0, 3)
      .map((container) => container.id);
    expect(bodies[3]).toEqual({ media_type: 'CAROUSEL', children: items.join(','), text: 'Three' });
    expect(sim.posts()).toHaveLength(1);
    expect(sim.posts()[0]!.mediaIds).toHaveLength(3);
  });

  it('waits for a video to process (20 s in the simulator) before publishing it', async () => {
    const { sim, client, account, clock } = testEnv();
    const clip = video(sim);
    const started = clock.now();
    await client.publish(account, { text: 'A clip', media: [clip] });
    expect(containerBodies(sim)).toEqual([{ media_type: 'VIDEO', video_url: clip.source.url, text: 'A clip' }]);
    expect(clock.now() - started).toBeGreaterThanOrEqual(20_000);
    expect(sim.posts()).toHaveLength(1);
  });

  it('publishes a thread as a chain: each part replies to the one before (reply_to_id)', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, {
      text: 'one',
      thread: [{ text: 'two' }, { text: 'three', media: [image(sim, 3)] }],
    });
    const ids = published.parts.map((part) => part.id);
    expect(ids).toHaveLength(3);
    const held = sim.posts();
    expect(held.map((post) => [post.text, post.replyToId])).toEqual([
      ['one', undefined],
      ['two', ids[0]],
      ['three', ids[1]],
    ]);
    expect(containerBodies(sim).map((body) => (body as Record<string, string>).reply_to_id)).toEqual([undefined, ids[0], ids[1]]);
  });

  it('sends quote_post_id and reply_control from the network options, and the link as link_attachment', async () => {
    const { sim, client, account } = testEnv();
    const { published: quoted } = await client.publish(account, { text: 'original' });
    await client.publish(account, {
      text: 'so true',
      link: 'https://example.com/a',
      networkOptions: { threads: { quotePostId: quoted.parts[0]!.id, replyControl: 'accounts_you_follow' } },
    });
    expect(containerBodies(sim)[1]).toEqual({
      media_type: 'TEXT',
      text: 'so true',
      quote_post_id: quoted.parts[0]!.id,
      reply_control: 'accounts_you_follow',
      link_attachment: 'https://example.com/a',
    });
  });

  it('refuses a link with media (Threads previews links on text posts only) before any request', async () => {
    const { sim, client, account } = testEnv();
    const outcome = await settle(client.publish(account, { text: 'photo', link: 'https://example.com/a', media: [image(sim, 1)] }));
    expect(outcome.ok).toBe(false);
    expect(ValidationError.isInstance((outcome as { error: unknown }).error)).toBe(true);
    expect(posts(sim)).toEqual([]);
  });
});

describe('publishing limits', () => {
  it('refuses the 251st post of 24 h with PublishingLimitError naming the quota and when the oldest post frees, before any container', async () => {
    const { sim, client, account, clock } = testEnv();
    const { published } = await client.publish(account, { text: 'the oldest of the day' });
    const oldestAt = Date.parse(sim.posts()[0]!.createdAt);
    await clock.advance(3_600_000);
    sim.publishingLimit.fill(USER, 249);
    const from = sim.requests.length;
    const outcome = await settle(client.publish(account, { text: 'one too many' }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as Error).name).toBe('PublishingLimitError');
    expect((error as Error).message).toContain('250 of 250 posts a rolling 24 h');
    // It frees 24 h after the oldest post of the window (Meta's timestamps are to the second).
    const resetAt = (error as RateLimitError).resetAt!;
    expect(Math.abs(Date.parse(resetAt) - (oldestAt + 86_400_000))).toBeLessThan(1_000);
    expect(published.parts).toHaveLength(1);
    expect(sim.requests.slice(from).filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('counts a chain’s later parts against the 1,000 replies, not the posts', async () => {
    const { sim, client, account } = testEnv();
    sim.publishingLimit.fill(USER, 248);
    sim.publishingLimit.fill(USER, 999, 'reply');
    // 1 post + 1 reply fits; then 1 post (249 → 250 fits) + 2 replies (1000 used) does not.
    await client.publish(account, { text: 'fits', thread: [{ text: 'one reply' }] });
    const outcome = await settle(client.publish(account, { text: 'does not fit', thread: [{ text: 'a' }, { text: 'b' }] }));
    expect(outcome.ok).toBe(false);
    expect((outcome as { error: Error }).error.message).toContain('1000');
    expect(sim.posts().map((post) => post.text)).toEqual(['fits', 'one reply']);
  });
});

describe('containers that do not finish', () => {
  it('a container Threads cannot download ends in ERROR: a non-retryable ApiCallError with Meta’s reason, no post', async () => {
    const { sim, client, account } = testEnv({ simulator: { mediaBaseUrl: 'https://media.example.invalid' } });
    const outcome = await settle(
      client.publish(account, {
        text: 'broken',
        // A file the app's media host put at a URL Threads cannot reach.
        media: [
          {
            kind: 'video',
            source: {
              type: 'bytes',
              base64: Buffer.from(mp4Header({ durationMs: 1_000, width: 640, height: 360, mediaBytes: 0 })).toString('base64'),
            },
            mimeType: 'video/mp4',
          },
        ],
      }),
    );
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(ApiCallError.isInstance(error) && error.isRetryable === false).toBe(true);
    expect((error as Error).message).toContain('FAILED_DOWNLOADING_VIDEO');
    expect(sim.posts()).toEqual([]);
  });

  it('a container left 24 h ends EXPIRED: a non-retryable ApiCallError saying to publish again', async () => {
    const { sim, client, account, clock } = testEnv();
    const { pending } = await client.publish(account, { text: 'later' }, { wait: false });
    await clock.advance(25 * 3_600_000);
    const outcome = await settle(client.awaitPublish(pending!));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(ApiCallError.isInstance(error) && error.isRetryable === false && error.platformCode === 'EXPIRED').toBe(true);
    expect(sim.posts()).toEqual([]);
  });

  it('a container stuck IN_PROGRESS ends with PublishPendingTimeoutError carrying the handle, and no post', async () => {
    const { sim, client, account } = testEnv();
    sim.containerStore.faults.stallNext();
    const outcome = await settle(client.publish(account, { text: 'stuck' }, { maxWaitMs: 120_000 }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: { code?: string; pending?: { handle: unknown } } }).error;
    expect(error.code).toBe('publish_pending_timeout');
    expect(JSON.stringify(error.pending!.handle)).toContain(sim.containers()[0]!.id);
    expect(sim.posts()).toEqual([]);
  });
});

describe('text rules, before any request', () => {
  it('counts emoji as their UTF-8 bytes: 125 × 👍 (500) publishes, 126 (504) is refused; 6 different links are refused', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: '👍'.repeat(125) });
    expect(sim.posts().map((post) => post.text)).toEqual(['👍'.repeat(125)]);
    const from = sim.requests.length;
    const long = await settle(client.publish(account, { text: '👍'.repeat(126) }));
    expect(long.ok).toBe(false);
    expect(ValidationError.isInstance((long as { error: unknown }).error)).toBe(true);
    const links = await settle(client.publish(account, { text: [1, 2, 3, 4, 5, 6].map((n) => `https://example.com/${n}`).join(' ') }));
    expect(links.ok).toBe(false);
    expect(JSON.stringify((links as { error: ValidationError }).error.issues)).toContain('too_many_links');
    expect(sim.requests.slice(from)).toEqual([]);
  });
});
