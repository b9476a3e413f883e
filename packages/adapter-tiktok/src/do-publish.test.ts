import { ApiCallError, ValidationError } from '@smm/core/adapter-kit';
import { generatedBytes, mp4Header } from '@smm/testkit/media-files';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { settle, shortVideo, testEnv } from './__tests__/test-env.js';

const MB = 1024 * 1024;
const video = shortVideo();
const videoBytes = new Uint8Array(Buffer.from((video.source as { base64: string }).base64, 'base64'));

// Core reads URL sources (to probe them) with the global fetch: msw serves the simulator's hosted media to it.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
const body = (env: ReturnType<typeof testEnv>, path: string) =>
  env.sim.requests.find((request) => request.path === path)?.body as Record<string, unknown>;

/** A streamed MP4 of `size` bytes (generated, never held). */
function streamedVideo(size: number, durationMs = 8_000) {
  const head = mp4Header({ durationMs, width: 720, height: 1280, mediaBytes: 0 });
  const prefix = mp4Header({ durationMs, width: 720, height: 1280, mediaBytes: size - head.length });
  return {
    kind: 'video' as const,
    mimeType: 'video/mp4',
    source: { type: 'stream' as const, stream: generatedBytes({ totalBytes: size, prefix }), sizeBytes: size },
  };
}

