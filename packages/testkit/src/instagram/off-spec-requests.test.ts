import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createInstagramSimulator, type InstagramSimulatorOptions } from './instagram-simulator.js';

// Expected answers written out by hand from Meta's docs and the vendored codegen specs
// (definitions/meta/IGUser.json, IGMedia.json, IGComment.json): Graph's error object
// `{ error: { message, type, code, error_subcode?, fbtrace_id } }`, code 100 for an off-spec
// parameter or field (https://developers.facebook.com/docs/graph-api/guides/error-handling), the
// IG error codes of https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes.
const V = 'v26.0';
const setup = (options: Omit<InstagramSimulatorOptions, 'clock'> = {}) => {
  const clock = createFakeClock({ now: '2026-12-01T09:00:00.000Z' });
  const sim = createInstagramSimulator({ clock, seed: 1, ...options });
  const ig = sim.account.id;
  const send = (method: string, path: string, params: Record<string, string> = {}, token: string | null = sim.credentials.accessToken) => {
    const hasBody = method === 'POST';
    const query = hasBody ? '' : `?${new URLSearchParams(params)}`;
    return sim.fetch(`${sim.baseUrl}/${V}/${path}${query}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(hasBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(hasBody ? { body: new URLSearchParams(params).toString() } : {}),
    });
  };
  const error = async (response: Response) => {
    const body = (await response.json()) as {
      error: { message: string; type: string; code: number; error_subcode?: number; fbtrace_id: string };
    };
    expect(body.error.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{11,27}$/);
    const { fbtrace_id: _trace, ...rest } = body.error;
    return { status: response.status, ...rest };
  };
  return { sim, clock, ig, send, error };
};

describe('Instagram simulator: off-spec requests', () => {
  it('refuses media_publish without creation_id (IGUser media_publish: creation_id required)', async () => {
    const { send, error, ig } = setup();
    expect(await error(await send('POST', `${ig}/media_publish`))).toEqual({
      status: 400,
      message: '(#100) The parameter creation_id is required',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('refuses a container parameter the spec does not know', async () => {
    const { send, error, ig } = setup();
    expect(await error(await send('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg', filter: 'clarendon' }))).toEqual({
      status: 400,
      message: '(#100) Param filter is not a valid parameter',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('refuses a field the IG Media node does not have', async () => {
    const { send, error, ig, sim, clock } = setup();
    const { id: container } = (await (await send('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg' })).json()) as {
      id: string;
    };
    clock.advance(5_000);
    const { id } = (await (await send('POST', `${ig}/media_publish`, { creation_id: container })).json()) as { id: string };
    expect(sim.posts().map((post) => post.id)).toEqual([id]);
    expect(await error(await send('GET', id, { fields: 'caption,filter_name' }))).toEqual({
      status: 400,
      message: '(#100) Tried accessing nonexisting field (filter_name) on node type (IGMedia)',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('refuses account insights without the required period', async () => {
    const { send, error, ig } = setup();
    expect(await error(await send('GET', `${ig}/insights`, { metric: 'reach' }))).toEqual({
      status: 400,
      message: '(#100) The parameter period is required',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('refuses the deprecated impressions metric on media created now', async () => {
    const { send, error, ig, clock } = setup();
    const { id: container } = (await (await send('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg' })).json()) as {
      id: string;
    };
    clock.advance(5_000);
    const { id } = (await (await send('POST', `${ig}/media_publish`, { creation_id: container })).json()) as { id: string };
    const refused = await error(await send('GET', `${id}/insights`, { metric: 'reach,impressions' }));
    expect(refused).toMatchObject({ status: 400, code: 100 });
    expect(refused.message).toBe(
      '(#100) metric[1] must be one of the following values: comments, follows, likes, profile_activity, profile_visits, reach, saved, shares, total_interactions, views',
    );
  });

  it('refuses alt text on a reel (alt_text is for image posts only)', async () => {
    const { send, error, ig } = setup();
    expect(
      await error(
        await send('POST', `${ig}/media`, { media_type: 'REELS', video_url: 'https://cdn.example.com/a.mp4', alt_text: 'a clip' }),
      ),
    ).toEqual({
      status: 400,
      message: '(#100) The parameter alt_text is only supported for image media.',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('refuses to publish a container still IN_PROGRESS (9007 / 2207027)', async () => {
    const { send, error, ig } = setup();
    const { id: container } = (await (await send('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg' })).json()) as {
      id: string;
    };
    const refused = await error(await send('POST', `${ig}/media_publish`, { creation_id: container }));
    expect(refused).toMatchObject({ status: 400, code: 9007, error_subcode: 2207027, message: 'Media ID is not available' });
  });

  it('refuses a publish over the content publishing limit (9 / 2207042)', async () => {
    const { send, error, ig, sim, clock } = setup({ publishingLimit: { total: 1, windowSeconds: 86_400 } });
    const publish = async () => {
      const { id } = (await (await send('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg' })).json()) as { id: string };
      clock.advance(5_000);
      return send('POST', `${ig}/media_publish`, { creation_id: id });
    };
    expect((await publish()).status).toBe(200);
    expect(await error(await publish())).toMatchObject({ status: 400, code: 9, error_subcode: 2207042 });
    expect(await (await send('GET', `${ig}/content_publishing_limit`, { fields: 'quota_usage,config' })).json()).toEqual({
      data: [{ quota_usage: 1, config: { quota_total: 1, quota_duration: 86_400 } }],
    });
    expect(sim.posts()).toHaveLength(1);
  });

  it('answers a request without a token with code 104, and an expired token with 190 / 463', async () => {
    const { send, error, ig, sim } = setup();
    expect(await error(await send('GET', ig, { fields: 'username' }, null))).toMatchObject({ status: 400, code: 104 });
    sim.expireToken();
    expect(await error(await send('GET', ig, { fields: 'username' }))).toMatchObject({ status: 400, code: 190, error_subcode: 463 });
  });

  it('has no DELETE for media on the Instagram Login host (100 / 33)', async () => {
    const { send, error, ig, clock } = setup({ login: 'instagram' });
    const { id: container } = (await (await send('POST', `${ig}/media`, { image_url: 'https://cdn.example.com/a.jpg' })).json()) as {
      id: string;
    };
    clock.advance(5_000);
    const { id } = (await (await send('POST', `${ig}/media_publish`, { creation_id: container })).json()) as { id: string };
    expect(await error(await send('DELETE', id))).toMatchObject({
      status: 400,
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
    });
  });

  it('ends a container whose media URL cannot be fetched in ERROR', async () => {
    const { send, ig, clock } = setup();
    const { id } = (await (await send('POST', `${ig}/media`, { image_url: 'http://localhost/private.jpg' })).json()) as { id: string };
    clock.advance(5_000);
    const status = (await (await send('GET', id, { fields: 'status_code,status' })).json()) as { status_code: string; status: string };
    expect(status.status_code).toBe('ERROR');
    expect(status.status).toContain('Media download has failed');
  });
});
