import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createFacebookSimulator } from './facebook-simulator.js';

// Off-spec requests sent straight to the simulator, each answered as Graph answers it. The
// expected statuses and bodies are written out from Meta's docs (the pages cited per case), not
// taken from the simulator's code; each rule also has the request just inside it, so the
// simulator is never stricter than Graph.

const START = Date.parse('2026-03-02T12:00:00Z');
const V = 'v26.0';

function setup() {
  const clock = createFakeClock({ now: START });
  const sim = createFacebookSimulator({ clock, seed: 3 });
  const token = sim.credentials.accessToken;
  const call = async (method: string, path: string, body?: Record<string, unknown>, query: Record<string, string> = {}) => {
    const url = new URL(`${sim.baseUrl}/${V}/${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await sim.fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as { error?: Record<string, unknown> } & Record<string, unknown>,
    };
  };
  return { clock, sim, call, page: sim.account.id };
}

describe('Facebook simulator: off-spec requests answered as Graph does', () => {
  // https://developers.facebook.com/docs/pages-api/posts#publish — a post needs a message or a link.
  it('refuses a feed post without message, link or attachment: (#100) Missing message or attachment', async () => {
    const { call, page } = setup();
    const refused = await call('POST', `${page}/feed`, { published: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ message: '(#100) Missing message or attachment', type: 'OAuthException', code: 100 });
    expect(typeof refused.body.error?.fbtrace_id).toBe('string');
    const accepted = await call('POST', `${page}/feed`, { message: 'hello' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.id).toMatch(new RegExp(`^${page}_\\d+$`));
  });

  // Graph's parameter check: a name the edge does not take is refused with code 100 (the codegen spec lists the edge's parameters).
  it('refuses a parameter the feed edge does not take', async () => {
    const { call, page } = setup();
    const refused = await call('POST', `${page}/feed`, { text: 'hello' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, message: '(#100) Param text is not a valid parameter' });
  });

  // https://developers.facebook.com/docs/pages-api/posts — scheduled_publish_time with published=false, 10 minutes to 30 days ahead.
  it('refuses a scheduled time closer than 10 minutes or further than 30 days, and takes the times just inside', async () => {
    const { call, page } = setup();
    const at = (ms: number) => Math.floor((START + ms) / 1000);
    const early = await call('POST', `${page}/feed`, { message: 'soon', published: false, scheduled_publish_time: at(5 * 60_000) });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 100, message: '(#100) The specified scheduled publish time is invalid.' });
    const late = await call('POST', `${page}/feed`, { message: 'late', published: false, scheduled_publish_time: at(31 * 86_400_000) });
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({ code: 100 });
    expect((await call('POST', `${page}/feed`, { message: 'ok', published: false, scheduled_publish_time: at(11 * 60_000) })).status).toBe(
      200,
    );
    expect(
      (await call('POST', `${page}/feed`, { message: 'ok', published: false, scheduled_publish_time: at(29 * 86_400_000) })).status,
    ).toBe(200);
  });

  it('refuses scheduled_publish_time on a post that is published now', async () => {
    const { call, page } = setup();
    const refused = await call('POST', `${page}/feed`, { message: 'x', scheduled_publish_time: Math.floor(START / 1000) + 3600 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100 });
  });

  // https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating — a photo needs `url` or the `source` file.
  it('refuses a photo without url or source: (#324) Requires upload file', async () => {
    const { call, page } = setup();
    const refused = await call('POST', `${page}/photos`, { message: 'no photo' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 324, message: '(#324) Requires upload file' });
    const accepted = await call('POST', `${page}/photos`, { url: 'https://example.com/a.jpg', message: 'photo' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: expect.any(String), post_id: expect.stringMatching(new RegExp(`^${page}_`)) });
  });

  // https://developers.facebook.com/docs/pages-api/posts — several photos: unpublished uploads, then attached_media with their media_fbid.
  it('attaches only unpublished photos of the Page, each once', async () => {
    const { call, page } = setup();
    const published = await call('POST', `${page}/photos`, { url: 'https://example.com/a.jpg' });
    const refused = await call('POST', `${page}/feed`, { message: 'album', attached_media: [{ media_fbid: published.body.id }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100 });
    const draft = await call('POST', `${page}/photos`, { url: 'https://example.com/b.jpg', published: false });
    expect(draft.body).toEqual({ id: expect.any(String) });
    expect((await call('POST', `${page}/feed`, { message: 'album', attached_media: [{ media_fbid: draft.body.id }] })).status).toBe(200);
    expect((await call('POST', `${page}/feed`, { message: 'again', attached_media: [{ media_fbid: draft.body.id }] })).status).toBe(400);
  });

  // https://developers.facebook.com/docs/graph-api/guides/error-handling — no token: code 104; expired token: code 190, subcode 463.
  it('answers a missing token with code 104 and an expired one with 190/463', async () => {
    const { sim, call, page } = setup();
    const bare = await sim.fetch(`${sim.baseUrl}/${V}/${page}/published_posts`);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: unknown }).error).toMatchObject({
      code: 104,
      message: 'An access token is required to request this resource.',
    });
    sim.expireTokens();
    const expired = await call('GET', `${page}/published_posts`);
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(String(expired.body.error?.message)).toMatch(/^Error validating access token: Session has expired/);
  });

  // https://developers.facebook.com/documentation/pages-api/changelog/ — post_impressions deprecated on 15 November 2025: invalid metric error.
  it('refuses deprecated insights metrics and serves their replacements', async () => {
    const { call, page } = setup();
    const post = await call('POST', `${page}/feed`, { message: 'metrics' });
    const refused = await call('GET', `${post.body.id}/insights`, undefined, { metric: 'post_impressions' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, message: '(#100) The value must be a valid insights metric' });
    const served = await call('GET', `${post.body.id}/insights`, undefined, { metric: 'post_media_view,post_total_media_view_unique' });
    expect(served.status).toBe(200);
    expect((served.body.data as Array<{ name: string }>).map((metric) => metric.name)).toEqual([
      'post_media_view',
      'post_total_media_view_unique',
    ]);
    const fans = await call('GET', `${page}/insights`, undefined, { metric: 'page_fans', period: 'day' });
    expect(fans.status).toBe(400);
  });

  // https://developers.facebook.com/docs/graph-api/guides/error-handling — an object that does not exist: code 100, subcode 33, GraphMethodException.
  it('answers an unknown object with code 100 subcode 33', async () => {
    const { call, page } = setup();
    const missing = await call('GET', `${page}_999999`, undefined, { fields: 'message' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect(String(missing.body.error?.message)).toMatch(/^Unsupported get request\. Object with ID '\d+_999999' does not exist/);
  });

  // https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating — transfer at the start_offset Graph named.
  it('refuses a video chunk at another offset than the one Graph named', async () => {
    const { sim, call, page } = setup();
    const started = await call('POST', `${page}/videos`, { upload_phase: 'start', file_size: 10 });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      video_id: expect.any(String),
      upload_session_id: expect.any(String),
      start_offset: '0',
      end_offset: '10',
    });
    const send = async (offset: number, bytes: number) => {
      const form = new FormData();
      form.append('upload_phase', 'transfer');
      form.append('upload_session_id', String(started.body.upload_session_id));
      form.append('start_offset', String(offset));
      form.append('video_file_chunk', new Blob([new Uint8Array(bytes)]), 'chunk');
      const response = await sim.fetch(`${sim.videoBaseUrl}/${V}/${page}/videos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sim.credentials.accessToken}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const wrong = await send(4, 6);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 6001, error_subcode: 1363037 });
    const right = await send(0, 10);
    expect(right).toEqual({ status: 200, body: { start_offset: '10', end_offset: '10' } });
  });

  // https://developers.facebook.com/docs/graph-api/overview/rate-limiting — Pages BUC throttling: code 80001 and X-Business-Use-Case-Usage with the regain time in minutes.
  it('throttles a Page over its budget with code 80001 and the regain time', async () => {
    const { sim, call, page } = setup();
    sim.throttle(30 * 60_000);
    const throttled = await call('GET', `${page}/published_posts`);
    expect(throttled.status).toBe(400);
    expect(throttled.body.error).toMatchObject({ code: 80001 });
    const usage = JSON.parse(throttled.headers.get('x-business-use-case-usage') ?? '{}') as Record<string, Array<Record<string, unknown>>>;
    expect(usage[page]?.[0]).toMatchObject({ type: 'pages', call_count: 100, estimated_time_to_regain_access: 30 });
  });
});