describe('doPublish: a video', () => {
  it('asks creator_info first, then inits a direct post with post_info and a FILE_UPLOAD plan, uploads, and publishes once', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, {
      text: 'Studio day #behindthescenes',
      media: [video],
      networkOptions: { tiktok: { disableDuet: true, isAigc: false, videoCoverTimestampMs: 1000 } },
    });
    expect(env.requests().slice(0, 3)).toEqual([
      'POST /v2/post/publish/creator_info/query/',
      'POST /v2/post/publish/video/init/',
      'PUT /video/',
    ]);
    const size = Buffer.from((video.source as { base64: string }).base64, 'base64').length;
    // Under 5 MB: one chunk the size of the video (Media Transfer Guide).
    expect(body(env, '/v2/post/publish/video/init/')).toEqual({
      post_info: {
        title: 'Studio day #behindthescenes',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        disable_comment: false,
        disable_duet: true,
        disable_stitch: false,
        video_cover_timestamp_ms: 1000,
        is_aigc: false,
      },
      source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 },
    });
    const live = env.sim.posts().filter((post) => !post.deleted);
    expect(live.map((post) => post.id)).toEqual([published.parts[0]!.id]);
    expect(published.parts[0]!.url).toBe(`https://www.tiktok.com/@smm_creator/video/${published.parts[0]!.id}`);
  });

  it('sends a 12 MiB video in floor(12/5) = 2 sequential chunks of 5 MiB, the last carrying the trailing 2 MiB', async () => {
    const env = testEnv({ settings: { chunkBytes: 5 * MB } });
    await env.client.publish(env.account, { text: 'twelve', media: [streamedVideo(12 * MB)] });
    expect(body(env, '/v2/post/publish/video/init/').source_info).toEqual({
      source: 'FILE_UPLOAD',
      video_size: 12 * MB,
      chunk_size: 5 * MB,
      total_chunk_count: 2,
    });
    const ranges = env.sim.requests.filter((request) => request.method === 'PUT').map((request) => request.headers['content-range']);
    expect(ranges).toEqual([`bytes 0-${5 * MB - 1}/${12 * MB}`, `bytes ${5 * MB}-${12 * MB - 1}/${12 * MB}`]);
  });

  it('resends a chunk whose connection was cut, and still publishes one video', async () => {
    const env = testEnv({ settings: { chunkBytes: 5 * MB } });
    env.sim.faults.inject({ kind: 'cut-mid-body', match: 'PUT /video' });
    await env.client.publish(env.account, { text: 'cut once', media: [streamedVideo(11 * MB)] });
    const puts = env.sim.requests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(2); // the cut one never reached TikTok
    expect(env.sim.posts().filter((post) => post.text === 'cut once')).toHaveLength(1);
  });

  it('goes on after a chunk whose answer was lost (TikTok already holds it)', async () => {
    const env = testEnv({ settings: { chunkBytes: 5 * MB } });
    env.sim.faults.inject({ kind: 'drop-after-send', match: 'PUT /video' });
    await env.client.publish(env.account, { text: 'lost answer', media: [streamedVideo(11 * MB)] });
    expect(env.sim.publishes()[0]!.uploadedBytes).toBe(11 * MB);
    expect(env.sim.posts().filter((post) => post.text === 'lost answer')).toHaveLength(1);
  });

  it('refuses a privacy level the creator does not offer before any init', async () => {
    const env = testEnv({ simulator: { privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'SELF_ONLY'] } });
    const outcome = await settle(env.client.publish(env.account, { text: 'public?', media: [video] }));
    expect(ValidationError.isInstance(outcome.ok ? undefined : outcome.error)).toBe(true);
    expect((outcome as { error: ValidationError }).error.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['networkOptions.tiktok.privacyLevel', 'privacy_level_unavailable'],
    ]);
    expect(env.requests()).toEqual(['POST /v2/post/publish/creator_info/query/']);
  });

  it('maps visibility followers to FOLLOWER_OF_CREATOR', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'for fans', visibility: 'followers', media: [video] });
    expect((body(env, '/v2/post/publish/video/init/').post_info as { privacy_level: string }).privacy_level).toBe('FOLLOWER_OF_CREATOR');
  });

  it('refuses a video longer than the creator may post (max_video_post_duration_sec) before any init', async () => {
    const env = testEnv({ simulator: { maxVideoPostDurationSec: 60 } });
    const outcome = await settle(env.client.publish(env.account, { text: 'too long', media: [shortVideo(61_000)] }));
    expect(outcome.ok ? [] : (outcome.error as ValidationError).issues.map((issue) => issue.code)).toEqual(['media_too_long']);
    expect(env.requests()).toEqual(['POST /v2/post/publish/creator_info/query/']);
  });

  it('keeps interactions the creator turned off off', async () => {
    const env = testEnv({ simulator: { interactions: { commentDisabled: true } } });
    await env.client.publish(env.account, { text: 'no comments', media: [video], networkOptions: { tiktok: { disableComment: false } } });
    expect((body(env, '/v2/post/publish/video/init/').post_info as { disable_comment: boolean }).disable_comment).toBe(true);
  });

  it('an unaudited app posts SELF_ONLY and says so on the post', async () => {
    const env = testEnv({ simulator: { audited: false }, settings: { audited: false } });
    const { published, warnings } = await env.client.publish(env.account, { text: 'private by rule', media: [video] });
    expect((body(env, '/v2/post/publish/video/init/').post_info as { privacy_level: string }).privacy_level).toBe('SELF_ONLY');
    // The app sees it in the publish result, not only in the log.
    expect(warnings.filter((warning) => warning.code === 'visibility_forced_private').map((warning) => warning.message)).toEqual([
      'TikTok posted SELF_ONLY (private) instead of PUBLIC_TO_EVERYONE: TikTok restricts unaudited API clients to private posts (https://developers.tiktok.com/doc/content-sharing-guidelines)',
    ]);
    const part = published.parts[0]!;
    expect(part.extra).toMatchObject({ privacyLevel: 'SELF_ONLY', private: 'true' });
    expect(part.extra?.warning).toMatch(/unaudited/);
    // A private post has no public id: the publish_id stands for it.
    expect(part.id).toBe(env.sim.publishes()[0]!.publishId);
  });

  it('an audited-by-setting app on an unaudited client gets TikTok’s refusal with advice', async () => {
    const env = testEnv({ simulator: { audited: false } });
    const outcome = await settle(env.client.publish(env.account, { text: 'public', media: [video] }));
    const error = outcome.ok ? undefined : outcome.error;
    expect(ApiCallError.isInstance(error) && error.platformCode).toBe('unaudited_client_can_only_post_to_private_accounts');
    expect((error as Error).message).toMatch(/audited: false/);
    expect(env.sim.publishes()).toEqual([]);
  });

  it('upload-to-inbox mode sends the video as a draft to the creator’s inbox', async () => {
    const env = testEnv({ settings: { postMode: 'MEDIA_UPLOAD' } });
    const { published } = await env.client.publish(env.account, { text: 'draft for later', media: [video] });
    expect(env.requests()).toContain('POST /v2/post/publish/inbox/video/init/');
    expect(Object.keys(body(env, '/v2/post/publish/inbox/video/init/'))).toEqual(['source_info']);
    expect(published.parts[0]).toMatchObject({ id: env.sim.publishes()[0]!.publishId, extra: { inbox: 'true' } });
    expect(env.sim.inbox()).toHaveLength(1);
    expect(env.sim.posts()).toEqual([]);
  });

  it('a URL source is pulled by TikTok (PULL_FROM_URL), no bytes through the app', async () => {
    const env = testEnv();
    server.use(...env.sim.handlers);
    const url = env.sim.hostMedia(videoBytes, 'video/mp4');
    // sizeBytes given: core need not ask the URL (the simulator's media host answers no HEAD).
    await env.client.publish(env.account, {
      text: 'pulled',
      media: [{ ...video, sizeBytes: videoBytes.length, source: { type: 'url', url } }],
    });
    expect(body(env, '/v2/post/publish/video/init/').source_info).toEqual({ source: 'PULL_FROM_URL', video_url: url });
    expect(env.requests().filter((line) => line.startsWith('PUT'))).toEqual([]);
    expect(env.sim.posts().filter((post) => post.text === 'pulled')).toHaveLength(1);
  });

  it('a URL on an unverified domain is refused with url_ownership_unverified and advice', async () => {
    const env = testEnv({ simulator: { verifiedUrlPrefixes: [] } });
    server.use(...env.sim.handlers);
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'x',
        media: [{ ...video, sizeBytes: videoBytes.length, source: { type: 'url', url: env.sim.hostMedia(videoBytes, 'video/mp4') } }],
      }),
    );
    const error = outcome.ok ? undefined : outcome.error;
    expect(ApiCallError.isInstance(error) && error.platformCode).toBe('url_ownership_unverified');
    expect((error as Error).message).toMatch(/verified/);
  });

  it('holds the 7th init of a minute back instead of drawing a 429', async () => {
    const env = testEnv();
    for (let index = 0; index < 7; index += 1) {
      await env.client.publish(env.account, { text: `burst ${index}`, media: [video] }, { wait: false });
    }
    const inits = env.sim.requests.filter((request) => request.path === '/v2/post/publish/video/init/');
    expect(inits).toHaveLength(7);
    expect(Date.parse(inits[6]!.at) - Date.parse(inits[0]!.at)).toBeGreaterThanOrEqual(60_000);
    expect(env.sim.publishes()).toHaveLength(7);
  });
});

