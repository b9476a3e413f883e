import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('finding a post again after a lost answer', () => {
  it('finds the feed post whose answer was lost, so the retry makes no second post', async () => {
    const env = testEnv();
    env.sim.faults.inject({ kind: 'drop-after-send', count: 1, match: 'POST /v26.0/104776002231/feed' });
    const first = await settle(
      env.client.publish(env.account, { text: 'Lost answer', link: 'https://example.com/x' }, { idempotencyKey: 'k-1' }),
    );
    expect(first.ok).toBe(false);
    const second = await env.client.publish(env.account, { text: 'Lost answer', link: 'https://example.com/x' }, { idempotencyKey: 'k-1' });
    const held = env.sim.posts().filter((post) => post.text === 'Lost answer');
    expect(held).toHaveLength(1);
    expect(second.published.parts[0]!.id).toBe(held[0]!.id);
    expect(second.warnings.map((warning) => warning.code)).toContain('already_published');
  });

  it('finds a natively scheduled post among the scheduled posts, marked scheduled', async () => {
    const env = testEnv({ now: '2026-01-05T09:00:00Z' });
    const { published } = await env.client.publish(env.account, { text: 'Scheduled one' }, { scheduledAt: '2026-01-06T09:00:00Z' });
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'k-2', draft: { text: 'Scheduled one' } });
    expect(found?.parts[0]).toMatchObject({ id: published.parts[0]!.id, extra: { scheduled: 'true' } });
    expect(found?.publishedAt).toBe('2026-01-06T09:00:00.000Z');
  });

  it('finds the Page’s reply among its comments under the target', async () => {
    const env = testEnv();
    const root = await env.client.publish(env.account, { text: 'Root for reply' });
    const reply = await env.client.reply(env.account, root.published.parts[0]!, { text: 'A reply' });
    const found = await env.client.findPublished(env.account, {
      idempotencyKey: 'k-3',
      draft: { text: 'A reply', replyTo: root.published.parts[0]! },
    });
    expect(found?.parts[0]!.id).toBe(reply.published.parts[0]!.id);
  });

  it('answers null for a draft never published, and without a draft', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'Something else' });
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'k-4', draft: { text: 'Never sent' } })).toBeNull();
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'k-4' })).toBeNull();
  });
});

describe('finding a video post again', () => {
  const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: btoa('0123456789') }, mimeType: 'video/mp4' };

  it('returns the video post once processed, and refuses to tell (retryable) while the earlier upload is processing', async () => {
    const env = testEnv({ simulator: { videoProcessing: { durationMs: 60_000 } } });
    // The answer to `finish` is lost: the video is uploaded and processing, the publish failed.
    env.sim.faults.inject({
      kind: 'drop-after-send',
      count: 1,
      match: (request) =>
        request.method === 'POST' && request.path.endsWith('/videos') && env.sim.videos().some((entry) => entry.bytes === 10),
    });
    const first = await settle(env.client.publish(env.account, { text: 'Tour video', media: [video] }, { idempotencyKey: 'v-1' }));
    expect(first.ok).toBe(false);
    const draft = { text: 'Tour video', media: [video] };
    const early = await settle(env.client.findPublished(env.account, { idempotencyKey: 'v-1', draft }));
    expect(early.ok).toBe(false);
    await env.clock.advance(60_000);
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'v-1', draft });
    expect(found?.parts[0]!.id).toBe(env.sim.videos()[0]!.postId);
    expect(env.sim.videos()).toHaveLength(1);
  });
});
