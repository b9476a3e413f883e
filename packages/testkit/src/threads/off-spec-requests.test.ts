import { createFakeClock } from '@smm/core/clock';
import { describe, expect, it } from 'vitest';
import { createThreadsSimulator } from './index.js';

// Requests Threads refuses, with the answers written out by hand from Meta's Threads doc pages
// (cited per case) and Graph's error object (https://developers.facebook.com/docs/graph-api/guides/error-handling):
// `{ error: { message, type, code, error_subcode?, fbtrace_id } }`, HTTP 400 for code 100 and 190.

const USER = '27143896403261755';
const base = 'https://graph.threads.net/v1.0';

function setup() {
  const sim = createThreadsSimulator({ clock: createFakeClock() });
  const auth = { authorization: `Bearer ${sim.credentials.accessToken}` };
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = auth) =>
    sim.fetch(`${base}${path}`, { method: 'POST', headers, body: new URLSearchParams(form) });
  const get = (path: string, headers: Record<string, string> = auth) => sim.fetch(`${base}${path}`, { headers });
  return { sim, post, get };
}

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error: { message: string; type: string; code: number; error_subcode?: number; fbtrace_id: string };
  };
  expect(typeof body.error.fbtrace_id).toBe('string');
  const { fbtrace_id: _trace, ...rest } = body.error;
  return { status: response.status, ...rest };
}

