import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createTikTokSimulator } from './tiktok-simulator.js';

// Each expected answer is written out by hand from TikTok's docs: the status and error.code of
// https://developers.tiktok.com/doc/tiktok-api-v2-error-handling and the rules of the endpoint's page.
const MB = 1024 * 1024;

function setup(options: Parameters<typeof createTikTokSimulator>[0] = {}) {
  const sim = createTikTokSimulator({ clock: createFakeClock({ now: '2026-01-05T09:00:00.000Z' }), ...options });
  const send = async (path: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}) => {
    const response = await sim.fetch(`${sim.baseUrl}${path}`, {
      method: init.method ?? 'POST',
      headers: init.headers ?? {
        authorization: `Bearer ${sim.credentials.accessToken}`,
        'content-type': 'application/json; charset=UTF-8',
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    const body = (await response.json()) as { error: { code: string } };
    return [response.status, body.error.code] as const;
  };
  return { sim, send };
}

const upload = (size: number, chunk: number, count: number) => ({
  post_info: { title: 'x', privacy_level: 'PUBLIC_TO_EVERYONE' },
  source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: chunk, total_chunk_count: count },
});

describe('TikTok simulator: off-spec requests get TikTok’s answers', () => {
  it('no token: 401 access_token_invalid', async () => {
    const { send } = setup();
    expect(await send('/v2/post/publish/creator_info/query/', { headers: {} })).toEqual([401, 'access_token_invalid']);
  });

  it('a token without the scope: 401 scope_not_authorized', async () => {
    const { send } = setup({ scopes: ['user.info.basic'] });
    expect(await send('/v2/post/publish/creator_info/query/')).toEqual([401, 'scope_not_authorized']);
  });

  it('an init without JSON content type: 400 invalid_params', async () => {
    const { sim, send } = setup();
    expect(
      await send('/v2/post/publish/video/init/', {
        headers: { authorization: `Bearer ${sim.credentials.accessToken}` },
        json: upload(1000, 1000, 1),
      }),
    ).toEqual([400, 'invalid_params']);
  });

  it('chunk rules (Media Transfer Guide): each breach is 400 invalid_params', async () => {
    const { send } = setup();
    const cases = [
      upload(3 * MB, 1 * MB, 3), // under 5 MB: must be one chunk of the whole video
      upload(20 * MB, 4 * MB, 5), // chunk under 5 MB
      upload(200 * MB, 65 * MB, 3), // chunk over 64 MB
      upload(25 * MB, 10 * MB, 3), // count must be floor(25/10) = 2
      upload(100 * MB, 100 * MB, 1), // over 64 MB in one chunk
    ];
    for (const body of cases) expect(await send('/v2/post/publish/video/init/', { json: body })).toEqual([400, 'invalid_params']);
    expect(await send('/v2/post/publish/video/init/', { json: upload(25 * MB, 10 * MB, 2) })).toEqual([200, 'ok']);
  });

  it('a privacy level the creator does not offer: privacy_level_option_mismatch', async () => {
    const { send } = setup({ privacyLevelOptions: ['SELF_ONLY'] });
    expect(await send('/v2/post/publish/video/init/', { json: upload(1000, 1000, 1) })).toEqual([400, 'privacy_level_option_mismatch']);
  });

  it('an unaudited client posting publicly: 403 unaudited_client_can_only_post_to_private_accounts', async () => {
    const { send } = setup({ audited: false });
    expect(await send('/v2/post/publish/video/init/', { json: upload(1000, 1000, 1) })).toEqual([
      403,
      'unaudited_client_can_only_post_to_private_accounts',
    ]);
  });

  it('PULL_FROM_URL from an unverified prefix: 403 url_ownership_unverified', async () => {
    const { send } = setup();
    const body = {
      post_info: { privacy_level: 'SELF_ONLY' },
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://example.com/a.mp4' },
    };
    expect(await send('/v2/post/publish/video/init/', { json: body })).toEqual([403, 'url_ownership_unverified']);
  });

  it('a photo post must be PULL_FROM_URL with 1–35 images and a cover among them', async () => {
    const { sim, send } = setup();
    const url = sim.hostMedia(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
    const photo = (source: Record<string, unknown>) => ({
      media_type: 'PHOTO',
      post_mode: 'DIRECT_POST',
      post_info: { privacy_level: 'SELF_ONLY' },
      source_info: source,
    });
    expect(
      await send('/v2/post/publish/content/init/', { json: photo({ source: 'FILE_UPLOAD', photo_images: [url], photo_cover_index: 0 }) }),
    ).toEqual([400, 'invalid_params']);
    expect(
      await send('/v2/post/publish/content/init/', { json: photo({ source: 'PULL_FROM_URL', photo_images: [url], photo_cover_index: 1 }) }),
    ).toEqual([400, 'invalid_params']);
    expect(
      await send('/v2/post/publish/content/init/', { json: photo({ source: 'PULL_FROM_URL', photo_images: [url], photo_cover_index: 0 }) }),
    ).toEqual([200, 'ok']);
  });

  it('the Display API needs its fields parameter and a max_count of 1–20', async () => {
    const { send } = setup();
    expect(await send('/v2/video/list/', { json: { max_count: 10 } })).toEqual([400, 'invalid_params']);
    expect(await send('/v2/video/list/?fields=id', { json: { max_count: 21 } })).toEqual([400, 'invalid_params']);
    expect(await send('/v2/video/list/?fields=id', { json: { max_count: 20 } })).toEqual([200, 'ok']);
  });

  it('a chunk out of order, or with the wrong range: 400 invalid_file_upload', async () => {
    const { sim } = setup();
    const response = await sim.fetch(`${sim.baseUrl}/v2/post/publish/video/init/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.credentials.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(upload(10 * MB, 5 * MB, 2)),
    });
    const url = ((await response.json()) as { data: { upload_url: string } }).data.upload_url;
    const put = async (range: string, length: number) =>
      (
        await sim.fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'video/mp4', 'content-range': range },
          body: new Uint8Array(length),
        })
      ).status;
    expect(await put(`bytes ${5 * MB}-${10 * MB - 1}/${10 * MB}`, 5 * MB)).toBe(400); // second chunk first
    expect(await put(`bytes 0-${MB - 1}/${10 * MB}`, MB)).toBe(400); // not the planned chunk
    expect(await put(`bytes 0-${5 * MB - 1}/${10 * MB}`, 5 * MB)).toBe(206);
  });
});
