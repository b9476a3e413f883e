import { createFakeClock } from '@smm/core/clock';
import { describe, expect, it } from 'vitest';
import { createThreadsSimulator, threadsLinkCount, threadsTextLength } from './index.js';

const USER = '27143896403261755';
const base = 'https://graph.threads.net/v1.0';

function setup(options: Parameters<typeof createThreadsSimulator>[0] = {}) {
  const clock = createFakeClock();
  const sim = createThreadsSimulator({ clock, ...options });
  const auth = { authorization: `Bearer ${sim.credentials.accessToken}` };
  const call = async (method: string, path: string, form?: Record<string, string>) => {
    const response = await sim.fetch(`${path.startsWith('http') ? '' : base}${path}`, {
      method,
      headers: auth,
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const container = async (form: Record<string, string>) => (await call('POST', `/${USER}/threads`, form)).body.id as string;
  const status = async (id: string) => (await call('GET', `/${id}?fields=status,error_message`)).body;
  const publish = (id: string) => call('POST', `/${USER}/threads_publish`, { creation_id: id });
  return { sim, clock, call, container, status, publish };
}

describe('Threads simulator: text rules', () => {
  it('counts characters, with emoji as their UTF-8 bytes (…/posts "Limitations")', () => {
    expect(threadsTextLength('hello')).toBe(5);
    expect(threadsTextLength('👍')).toBe(4);
    expect(threadsTextLength('👍🏽')).toBe(8);
    expect(threadsTextLength('é')).toBe(1);
    expect(threadsTextLength('🇫🇷')).toBe(8);
  });

  it('counts unique links, plus a different link attachment (…/text-attachments)', () => {
    expect(threadsLinkCount('a https://a.example b https://a.example')).toBe(1);
    expect(threadsLinkCount('www.facebook.com', 'www.facebook.com')).toBe(1);
    expect(threadsLinkCount('www.instagram.com www.threads.com', 'www.facebook.com')).toBe(3);
  });
});

describe('Threads simulator: containers', () => {
  it('a text container is IN_PROGRESS, then FINISHED after a second; publishing it makes one post, and again the same id', async () => {
    const { sim, clock, container, status, publish } = setup();
    const id = await container({ media_type: 'TEXT', text: 'hello' });
    expect(await status(id)).toEqual({ id, status: 'IN_PROGRESS' });
    await clock.advance(1_000);
    expect(await status(id)).toEqual({ id, status: 'FINISHED' });
    const first = await publish(id);
    expect(first.status).toBe(200);
    expect(await status(id)).toEqual({ id, status: 'PUBLISHED' });
    const again = await publish(id);
    expect(again.body.id).toBe(first.body.id);
    expect(sim.posts().map((post) => post.text)).toEqual(['hello']);
  });

  it('a carousel is ready when its items are (a video takes 20 s) and becomes one post with every item', async () => {
    const { sim, clock, container, status, publish } = setup();
    const image = await container({ media_type: 'IMAGE', image_url: 'https://cdn.example.com/a.jpg', is_carousel_item: 'true' });
    const video = await container({ media_type: 'VIDEO', video_url: 'https://cdn.example.com/b.mp4', is_carousel_item: 'true' });
    const carousel = await container({ media_type: 'CAROUSEL', children: `${image},${video}`, text: 'two' });
    await clock.advance(3_000);
    expect((await status(carousel)).status).toBe('IN_PROGRESS');
    await clock.advance(17_000);
    expect((await status(carousel)).status).toBe('FINISHED');
    expect((await publish(carousel)).status).toBe(200);
    expect(sim.posts()).toHaveLength(1);
    expect(sim.posts()[0]!.mediaIds).toHaveLength(2);
  });

  it('media Threads cannot download: the container ends in ERROR with FAILED_DOWNLOADING_VIDEO (…/troubleshooting)', async () => {
    const { clock, container, status } = setup();
    const id = await container({ media_type: 'VIDEO', video_url: 'https://cdn.example.invalid/b.mp4' });
    await clock.advance(20_000);
    expect(await status(id)).toEqual({ id, status: 'ERROR', error_message: 'FAILED_DOWNLOADING_VIDEO' });
  });

  it('hosts media on its public media host, serves it (also under its own address), and makes a container of it', async () => {
    const { sim, clock, container, status } = setup();
    const { url } = await sim.mediaHost.urlFor({ kind: 'image', source: { type: 'bytes', base64: 'iVBORw0KGgo=' }, mimeType: 'image/png' });
    expect(url).toBe('https://media.threads-sim.example/_media/1.png');
    for (const address of [url, 'https://graph.threads.net/_media/1.png']) {
      const served = await sim.fetch(address);
      expect([served.status, served.headers.get('content-type'), served.headers.get('content-length')]).toEqual([200, 'image/png', '8']);
    }
    expect((await sim.fetch('https://media.threads-sim.example/_media/2.png')).status).toBe(404);
    const id = await container({ media_type: 'IMAGE', image_url: url });
    await clock.advance(3_000);
    expect(await status(id)).toEqual({ id, status: 'FINISHED' });
  });

  it('a container not published within 24 h is EXPIRED and cannot be published', async () => {
    const { sim, clock, container, status, publish } = setup();
    const id = await container({ media_type: 'TEXT', text: 'late' });
    await clock.advance(24 * 3_600_000);
    expect((await status(id)).status).toBe('EXPIRED');
    expect((await publish(id)).status).toBe(400);
    expect(sim.posts()).toEqual([]);
  });
});

describe('Threads simulator: quotas (…/overview "Posts", …/retrieve-and-manage-replies "Rate limits")', () => {
  it('reports quota_usage and reply_quota_usage with their configs, and refuses the 251st post at threads_publish', async () => {
    const { sim, clock, call, container, publish } = setup();
    sim.publishingLimit.fill(USER, 249);
    const limit = await call('GET', `/${USER}/threads_publishing_limit?fields=quota_usage,config,reply_quota_usage,reply_config`);
    expect(limit.body).toEqual({
      data: [
        {
          quota_usage: 249,
          config: { quota_total: 250, quota_duration: 86400 },
          reply_quota_usage: 0,
          reply_config: { quota_total: 1000, quota_duration: 86400 },
        },
      ],
    });
    const last = await container({ media_type: 'TEXT', text: 'the 250th' });
    const over = await container({ media_type: 'TEXT', text: 'the 251st' });
    await clock.advance(1_000);
    expect((await publish(last)).status).toBe(200);
    const refused = await publish(over);
    expect(refused.status).toBe(400);
    expect((refused.body.error as { code: number }).code).toBe(9);
    expect(sim.posts().map((post) => post.text)).toEqual(['the 250th']);
  });

  it('counts a reply against the reply quota, not the posts', async () => {
    const { sim, clock, call, container, publish } = setup();
    const root = await container({ media_type: 'TEXT', text: 'root' });
    await clock.advance(1_000);
    const rootId = (await publish(root)).body.id as string;
    const reply = await container({ media_type: 'TEXT', text: 'reply', reply_to_id: rootId });
    await clock.advance(1_000);
    await publish(reply);
    const limit = await call('GET', `/${USER}/threads_publishing_limit?fields=quota_usage,reply_quota_usage`);
    expect(limit.body).toEqual({ data: [{ quota_usage: 1, reply_quota_usage: 1 }] });
    expect(sim.posts()[1]!.replyToId).toBe(rootId);
  });
});

describe('Threads simulator: reading back', () => {
  it('lists the user’s threads without replies, and the replies at /replies with replied_to', async () => {
    const { clock, call, container, publish } = setup();
    const root = await container({ media_type: 'TEXT', text: 'root' });
    await clock.advance(1_000);
    const rootId = (await publish(root)).body.id as string;
    const reply = await container({ media_type: 'TEXT', text: 'reply', reply_to_id: rootId });
    await clock.advance(1_000);
    const replyId = (await publish(reply)).body.id as string;
    expect((await call('GET', `/${USER}/threads?fields=id,text`)).body.data).toEqual([{ id: rootId, text: 'root' }]);
    expect((await call('GET', `/${USER}/replies?fields=id,text,replied_to`)).body.data).toEqual([
      { id: replyId, text: 'reply', replied_to: { id: rootId } },
    ]);
  });

  it('pages mentions with Graph cursors, and hides a reply to the account’s post with manage_reply', async () => {
    const { sim, clock, call, container, publish } = setup({ mentionBacklog: 3 });
    const first = await call('GET', `/${USER}/mentions?fields=id,text&limit=2`);
    const page = first.body as { data: unknown[]; paging: { cursors: { after: string }; next?: string } };
    expect(page.data).toHaveLength(2);
    expect(page.paging.next).toBeDefined();
    const second = await call('GET', `/${USER}/mentions?fields=id&limit=2&after=${page.paging.cursors.after}`);
    expect((second.body.data as unknown[]).length).toBe(1);
    const root = await container({ media_type: 'TEXT', text: 'root' });
    await clock.advance(1_000);
    const rootId = (await publish(root)).body.id as string;
    sim.addMention({ text: 'nice', kind: 'reply', postId: rootId });
    const replies = (await call('GET', `/${rootId}/replies?fields=id,hide_status`)).body.data as Array<{ id: string; hide_status: string }>;
    expect(replies.map((reply) => reply.hide_status)).toEqual(['NOT_HUSHED']);
    expect((await call('POST', `/${replies[0]!.id}/manage_reply`, { hide: 'true' })).body).toEqual({ success: true });
    expect((await call('GET', `/${replies[0]!.id}?fields=hide_status`)).body.hide_status).toBe('HIDDEN');
    // …/replies-and-conversations: `/conversation` lists every reply, newest first unless `reverse=false`.
    await clock.advance(1_000);
    sim.addMention({ text: 'later', kind: 'reply', postId: rootId });
    const texts = async (query: string) =>
      ((await call('GET', `/${rootId}/conversation?fields=text${query}`)).body.data as Array<{ text: string }>).map((reply) => reply.text);
    expect(await texts('')).toEqual(['later', 'nice']);
    expect(await texts('&reverse=true')).toEqual(['later', 'nice']);
    expect(await texts('&reverse=false')).toEqual(['nice', 'later']);
  });

  it('deletes the account’s post (…/delete-posts): success and deleted_id, then the post is gone', async () => {
    const { sim, clock, call, container, publish } = setup();
    const id = await container({ media_type: 'TEXT', text: 'bye' });
    await clock.advance(1_000);
    const postId = (await publish(id)).body.id as string;
    expect((await call('DELETE', `/${postId}`)).body).toEqual({ success: true, deleted_id: postId });
    expect(sim.posts()[0]!.deleted).toBe(true);
    expect((await call('GET', `/${postId}`)).status).toBe(400);
  });

  it('answers media insights with the counters it reports, and user insights with a daily views series', async () => {
    const { sim, clock, call, container, publish } = setup();
    const id = await container({ media_type: 'TEXT', text: 'counted' });
    await clock.advance(1_000);
    const postId = (await publish(id)).body.id as string;
    await clock.advance(3 * 3_600_000);
    const insights = (await call('GET', `/${postId}/insights?metric=views,likes,replies,reposts,quotes,shares`)).body.data as Array<{
      name: string;
      values: Array<{ value: number }>;
    }>;
    expect(Object.fromEntries(insights.map((item) => [item.name, item.values[0]!.value]))).toEqual(sim.reportedPostMetrics(postId));
    const now = Math.floor(clock.now() / 1000);
    const user = (await call('GET', `/${USER}/threads_insights?metric=views,followers_count&since=${now - 7 * 86_400}&until=${now}`)).body
      .data as Array<{ name: string; values?: Array<{ value: number }>; total_value?: { value: number } }>;
    expect(user[0]!.values).toHaveLength(7);
    expect(user[0]!.values!.reduce((sum, day) => sum + day.value, 0)).toBe(sim.reportedAccountMetrics().views);
    expect(user[1]!.total_value!.value).toBe(sim.reportedAccountMetrics().followers_count);
  });
});

describe('Threads simulator: tokens (…/long-lived-tokens)', () => {
  it('refreshes a long-lived token only once it is 24 h old, and the old one then still works until it expires', async () => {
    const { sim, clock } = setup();
    const refresh = () =>
      sim.fetch(`https://graph.threads.net/refresh_access_token?grant_type=th_refresh_token&access_token=${sim.credentials.accessToken}`);
    expect((await refresh()).status).toBe(400);
    await clock.advance(24 * 3_600_000);
    const refreshed = (await (await refresh()).json()) as { access_token: string; token_type: string; expires_in: number };
    expect(refreshed.token_type).toBe('bearer');
    expect(refreshed.expires_in).toBe(60 * 86_400);
    const me = await sim.fetch(`${base}/me?fields=id,username`, { headers: { authorization: `Bearer ${refreshed.access_token}` } });
    expect(await me.json()).toEqual({ id: USER, username: 'smm_threads' });
  });
});

describe('Threads simulator: call usage (…/overview "Rate limiting")', () => {
  it('stamps X-App-Usage on every answer, and at 100 % answers code 4 until access is regained', async () => {
    const { sim, call } = setup();
    const headersOf = async () =>
      sim.fetch(`${base}/me?fields=id`, { headers: { authorization: `Bearer ${sim.credentials.accessToken}` } });
    const fresh = await headersOf();
    expect(JSON.parse(fresh.headers.get('x-app-usage')!)).toMatchObject({ call_count: expect.any(Number) });
    sim.usage.fill(100);
    const throttled = await call('GET', '/me?fields=id');
    expect(throttled.status).toBe(400);
    expect(throttled.body.error).toMatchObject({ code: 4, is_transient: true });
  });
});