describe('Threads simulator: off-spec requests get Graph error answers', () => {
  it('a request without a token: code 104', async () => {
    const { get } = setup();
    expect(await errorOf(await get(`/${USER}/threads`, {}))).toEqual({
      status: 400,
      message: 'An access token is required to request this resource.',
      type: 'OAuthException',
      code: 104,
    });
  });

  it('a token Meta never issued: code 190', async () => {
    const { get } = setup();
    expect(await errorOf(await get(`/${USER}/threads`, { authorization: 'Bearer THAAnot-a-token' }))).toEqual({
      status: 400,
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
    });
  });

  it('a container without media_type (required, …/posts "Parameters"): code 100 naming it', async () => {
    const { post, sim } = setup();
    expect(await errorOf(await post(`/${USER}/threads`, { text: 'hi' }))).toEqual({
      status: 400,
      message: '(#100) The parameter media_type is required',
      type: 'OAuthException',
      code: 100,
    });
    expect(sim.containers()).toEqual([]);
  });

  it('media_type outside TEXT, IMAGE, VIDEO, CAROUSEL: code 100 listing the values', async () => {
    const { post } = setup();
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'REELS', text: 'hi' }))).toEqual({
      status: 400,
      message: '(#100) media_type must be one of the following values: TEXT, IMAGE, VIDEO, CAROUSEL',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('a parameter Threads does not document: code 100 "is not a valid parameter"', async () => {
    const { post } = setup();
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'TEXT', text: 'hi', caption: 'hi' }))).toEqual({
      status: 400,
      message: '(#100) Param caption is not a valid parameter',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('IMAGE without image_url: code 100', async () => {
    const { post } = setup();
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'IMAGE', text: 'hi' }))).toEqual({
      status: 400,
      message: '(#100) The parameter image_url is required',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('text of 501 characters, or 126 thumbs-up emoji (4 UTF-8 bytes each = 504): refused; 125 (= 500) accepted', async () => {
    const { post } = setup();
    const refused = { status: 400, message: '(#100) Param text must be at most 500 characters long.', type: 'OAuthException', code: 100 };
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'TEXT', text: 'a'.repeat(501) }))).toMatchObject(refused);
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'TEXT', text: '👍'.repeat(126) }))).toMatchObject(refused);
    expect((await post(`/${USER}/threads`, { media_type: 'TEXT', text: '👍'.repeat(125) })).status).toBe(200);
    expect((await post(`/${USER}/threads`, { media_type: 'TEXT', text: 'a'.repeat(500) })).status).toBe(200);
  });

  it('six different links: THREADS_API__LINK_LIMIT_EXCEEDED (…/text-attachments); the same link six times is one link', async () => {
    const { post } = setup();
    const six = [1, 2, 3, 4, 5, 6].map((n) => `https://example.com/${n}`).join(' ');
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'TEXT', text: six }))).toMatchObject({
      status: 400,
      code: 100,
      message: 'THREADS_API__LINK_LIMIT_EXCEEDED',
    });
    const same = Array.from({ length: 6 }, () => 'https://example.com/1').join(' ');
    expect((await post(`/${USER}/threads`, { media_type: 'TEXT', text: same })).status).toBe(200);
  });

  it('a carousel of one item, or of 21: code 100 (2 to 20 items, …/posts "Carousel posts")', async () => {
    const { post } = setup();
    const item = async () =>
      (
        (await (
          await post(`/${USER}/threads`, { media_type: 'IMAGE', image_url: 'https://cdn.example.com/a.jpg', is_carousel_item: 'true' })
        ).json()) as { id: string }
      ).id;
    const one = await item();
    expect(await errorOf(await post(`/${USER}/threads`, { media_type: 'CAROUSEL', children: one }))).toEqual({
      status: 400,
      message: '(#100) Param children must have between 2 and 20 items',
      type: 'OAuthException',
      code: 100,
    });
    const many: string[] = [];
    for (let i = 0; i < 21; i++) many.push(await item());
    expect((await errorOf(await post(`/${USER}/threads`, { media_type: 'CAROUSEL', children: many.join(',') }))).code).toBe(100);
    expect((await post(`/${USER}/threads`, { media_type: 'CAROUSEL', children: many.slice(0, 20).join(',') })).status).toBe(200);
  });

  it('threads_publish without creation_id: code 100; before the container is FINISHED: code 24 subcode 4279009 (Media Not Found, as Threads answers)', async () => {
    const { post } = setup();
    expect(await errorOf(await post(`/${USER}/threads_publish`, {}))).toEqual({
      status: 400,
      message: '(#100) The parameter creation_id is required',
      type: 'OAuthException',
      code: 100,
    });
    const { id } = (await (await post(`/${USER}/threads`, { media_type: 'TEXT', text: 'too soon' })).json()) as { id: string };
    expect(await errorOf(await post(`/${USER}/threads_publish`, { creation_id: id }))).toMatchObject({
      status: 400,
      code: 24,
      error_subcode: 4279009,
    });
  });

  it('a field a container does not have: "(#100) Tried accessing nonexisting field"', async () => {
    const { post, get } = setup();
    const { id } = (await (await post(`/${USER}/threads`, { media_type: 'TEXT', text: 'x' })).json()) as { id: string };
    expect(await errorOf(await get(`/${id}?fields=status,like_count`))).toEqual({
      status: 400,
      message: '(#100) Tried accessing nonexisting field (like_count) on node type (ThreadsContainer)',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('an unknown object: code 100 subcode 33, GraphMethodException', async () => {
    const { get } = setup();
    expect(await errorOf(await get('/123456789'))).toEqual({
      status: 400,
      message:
        "Unsupported get request. Object with ID '123456789' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
  });

  it('user insights with a metric Threads does not serve (impressions): code 100 listing the metrics (…/insights)', async () => {
    const { get } = setup();
    expect((await errorOf(await get(`/${USER}/threads_insights?metric=impressions`))).message).toBe(
      '(#100) metric[0] must be one of the following values: views, likes, replies, reposts, quotes, clicks, followers_count, follower_demographics',
    );
  });

  it('user insights since before 13 April 2024 (Unix 1712991600): code 100 (…/insights "Limitations")', async () => {
    const { get } = setup();
    expect((await errorOf(await get(`/${USER}/threads_insights?metric=likes&since=1712991599&until=1712999999`))).code).toBe(100);
  });
});
