import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createTikTokSimulator, type TikTokSimulatorOptions } from './tiktok-simulator.js';

const MB = 1024 * 1024;

function setup(options: Omit<TikTokSimulatorOptions, 'clock'> = {}) {
  const clock = createFakeClock({ now: '2026-01-05T09:00:00.000Z' });
  const sim = createTikTokSimulator({ clock, ...options });
  const auth = { authorization: `Bearer ${sim.credentials.accessToken}` };
  const post = async (path: string, json: unknown = {}, headers: Record<string, string> = {}) => {
    const response = await sim.fetch(`${sim.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json; charset=UTF-8', ...headers },
      body: JSON.stringify(json),
    });
    return { status: response.status, body: (await response.json()) as { data: Record<string, unknown>; error: { code: string } } };
  };
  const put = async (url: string, first: number, last: number, total: number) =>
    (
      await sim.fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'video/mp4', 'content-range': `bytes ${first}-${last}/${total}` },
        body: new Uint8Array(last - first + 1),
      })
    ).status;
  const init = (size: number, chunk: number, count: number, privacy = 'PUBLIC_TO_EVERYONE') =>
    post('/v2/post/publish/video/init/', {
      post_info: { title: 'clip', privacy_level: privacy },
      source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: chunk, total_chunk_count: count },
    });
  const status = async (publishId: unknown) => (await post('/v2/post/publish/status/fetch/', { publish_id: publishId })).body.data;
  return { clock, sim, post, put, init, status };
}

describe('TikTok simulator', () => {
  it('answers creator_info in TikTok’s envelope, error.code ok', async () => {
    const { post } = setup({ privacyLevelOptions: ['SELF_ONLY'], maxVideoPostDurationSec: 180 });
    const { status, body } = await post('/v2/post/publish/creator_info/query/');
    expect(status).toBe(200);
    expect(body.error.code).toBe('ok');
    expect(body.data).toMatchObject({
      creator_username: 'smm_creator',
      privacy_level_options: ['SELF_ONLY'],
      max_video_post_duration_sec: 180,
    });
  });

  it('takes chunks in order: 206 while partial, 201 when complete; uploaded_bytes follows; the video goes live after processing and moderation', async () => {
    const { clock, sim, init, put, status } = setup({ processingMs: 10_000, moderationMs: 20_000 });
    const size = 12 * MB;
    const { body } = await init(size, 5 * MB, 2);
    const url = body.data.upload_url as string;
    expect(await put(url, 0, 5 * MB - 1, size)).toBe(206);
    expect(await status(body.data.publish_id)).toMatchObject({ status: 'PROCESSING_UPLOAD', uploaded_bytes: 5 * MB });
    // The same chunk again (its answer was lost): accepted, nothing doubles.
    expect(await put(url, 0, 5 * MB - 1, size)).toBe(206);
    expect(await put(url, 5 * MB, size - 1, size)).toBe(201);
    clock.advance(29_000);
    expect((await status(body.data.publish_id)).status).toBe('PROCESSING_UPLOAD');
    expect(sim.posts()).toEqual([]);
    clock.advance(1_000);
    const done = await status(body.data.publish_id);
    expect(done.status).toBe('PUBLISH_COMPLETE');
    expect(sim.posts()).toHaveLength(1);
    expect(done.publicaly_available_post_id).toEqual([Number(sim.posts()[0]!.id)]);
  });

  it('publishes at its due time even if nobody polls (a client killed mid-wait finds one video)', async () => {
    const { clock, sim, init, put } = setup();
    const { body } = await init(1000, 1000, 1);
    await put(body.data.upload_url as string, 0, 999, 1000);
    clock.advance(3_600_000);
    expect(sim.posts()).toHaveLength(1);
  });

  it('an init without its upload never publishes', async () => {
    const { clock, sim, init } = setup();
    await init(1000, 1000, 1);
    clock.advance(24 * 3_600_000);
    expect(sim.posts()).toEqual([]);
  });

  it('an upload session expires after an hour', async () => {
    const { clock, init, put } = setup();
    const { body } = await init(1000, 1000, 1);
    clock.advance(3_600_000);
    expect(await put(body.data.upload_url as string, 0, 999, 1000)).toBe(403);
  });

  it('allows 6 inits per minute per token, then 429 rate_limit_exceeded until the minute has passed', async () => {
    const { clock, init } = setup();
    for (let index = 0; index < 6; index += 1) expect((await init(1000, 1000, 1)).status).toBe(200);
    const seventh = await init(1000, 1000, 1);
    expect([seventh.status, seventh.body.error.code]).toEqual([429, 'rate_limit_exceeded']);
    clock.advance(60_000);
    expect((await init(1000, 1000, 1)).status).toBe(200);
  });

  it('fails a publish with the fail_reason it was told to', async () => {
    const { clock, sim, init, put, status } = setup();
    sim.failNextProcessing('file_format_check_failed');
    const { body } = await init(1000, 1000, 1);
    await put(body.data.upload_url as string, 0, 999, 1000);
    clock.advance(60_000);
    expect(await status(body.data.publish_id)).toMatchObject({ status: 'FAILED', fail_reason: 'file_format_check_failed' });
    expect(sim.posts()).toEqual([]);
  });

  it('a SELF_ONLY post completes without a public post id and is not listed', async () => {
    const { clock, sim, init, put, status, post } = setup();
    const { body } = await init(1000, 1000, 1, 'SELF_ONLY');
    await put(body.data.upload_url as string, 0, 999, 1000);
    clock.advance(30_000);
    expect(await status(body.data.publish_id)).toMatchObject({ status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [] });
    expect(sim.posts()).toHaveLength(1);
    expect((await post('/v2/video/list/?fields=id,title', { max_count: 20 })).body.data.videos).toEqual([]);
  });

  it('pages the video list newest first by a create_time cursor', async () => {
    const { clock, init, put, post } = setup();
    for (let index = 0; index < 3; index += 1) {
      const { body } = await init(1000, 1000, 1);
      await put(body.data.upload_url as string, 0, 999, 1000);
      clock.advance(120_000);
    }
    const first = await post('/v2/video/list/?fields=id,create_time', { max_count: 2 });
    expect((first.body.data.videos as unknown[]).length).toBe(2);
    expect(first.body.data.has_more).toBe(true);
    const second = await post('/v2/video/list/?fields=id,create_time', { max_count: 2, cursor: first.body.data.cursor });
    expect((second.body.data.videos as unknown[]).length).toBe(1);
    expect(second.body.data.has_more).toBe(false);
  });
});
