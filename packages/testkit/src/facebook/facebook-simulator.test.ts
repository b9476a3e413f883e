import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { graphAnswerProblems } from '../meta-graph/index.js';
import { createFacebookSimulator } from './facebook-simulator.js';

const START = Date.parse('2026-03-02T12:00:00Z');
const V = 'v26.0';

function setup(options: Parameters<typeof createFacebookSimulator>[0] = {}) {
  const clock = createFakeClock({ now: START });
  const sim = createFacebookSimulator({ clock, seed: 3, ...options });
  const call = async (method: string, path: string, body?: Record<string, unknown>, token = sim.credentials.accessToken) => {
    const response = await sim.fetch(`${sim.baseUrl}/${V}/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  };
  return { clock, sim, call, page: sim.account.id };
}

describe('Facebook simulator', () => {
  it('publishes a natively scheduled post when its time comes, listing it as scheduled until then', async () => {
    const { clock, sim, call, page } = setup();
    const at = Math.floor(START / 1000) + 3600;
    const created = await call('POST', `${page}/feed`, { message: 'later', published: false, scheduled_publish_time: at });
    expect(sim.scheduled()).toEqual([{ id: created.body.id, scheduledAtMs: at * 1000, text: 'later' }]);
    const listed = await call('GET', `${page}/scheduled_posts?fields=id,message,scheduled_publish_time,is_published`);
    expect(listed.body.data[0]).toEqual({ id: created.body.id, message: 'later', scheduled_publish_time: at, is_published: false });
    await clock.advance(3600_000);
    expect(sim.scheduled()).toEqual([]);
    const published = await call('GET', `${page}/published_posts?fields=id`);
    expect(published.body.data[0]).toEqual({ id: created.body.id });
  });

  it('processes an uploaded video into a post, or fails it when told to', async () => {
    const { clock, sim, call, page } = setup({ videoProcessing: { durationMs: 4_000 } });
    const created = await call('POST', `${page}/videos`, { file_url: 'https://example.com/v.mp4', description: 'tour' });
    const videoId = created.body.id as string;
    const status = async () => (await call('GET', `${videoId}?fields=status,post_id`)).body;
    expect((await status()).status.video_status).toBe('processing');
    await clock.advance(4_000);
    const ready = await status();
    expect(ready.status.video_status).toBe('ready');
    expect(ready.post_id).toBe(`${page}_${videoId}`);
    expect(sim.posts().find((post) => post.id === ready.post_id)?.text).toBe('tour');
    sim.failVideoProcessing();
    const second = await call('POST', `${page}/videos`, { file_url: 'https://example.com/w.mp4', description: 'broken' });
    await clock.advance(4_000);
    const failed = (await call('GET', `${second.body.id}?fields=status,post_id`)).body;
    expect(failed.status.video_status).toBe('error');
    expect(failed.post_id).toBeUndefined();
  });

  it('lists the Pages of the user token with their Page tokens, and refuses /me/accounts with a Page token', async () => {
    const { sim, call, page } = setup({ otherPages: 2 });
    const listed = await call('GET', 'me/accounts', undefined, sim.credentials.userAccessToken);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((entry: { id: string }) => entry.id)).toEqual([page, '200000000000', '200000000001']);
    expect(listed.body.data[0].access_token).toBe(sim.credentials.accessToken);
    expect((await call('GET', 'me/accounts')).status).toBe(400);
  });

  it('counts comments of other people on live Page posts as mentions, and takes the Page’s reply as its post', async () => {
    const { sim, call, page } = setup({ seedPosts: 2, commentsPerPost: 3 });
    // 2 posts × (3 comments + 1 reply).
    expect(sim.mentionCount()).toBe(8);
    const postId = sim.posts()[0]!.id;
    const comments = await call('GET', `${postId}/comments?filter=stream&fields=id,from,parent`);
    expect(comments.body.data).toHaveLength(4);
    const reply = await call('POST', `${postId}/comments`, { message: 'thanks!' });
    expect(sim.posts().find((post) => post.id === reply.body.id)).toMatchObject({ text: 'thanks!', replyToId: postId });
    expect(sim.mentionCount()).toBe(8);
    sim.addMention({ text: 'new one', postId });
    expect(sim.mentionCount()).toBe(9);
    expect(page).toBe(sim.account.id);
  });

  it('stamps the Page’s business-use-case usage on answers and throttles at the budget', async () => {
    const { call, page } = setup({ bucCallsPerHour: 3 });
    const first = await call('GET', `${page}?fields=followers_count`);
    expect(JSON.parse(first.headers.get('x-business-use-case-usage') ?? '{}')[page][0]).toMatchObject({ type: 'pages', call_count: 33 });
    await call('GET', `${page}?fields=followers_count`);
    await call('GET', `${page}?fields=followers_count`);
    const throttled = await call('GET', `${page}?fields=followers_count`);
    expect(throttled.body.error).toMatchObject({ code: 80001 });
  });

  it('answers node and edge reads in the shapes of Meta’s codegen specs', async () => {
    const { clock, call, page, sim } = setup();
    const post = await call('POST', `${page}/feed`, { message: 'spec shapes', link: 'https://example.com/a' });
    const read = await call(
      'GET',
      `${post.body.id}?fields=id,message,created_time,permalink_url,is_published,status_type,from,comments.summary(true).limit(0)`,
    );
    expect(graphAnswerProblems('PagePost', read.body)).toEqual([]);
    const seeded = sim.posts()[0]!.id;
    const comments = await call(
      'GET',
      `${seeded}/comments?filter=stream&fields=id,message,created_time,from,parent,permalink_url,is_hidden,like_count`,
    );
    expect(graphAnswerProblems('PagePost', comments.body, { edge: 'comments' })).toEqual([]);
    const listed = await call('GET', `${page}/published_posts?fields=id,message,created_time,attachments,scheduled_publish_time`);
    expect(graphAnswerProblems('Page', listed.body, { edge: 'published_posts' })).toEqual([]);
    const node = await call('GET', `${page}?fields=id,name,username,link,followers_count,fan_count`);
    expect(graphAnswerProblems('Page', node.body)).toEqual([]);
    const video = await call('POST', `${page}/videos`, { file_url: 'https://example.com/v.mp4', description: 'spec video' });
    await clock.advance(10_000);
    const status = await call('GET', `${video.body.id}?fields=id,status,post_id,permalink_url,description`);
    expect(graphAnswerProblems('AdVideo', status.body)).toEqual([]);
  });
});
