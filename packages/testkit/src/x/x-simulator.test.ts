import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { START, setup } from './__tests__/x-call.js';
import { createXSimulator } from './index.js';

describe('X simulator', () => {
  it('creates a tweet as X documents it, with 15-minute rate-limit headers in epoch seconds', async () => {
    const { sim, call } = setup();
    const created = await call('POST', '/2/tweets', { json: { text: 'hello from the simulator' } });
    expect(created.status).toBe(201);
    // CreatePostsResponseData in X's OpenAPI: id, text, edit_history_post_ids.
    expect(Object.keys(created.body!.data).sort()).toEqual(['edit_history_post_ids', 'id', 'text']);
    expect(created.body!.data.id).toMatch(/^\d{18,19}$/);
    expect(created.body!.data.edit_history_post_ids).toEqual([created.body!.data.id]);
    expect(created.headers.get('x-rate-limit-limit')).toBe('100');
    expect(created.headers.get('x-rate-limit-remaining')).toBe('99');
    expect(created.headers.get('x-rate-limit-reset')).toBe('1767604500');
    expect(sim.requests[0]).toMatchObject({ method: 'POST', path: '/2/tweets', body: { text: 'hello from the simulator' } });
    expect(sim.posts().map((post) => post.text)).toEqual(['hello from the simulator']);
  });

  it('refuses duplicate text, unknown reply targets and media together with a poll', async () => {
    const { call } = setup();
    await call('POST', '/2/tweets', { json: { text: 'same' } });
    const duplicate = await call('POST', '/2/tweets', { json: { text: 'same' } });
    expect(duplicate.status).toBe(403);
    expect(duplicate.body).toMatchObject({
      title: 'Forbidden',
      status: 403,
      detail: 'You are not allowed to create a Tweet with duplicate content.',
    });
    const orphan = await call('POST', '/2/tweets', { json: { text: 'answer', reply: { in_reply_to_tweet_id: '42' } } });
    expect(orphan.status).toBe(400);
    expect(orphan.body!.type).toBe('https://api.x.com/2/problems/invalid-request');
    const both = await call('POST', '/2/tweets', {
      json: { text: 'x', media: { media_ids: ['1'] }, poll: { options: ['a', 'b'], duration_minutes: 60 } },
    });
    expect(both.status).toBe(400);
  });

  it('measures length as X does: a long URL counts 23, CJK counts 2', async () => {
    const { call } = setup();
    // 250 letters + space + a 60-character URL: 311 code points, but 274 by X's count → accepted.
    const url = `https://example.com/${'p'.repeat(40)}`;
    expect(url.length).toBe(60);
    expect((await call('POST', '/2/tweets', { json: { text: `${'a'.repeat(250)} ${url}` } })).status).toBe(201);
    // 140 CJK characters count 280 → accepted; 141 count 282 → refused as too long.
    expect((await call('POST', '/2/tweets', { json: { text: '日'.repeat(140) } })).status).toBe(201);
    const tooLong = await call('POST', '/2/tweets', { json: { text: '本'.repeat(141) } });
    expect(tooLong.status).toBe(403);
    expect(tooLong.body!.detail).toBe('Your Tweet text is too long.');
  });

  it('reports public metrics always, non-public ones for own recent posts, and link clicks only with a link', async () => {
    const { clock, sim, call } = setup();
    const plain = (await call('POST', '/2/tweets', { json: { text: 'no link here' } })).body!.data.id as string;
    const linked = (await call('POST', '/2/tweets', { json: { text: 'read https://example.com/a' } })).body!.data.id as string;
    await clock.advance(60 * 60_000);
    const read = await call('GET', `/2/tweets?ids=${plain},${linked},999&post.fields=public_metrics,non_public_metrics,created_at`);
    const [first, second] = read.body!.data;
    // PostPublicMetrics in X's OpenAPI.
    expect(Object.keys(first.public_metrics).sort()).toEqual([
      'bookmark_count',
      'impression_count',
      'like_count',
      'quote_count',
      'reply_count',
      'repost_count',
    ]);
    expect(Object.keys(first.non_public_metrics).sort()).toEqual(['impression_count', 'user_profile_clicks']);
    expect(Object.keys(second.non_public_metrics).sort()).toEqual(['impression_count', 'url_link_clicks', 'user_profile_clicks']);
    expect(first.created_at).toBe(START);
    expect(read.body!.errors).toEqual([expect.objectContaining({ value: '999', title: 'Not Found Error', resource_type: 'tweet' })]);
    expect(sim.reportedPostMetrics(plain)).toEqual({ ...first.public_metrics, ...first.non_public_metrics });
    // Counters never go down as time passes.
    await clock.advance(24 * 60 * 60_000);
    const later = sim.reportedPostMetrics(plain);
    for (const [name, value] of Object.entries(first.public_metrics as Record<string, number>))
      expect(later[name]).toBeGreaterThanOrEqual(value);
  });

  it('deletes a tweet; reading it then answers 200 with a Not Found error', async () => {
    const { call } = setup();
    const id = (await call('POST', '/2/tweets', { json: { text: 'bye' } })).body!.data.id as string;
    expect((await call('DELETE', `/2/tweets/${id}`)).body).toEqual({ data: { deleted: true } });
    const read = await call('GET', `/2/tweets/${id}`);
    expect(read.status).toBe(200);
    expect(read.body!.errors[0]).toMatchObject({
      title: 'Not Found Error',
      resource_id: id,
      type: 'https://api.x.com/2/problems/resource-not-found',
    });
  });

  it('pages mentions newest first with pagination_token until meta has no next_token', async () => {
    const { sim, call } = setup({ mentionBacklog: 23 });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await call(
        'GET',
        `/2/users/${sim.account.id}/mentions?max_results=10&expansions=author_id&post.fields=created_at${token ? `&pagination_token=${token}` : ''}`,
      );
      pages += 1;
      const data = page.body!.data as Array<{ id: string; author_id: string }>;
      expect(page.body!.meta.result_count).toBe(data.length);
      expect(page.body!.includes.users.map((user: { id: string }) => user.id)).toEqual(
        expect.arrayContaining(data.map((tweet) => tweet.author_id)),
      );
      seen.push(...data.map((tweet) => tweet.id));
      token = page.body!.meta.next_token;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const sorted = [...seen].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
    expect(seen).toEqual(sorted);
    expect((await call('GET', `/2/users/${sim.account.id}/mentions?max_results=3`)).status).toBe(400);
  });

  it('counts requests per 15-minute window and opens a new window at the reset', async () => {
    const { clock, call } = setup({ limits: { createTweet: { limit: 2, windowMs: 15 * 60_000 } } });
    expect((await call('POST', '/2/tweets', { json: { text: 'one' } })).status).toBe(201);
    expect((await call('POST', '/2/tweets', { json: { text: 'two' } })).status).toBe(201);
    const limited = await call('POST', '/2/tweets', { json: { text: 'three' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.body).toMatchObject({ title: 'Too Many Requests', status: 429 });
    await clock.advance(15 * 60_000);
    expect((await call('POST', '/2/tweets', { json: { text: 'three' } })).status).toBe(201);
  });

  it('refreshes OAuth 2.0 tokens with rotation; expired tokens get 401', async () => {
    const { sim, call } = setup();
    sim.expireAccessTokens();
    expect((await call('GET', '/2/users/me')).status).toBe(401);
    const form = { grant_type: 'refresh_token', refresh_token: sim.credentials.refreshToken, client_id: sim.credentials.clientId };
    const refreshed = await call('POST', '/2/oauth2/token', { form });
    expect(refreshed.body).toMatchObject({ token_type: 'bearer', expires_in: 7200 });
    expect((await call('GET', '/2/users/me', { token: refreshed.body!.access_token })).body!.data.username).toBe('smm_brand');
    const reused = await call('POST', '/2/oauth2/token', { form });
    expect(reused.status).toBe(400);
    expect(reused.body!.error).toBe('invalid_request');
  });

  it('runs the chunked media upload on the OpenAPI paths; a video is usable only once processing succeeded', async () => {
    const { clock, call } = setup();
    const init = await call('POST', '/2/media/upload/initialize', {
      json: { media_type: 'video/mp4', total_bytes: 6, media_category: 'tweet_video' },
    });
    expect(init.status).toBe(200);
    const id = init.body!.data.id as string;
    expect(init.body!.data.media_key).toBe(`7_${id}`);
    // 'abcd' is 3 bytes of base64, 'AAAA' 3 more: 6 in all.
    const first = await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'abcd', segment_index: 0 } });
    expect(first.status).toBe(200);
    expect(first.body!.data.expires_at).toBe(1767603600 + 86_400);
    expect((await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA', segment_index: 1 } })).status).toBe(200);
    const finalize = await call('POST', `/2/media/upload/${id}/finalize`);
    expect(finalize.status).toBe(200);
    expect(finalize.body!.data).toMatchObject({ id, size: 6, processing_info: { state: 'pending', check_after_secs: 1 } });
    expect((await call('POST', '/2/tweets', { json: { text: 'clip', media: { media_ids: [id] } } })).status).toBe(400);
    // pending -> in_progress -> succeeded (docs.x.com/x-api/media/media-upload-status), 2 s in all.
    await clock.advance(1_000);
    expect((await call('GET', `/2/media/upload?command=STATUS&media_id=${id}`)).body!.data.processing_info).toEqual({
      state: 'in_progress',
      check_after_secs: 1,
      progress_percent: 50,
    });
    await clock.advance(1_000);
    expect((await call('GET', `/2/media/upload?command=STATUS&media_id=${id}`)).body!.data.processing_info.state).toBe('succeeded');
    expect((await call('POST', '/2/tweets', { json: { text: 'clip', media: { media_ids: [id] } } })).status).toBe(201);
  });

  it('refuses a finalize whose segments do not add up to total_bytes or skip an index', async () => {
    const { call } = setup();
    const start = async () =>
      (
        await call('POST', '/2/media/upload/initialize', {
          json: { media_type: 'image/png', total_bytes: 6, media_category: 'tweet_image' },
        })
      ).body!.data.id as string;
    const short = await start();
    await call('POST', `/2/media/upload/${short}/append`, { json: { media: 'abcd', segment_index: 0 } });
    expect((await call('POST', `/2/media/upload/${short}/finalize`)).status).toBe(400);
    const gap = await start();
    await call('POST', `/2/media/upload/${gap}/append`, { json: { media: 'abcd', segment_index: 0 } });
    await call('POST', `/2/media/upload/${gap}/append`, { json: { media: 'abcd', segment_index: 2 } });
    const refused = await call('POST', `/2/media/upload/${gap}/finalize`);
    expect(refused.status).toBe(400);
    expect(refused.body!.errors[0].parameters).toEqual({ segment_index: [[0, 2]] });
  });

  it('takes a one-shot image upload on POST /2/media/upload', async () => {
    const { call } = setup();
    const uploaded = await call('POST', '/2/media/upload', { json: { media: 'AAAA', media_category: 'tweet_image' } });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body!.data).toMatchObject({ size: 3, media_key: `3_${uploaded.body!.data.id}` });
    expect((await call('POST', '/2/tweets', { json: { media: { media_ids: [uploaded.body!.data.id] } } })).status).toBe(201);
  });

  it('is deterministic: the same seed gives the same mentions and counters, another seed does not', async () => {
    const run = async (seed: number) => {
      const clock = createFakeClock({ now: START });
      const sim = createXSimulator({ clock, seed });
      const response = await sim.fetch(
        `https://api.x.com/2/users/${sim.account.id}/mentions?max_results=100&post.fields=created_at&expansions=author_id`,
        {
          headers: { authorization: `Bearer ${sim.credentials.accessToken}` },
        },
      );
      return JSON.stringify(await response.json());
    };
    expect(await run(4)).toBe(await run(4));
    expect(await run(4)).not.toBe(await run(5));
  });

  it('keeps sizes, segment indexes and a hash of an upload, never its bytes, and logs APPEND media by size', async () => {
    const { sim, call } = setup();
    const init = await call('POST', '/2/media/upload/initialize', { json: { media_type: 'image/png', total_bytes: 6 } });
    const id = init.body!.data.id as string;
    await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'abcd', segment_index: 0 } });
    await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA', segment_index: 1 } });
    await call('POST', `/2/media/upload/${id}/finalize`);
    const bytes = Buffer.concat([Buffer.from('abcd', 'base64'), Buffer.from('AAAA', 'base64')]);
    expect(sim.mediaUploads()).toEqual([
      {
        id,
        mediaType: 'image/png',
        totalBytes: 6,
        appends: [
          { segmentIndex: 0, bytes: 3 },
          { segmentIndex: 1, bytes: 3 },
        ],
        sha256: createHash('sha256').update(bytes).digest('hex'),
        finalized: true,
      },
    ]);
    expect(sim.requests[1]!.body).toEqual({ media: '<3 bytes, base64>', segment_index: 0 });
  });

  it("fails processing with X's error when told to (mediaProcessing.failWith)", async () => {
    const { clock, call } = setup({ mediaProcessing: { durationMs: 5_000, checkAfterSecs: 3, failWith: 'Unsupported video format' } });
    const init = await call('POST', '/2/media/upload/initialize', { json: { media_type: 'video/mp4', total_bytes: 3 } });
    const id = init.body!.data.id as string;
    await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA', segment_index: 0 } });
    expect((await call('POST', `/2/media/upload/${id}/finalize`)).body!.data.processing_info).toEqual({
      state: 'pending',
      check_after_secs: 3,
    });
    await clock.advance(5_000);
    expect((await call('GET', `/2/media/upload?command=STATUS&media_id=${id}`)).body!.data.processing_info).toEqual({
      state: 'failed',
      progress_percent: 100,
      error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
    });
    expect((await call('POST', '/2/tweets', { json: { text: 'clip', media: { media_ids: [id] } } })).status).toBe(400);
  });

  it('cut-mid-body: the connection is cut while the body arrives, and the simulator never sees that request', async () => {
    const sim = createXSimulator({ seed: 2 });
    const server = await sim.listen();
    try {
      sim.faults.inject({ kind: 'cut-mid-body', match: 'POST /2/tweets' });
      const send = () =>
        fetch(`${server.url}/2/tweets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sim.credentials.accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: `cut ${'x'.repeat(200)}`.slice(0, 200) }),
        });
      await expect(send()).rejects.toThrow();
      expect(sim.requests).toHaveLength(0);
      expect((await send()).status).toBe(201);
      expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /2/tweets']);
      expect(sim.posts()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