describe('doPublish: photos', () => {
  const jpeg = { kind: 'image' as const, mimeType: 'image/jpeg', source: { type: 'url' as const, url: '' } };

  it('inits a photo post (media_type PHOTO, PULL_FROM_URL) with the caption as description', async () => {
    const env = testEnv();
    server.use(...env.sim.handlers);
    const urls = [
      env.sim.hostMedia(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg'),
      env.sim.hostMedia(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg'),
    ];
    const request = env.client.publish(env.account, {
      text: 'Two stills',
      media: urls.map((url) => ({ ...jpeg, sizeBytes: 3, source: { type: 'url' as const, url } })),
      networkOptions: { tiktok: { photoTitle: 'Stills', photoCoverIndex: 1 } },
    });
    await settle(request);
    expect(body(env, '/v2/post/publish/content/init/')).toEqual({
      post_info: { title: 'Stills', description: 'Two stills', disable_comment: false, privacy_level: 'PUBLIC_TO_EVERYONE' },
      source_info: { source: 'PULL_FROM_URL', photo_cover_index: 1, photo_images: urls },
      post_mode: 'DIRECT_POST',
      media_type: 'PHOTO',
    });
  });

  it('refuses photos given as bytes when there is no hostPhoto, before any request', async () => {
    const env = testEnv({ settings: { hostPhoto: undefined } });
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'bytes',
        media: [{ kind: 'image', mimeType: 'image/jpeg', source: { type: 'bytes', base64: '/9j/4AAQ' } }],
      }),
    );
    expect(outcome.ok ? [] : (outcome.error as ValidationError).issues.map((issue) => issue.code)).toContain('photo_url_required');
    expect(env.requests()).toEqual([]);
  });
});
