import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createInstagramSimulator, type InstagramSimulatorOptions } from './instagram-simulator.js';

const V = 'v26.0';
const setup = (options: Omit<InstagramSimulatorOptions, 'clock'> = {}) => {
  const clock = createFakeClock({ now: '2026-12-01T09:00:00.000Z' });
  const sim = createInstagramSimulator({ clock, seed: 3, ...options });
  const ig = sim.account.id;
  const call = async (method: string, path: string, params: Record<string, string> = {}) => {
    const post = method === 'POST';
    const response = await sim.fetch(`${sim.baseUrl}/${V}/${path}${post ? '' : `?${new URLSearchParams(params)}`}`, {
      method,
      headers: {
        authorization: `Bearer ${sim.credentials.accessToken}`,
        ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(post ? { body: new URLSearchParams(params).toString() } : {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  };
  const status = async (id: string) => (await call('GET', id, { fields: 'status_code' })).body.status_code as string;
  return { sim, clock, ig, call, status };
};

describe('Instagram simulator', () => {
  it('serves the Facebook Login host by default and the Instagram Login host on request', () => {
    expect(createInstagramSimulator({ clock: createFakeClock() }).baseUrl).toBe('https://graph.facebook.com');
    expect(createInstagramSimulator({ clock: createFakeClock(), login: 'instagram' }).baseUrl).toBe('https://graph.instagram.com');
  });

  it('processes an image container (2 s), publishes it once, and refuses a second publish of the same container', async () => {
    const { call, status, clock, ig, sim } = setup();
    const { body } = await call('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg', caption: 'Hello', alt_text: 'A cup' });
    expect(await status(body.id)).toBe('IN_PROGRESS');
    clock.advance(2_000);
    expect(await status(body.id)).toBe('FINISHED');
    const published = await call('POST', `${ig}/media_publish`, { creation_id: body.id });
    expect(published.status).toBe(200);
    expect(await status(body.id)).toBe('PUBLISHED');
    expect((await call('POST', `${ig}/media_publish`, { creation_id: body.id })).status).toBe(400);
    expect(sim.posts().map((post) => [post.id, post.text])).toEqual([[published.body.id, 'Hello']]);
    const media = await call('GET', published.body.id, { fields: 'caption,media_type,media_product_type,alt_text' });
    expect(media.body).toEqual({
      id: published.body.id,
      caption: 'Hello',
      media_type: 'IMAGE',
      media_product_type: 'FEED',
      alt_text: 'A cup',
    });
  });

  it('builds a carousel only from finished items, and publishes it as one CAROUSEL_ALBUM with two media', async () => {
    const { call, clock, ig, sim } = setup();
    const a = (await call('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg', is_carousel_item: 'true' })).body.id;
    const b = (
      await call('POST', `${ig}/media`, { media_type: 'VIDEO', video_url: 'https://cdn.example.com/b.mp4', is_carousel_item: 'true' })
    ).body.id;
    expect((await call('POST', `${ig}/media`, { media_type: 'CAROUSEL', children: `${a},${b}`, caption: 'Both' })).body.error.code).toBe(
      9007,
    );
    clock.advance(20_000);
    const carousel = (await call('POST', `${ig}/media`, { media_type: 'CAROUSEL', children: `${a},${b}`, caption: 'Both' })).body.id;
    const { body } = await call('POST', `${ig}/media_publish`, { creation_id: carousel });
    expect(sim.posts()).toMatchObject([
      { id: body.id, text: 'Both', mediaIds: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.mp4'] },
    ]);
    expect((await call('GET', body.id, { fields: 'media_type' })).body.media_type).toBe('CAROUSEL_ALBUM');
    expect(sim.publishingLimit.used(ig)).toBe(1);
  });

  it('lets faults end containers in ERROR, EXPIRED, or keep them IN_PROGRESS', async () => {
    const { call, status, clock, ig, sim } = setup();
    sim.containers.faults.failNext('ERROR: Unsupported format');
    const failed = (await call('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg' })).body.id;
    sim.containers.faults.stallNext();
    const stuck = (await call('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/b.jpg' })).body.id;
    const late = (await call('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/c.jpg' })).body.id;
    clock.advance(3_600_000);
    expect([await status(failed), await status(stuck), await status(late)]).toEqual(['ERROR', 'IN_PROGRESS', 'FINISHED']);
    clock.advance(24 * 3_600_000);
    expect(await status(late)).toBe('EXPIRED');
    expect((await call('POST', `${ig}/media_publish`, { creation_id: late })).body.error).toMatchObject({
      code: -2,
      error_subcode: 2207020,
    });
  });

  it('throttles with code 80002 and X-Business-Use-Case-Usage naming the regain time', async () => {
    const { call, ig } = setup({ callsPerHour: 3 });
    for (let i = 0; i < 3; i += 1) expect((await call('GET', ig, { fields: 'username' })).status).toBe(200);
    const throttled = await call('GET', ig, { fields: 'username' });
    expect(throttled.body.error.code).toBe(80002);
    const usage = JSON.parse(throttled.headers.get('x-business-use-case-usage')!) as Record<string, Array<Record<string, unknown>>>;
    expect(usage[ig]![0]).toMatchObject({ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 60 });
  });

  it("lists tagged media as the mention backlog and comments from others under the account's media", async () => {
    const { call, clock, ig, sim } = setup({ mentionBacklog: 4 });
    const tags = await call('GET', `${ig}/tags`, { fields: 'id,caption,username,timestamp', limit: '3' });
    expect(tags.body.data).toHaveLength(3);
    expect(tags.body.paging.next).toBeDefined();
    expect(sim.mentionCount()).toBe(4);
    const container = (await call('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg', caption: 'Ask me' })).body.id;
    clock.advance(2_000);
    const media = (await call('POST', `${ig}/media_publish`, { creation_id: container })).body.id;
    clock.advance(3 * 3_600_000);
    const comments = await call('GET', `${media}/comments`, { fields: 'id,text,username,from,timestamp' });
    expect(comments.body.data.length).toBe(sim.mentionCount() - 4);
    const reply = await call('POST', `${comments.body.data[0].id}/replies`, { message: 'Thanks!' });
    expect(sim.posts().find((post) => post.id === reply.body.id)).toMatchObject({ text: 'Thanks!', replyToId: comments.body.data[0].id });
  });

  it('reports only the metrics Meta still serves for the media type', async () => {
    const { call, clock, ig, sim } = setup();
    const container = (await call('POST', `${ig}/media`, { media_type: 'REELS', video_url: 'https://cdn.example.com/r.mp4' })).body.id;
    clock.advance(20_000);
    const reel = (await call('POST', `${ig}/media_publish`, { creation_id: container })).body.id;
    clock.advance(3_600_000);
    const reported = sim.reportedPostMetrics(reel);
    expect(Object.keys(reported).sort()).toEqual(
      [
        'comments',
        'ig_reels_avg_watch_time',
        'ig_reels_video_view_total_time',
        'likes',
        'reach',
        'saved',
        'shares',
        'total_interactions',
        'views',
      ].sort(),
    );
    const insights = await call('GET', `${reel}/insights`, { metric: 'views,reach' });
    expect(
      insights.body.data.map((entry: { name: string; values: Array<{ value: number }> }) => [entry.name, entry.values[0]!.value]),
    ).toEqual([
      ['views', reported.views],
      ['reach', reported.reach],
    ]);
    expect((await call('GET', `${reel}/insights`, { metric: 'plays' })).body.error.code).toBe(100);
  });

  it('downloads media from other hosts with fetchMedia when given: a failed download ends the container in ERROR', async () => {
    const seen: string[] = [];
    const fetchMedia = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response(String(input).endsWith('/ok.png') ? 'png' : 'nope', { status: String(input).endsWith('/ok.png') ? 200 : 404 });
    }) as typeof fetch;
    const { call, status, clock, ig } = setup({ fetchMedia });
    const good = (await call('POST', `${ig}/media`, { image_url: 'http://127.0.0.1:9/ok.png' })).body.id;
    const bad = (await call('POST', `${ig}/media`, { image_url: 'http://127.0.0.1:9/missing.png' })).body.id;
    clock.advance(2_000);
    expect([await status(good), await status(bad)]).toEqual(['FINISHED', 'ERROR']);
    expect(seen).toEqual(['http://127.0.0.1:9/ok.png', 'http://127.0.0.1:9/missing.png']);
  });

  it('hosts media and fetches it from its own host', async () => {
    const { sim, call, clock, ig, status } = setup();
    const { url } = await sim.mediaHost.urlFor({ source: { type: 'bytes', base64: 'iVBORw0KGgo=' }, mimeType: 'image/png' });
    expect(url).toBe('https://graph.facebook.com/_media/1.png');
    expect(sim.mediaHost.lookup(url)).toMatchObject({ id: '1', kind: 'image', mimeType: 'image/png', sizeBytes: 8 });
    const served = await sim.fetch(url);
    expect([served.status, served.headers.get('content-type'), served.headers.get('content-length')]).toEqual([200, 'image/png', '8']);
    const container = (await call('POST', `${ig}/media`, { image_url: url })).body.id;
    clock.advance(2_000);
    expect(await status(container)).toBe('FINISHED');
  });
});
