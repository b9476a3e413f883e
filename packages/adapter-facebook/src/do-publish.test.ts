import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv, urlMedia } from './__tests__/test-env.js';

const PAGE = '104776002231';
const V = 'v26.0';
const url = (n: number) => urlMedia('image', `https://cdn.example.com/${n}.jpg`);
const png = {
  kind: 'image' as const,
  source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};
const posts = (env: ReturnType<typeof testEnv>) => env.sim.requests.filter((request) => request.method === 'POST');

describe('publishing to a Page', () => {
  it('posts text and a link as one feed post with a link card, and answers its id and URL', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Spring menu', link: 'https://example.com/menu' });
    const [request] = posts(env);
    expect(`${request!.method} ${request!.path}`).toBe(`POST /${V}/${PAGE}/feed`);
    expect(request!.body).toEqual({ message: 'Spring menu', link: 'https://example.com/menu' });
    const id = published.parts[0]!.id;
    expect(id).toMatch(new RegExp(`^${PAGE}_\\d+$`));
    expect(published.parts[0]!.url).toBe(`https://www.facebook.com/${PAGE}/posts/${id.split('_')[1]}`);
    expect(env.sim.posts().filter((post) => post.text === 'Spring menu')).toHaveLength(1);
  });

  it('sends the Page token as a bearer token, never in the URL', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'token check' });
    const [request] = posts(env);
    expect(request!.headers.authorization).toBe(`Bearer ${env.sim.credentials.accessToken}`);
    expect(request!.query.access_token).toBeUndefined();
  });

  it('posts one photo by URL to /photos with its caption and alt text, and answers the photo post', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Our salad', media: [{ ...url(1), altText: 'A green salad' }] });
    const [request] = posts(env);
    expect(`${request!.method} ${request!.path}`).toBe(`POST /${V}/${PAGE}/photos`);
    expect(request!.body).toEqual({ message: 'Our salad', alt_text_custom: 'A green salad', url: 'https://cdn.example.com/1.jpg' });
    expect(
      env.sim
        .posts()
        .filter((post) => post.text === 'Our salad')
        .map((post) => post.id),
    ).toEqual([published.parts[0]!.id]);
  });

  it('uploads photo bytes as the multipart source file', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'pixel', media: [png] });
    const [request] = posts(env);
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request!.body).toMatchObject({ message: 'pixel', alt_text_custom: 'A pixel', source: { type: 'image/png', size: 70 } });
  });

  it('uploads several photos unpublished, then attaches them to one feed post, the link going into the text', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, {
      text: 'Album',
      link: 'https://example.com/a',
      media: [url(1), url(2), url(3)],
    });
    const sent = posts(env);
    expect(sent.map((request) => request.path)).toEqual([
      `/${V}/${PAGE}/photos`,
      `/${V}/${PAGE}/photos`,
      `/${V}/${PAGE}/photos`,
      `/${V}/${PAGE}/feed`,
    ]);
    for (const request of sent.slice(0, 3)) expect(request.body).toMatchObject({ published: false });
    const photoIds = env.sim.photos().map((photo) => photo.id);
    expect(sent[3]!.body).toEqual({
      message: 'Album\n\nhttps://example.com/a',
      attached_media: photoIds.map((id) => ({ media_fbid: id })),
    });
    expect(env.sim.photos().every((photo) => photo.attachedTo === published.parts[0]!.id)).toBe(true);
  });

  it('schedules natively: published=false with scheduled_publish_time in Unix seconds, answered with extra.scheduled', async () => {
    const env = testEnv({ now: '2026-01-05T09:00:00Z' });
    const scheduledAt = '2026-01-06T10:30:00.000Z';
    const { published } = await env.client.publish(env.account, { text: 'Tomorrow' }, { scheduledAt });
    // 2026-01-06T10:30:00Z = 1767695400 s (by hand: 20 459 days × 86 400 + 10.5 h).
    expect(posts(env)[0]!.body).toEqual({ message: 'Tomorrow', published: false, scheduled_publish_time: 1767695400 });
    expect(published.parts[0]!.extra).toEqual({ scheduled: 'true' });
    expect(published.publishedAt).toBe(scheduledAt);
    expect(env.sim.scheduled()).toEqual([{ id: published.parts[0]!.id, scheduledAtMs: Date.parse(scheduledAt), text: 'Tomorrow' }]);
  });

  it('schedules photos as temporary unpublished uploads attached to the scheduled post', async () => {
    const env = testEnv({ now: '2026-01-05T09:00:00Z' });
    await env.client.publish(env.account, { text: 'Later album', media: [url(1)] }, { scheduledAt: '2026-01-05T12:00:00Z' });
    const sent = posts(env);
    expect(sent[0]!.body).toMatchObject({ published: false, temporary: true });
    expect(sent[1]!.body).toMatchObject({ published: false, scheduled_publish_time: Date.parse('2026-01-05T12:00:00Z') / 1000 });
  });

  it.each([
    ['5 minutes ahead', '2026-01-05T09:05:00Z'],
    ['in the past', '2026-01-05T08:00:00Z'],
    ['31 days ahead', '2026-02-05T09:00:01Z'],
  ])('refuses a scheduled time %s before any request, naming scheduledAt', async (_label, scheduledAt) => {
    const env = testEnv({ now: '2026-01-05T09:00:00Z' });
    const outcome = await settle(env.client.publish(env.account, { text: 'when?' }, { scheduledAt }));
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? undefined : outcome.error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]!.path).toEqual(['scheduledAt']);
    expect((error as ValidationError).message).toMatch(/between 10 minutes and 30 days/);
    expect(posts(env)).toHaveLength(0);
  });

  it('takes the times just inside the window, and the window the settings give', async () => {
    const env = testEnv({ now: '2026-01-05T09:00:00Z' });
    await env.client.publish(env.account, { text: 'edge early' }, { scheduledAt: '2026-01-05T09:10:00Z' });
    await env.client.publish(env.account, { text: 'edge late' }, { scheduledAt: '2026-02-04T09:00:00Z' });
    expect(
      env.sim
        .scheduled()
        .map((post) => post.text)
        .sort(),
    ).toEqual(['edge early', 'edge late']);
    const narrow = testEnv({
      now: '2026-01-05T09:00:00Z',
      settings: { schedulingWindow: { minLeadMs: 3_600_000, maxLeadMs: 86_400_000 } },
    });
    const refused = await settle(narrow.client.publish(narrow.account, { text: 'too soon' }, { scheduledAt: '2026-01-05T09:30:00Z' }));
    expect(refused.ok).toBe(false);
  });

  it('replies as the Page: a comment on the post, its link appended to the message', async () => {
    const env = testEnv();
    const root = await env.client.publish(env.account, { text: 'Root' });
    const reply = await env.client.reply(env.account, root.published.parts[0]!, { text: 'Thanks all', link: 'https://example.com/faq' });
    const request = posts(env).at(-1)!;
    expect(`${request.method} ${request.path}`).toBe(`POST /${V}/${root.published.parts[0]!.id}/comments`);
    expect(request.body).toEqual({ message: 'Thanks all\n\nhttps://example.com/faq' });
    expect(env.sim.comments().find((comment) => comment.id === reply.published.parts[0]!.id)).toMatchObject({ from: { id: PAGE } });
  });
});
