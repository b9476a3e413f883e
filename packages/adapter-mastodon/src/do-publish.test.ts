import { PublishOutcomeUnknownError, UnsupportedFeatureError, ValidationError, ApiCallError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, testEnv, settle } from './__tests__/test-env.js';

const STATUSES = 'POST /api/v1/statuses';

describe('publishing statuses', () => {
  it('sends POST /api/v1/statuses as JSON with the Idempotency-Key, bearer token and mapped fields', async () => {
    const { sim, client, account, requests } = testEnv();
    const { published } = await client.publish(
      account,
      { text: 'Hello fediverse', visibility: 'followers', language: 'fa-IR' },
      { idempotencyKey: 'launch-1' },
    );

    expect(requests()).toEqual([STATUSES]);
    const [request] = sim.requests;
    expect(request!.headers['idempotency-key']).toBe('launch-1');
    expect(request!.headers['content-type']).toContain('application/json');
    expect(request!.headers.authorization).toBe('Bearer mastodon-token-0');
    // followers → private; fa-IR → the ISO 639 code fa.
    expect(request!.body).toEqual({ status: 'Hello fediverse', visibility: 'private', language: 'fa' });

    const [post] = sim.posts();
    expect(published.parts).toEqual([
      { platform: 'mastodon', accountId: sim.account.id, id: post!.id, url: `${sim.baseUrl}/@${sim.account.handle}/${post!.id}` },
    ]);
    expect(published.idempotencyKey).toBe('launch-1');
  });

  it('appends draft.link to the text unless the text already holds it', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'Read this', link: 'https://example.com/a' });
    await client.publish(account, { text: 'Already here: https://example.com/b', link: 'https://example.com/b' });
    expect(sim.requests.map((request) => (request.body as { status: string }).status)).toEqual([
      'Read this\n\nhttps://example.com/a',
      'Already here: https://example.com/b',
    ]);
  });

  it('publishes a thread as a reply chain, one key per part, follow-ups with threadVisibility', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(
      account,
      { text: 'one', thread: [{ text: 'two' }, { text: 'three' }], networkOptions: { mastodon: { threadVisibility: 'unlisted' } } },
      { idempotencyKey: 'thread-7' },
    );
    const ids = published.parts.map((part) => part.id);
    expect(sim.requests.map((request) => request.headers['idempotency-key'])).toEqual(['thread-7', 'thread-7:1', 'thread-7:2']);
    expect(sim.requests.map((request) => request.body)).toEqual([
      { status: 'one', visibility: 'public' },
      { status: 'two', visibility: 'unlisted', in_reply_to_id: ids[0] },
      { status: 'three', visibility: 'unlisted', in_reply_to_id: ids[1] },
    ]);
    expect(sim.posts().map((post) => [post.text, post.replyToId])).toEqual([
      ['one', undefined],
      ['two', ids[0]],
      ['three', ids[1]],
    ]);
  });

  it('resumes a half-published thread when published again with the same key, without duplicates', async () => {
    const { sim, client, account } = testEnv();
    // Every answer to part 2 is lost (it is created each time it arrives, deduplicated by its key).
    sim.faults.inject({
      kind: 'drop-after-send',
      count: 4,
      match: (request) => request.method === 'POST' && request.path === '/api/v1/statuses' && sim.posts().length >= 1,
    });
    const first = await settle(
      client.publish(account, { text: 'root', thread: [{ text: 'middle' }, { text: 'end' }] }, { idempotencyKey: 'resume' }),
    );
    expect(first.ok).toBe(false);
    expect(PublishOutcomeUnknownError.isInstance(first.ok ? undefined : first.error)).toBe(true);
    expect(sim.posts().map((post) => post.text)).toEqual(['root', 'middle']);

    sim.faults.clear();
    const { published } = await client.publish(
      account,
      { text: 'root', thread: [{ text: 'middle' }, { text: 'end' }] },
      { idempotencyKey: 'resume' },
    );
    const posts = sim.posts();
    expect(posts.map((post) => post.text)).toEqual(['root', 'middle', 'end']);
    expect(published.parts.map((part) => part.id)).toEqual(posts.map((post) => post.id));
    expect(posts[2]!.replyToId).toBe(posts[1]!.id);
  });

  it('retries a 503 on the create with the same key and creates one status', async () => {
    const { sim, client, account, requests } = testEnv();
    sim.faults.inject({ kind: '5xx', status: 503, count: 2, match: STATUSES });
    await client.publish(account, { text: 'through the storm' }, { idempotencyKey: 'storm' });
    expect(requests()).toEqual([STATUSES, STATUSES, STATUSES]);
    expect(new Set(sim.requests.map((request) => request.headers['idempotency-key']))).toEqual(new Set(['storm']));
    expect(sim.posts().map((post) => post.text)).toEqual(['through the storm']);
  });

  it('maps networkOptions: content warning, sensitive, a Mastodon visibility and language', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, {
      text: 'the finale',
      language: 'en-GB',
      networkOptions: { mastodon: { spoilerText: 'TV spoilers', sensitive: true, visibility: 'unlisted', language: 'de' } },
    });
    expect(sim.requests[0]!.body).toEqual({
      status: 'the finale',
      visibility: 'unlisted',
      language: 'de',
      spoiler_text: 'TV spoilers',
      sensitive: true,
    });
    expect(sim.posts()[0]!.visibility).toBe('unlisted');
  });

  it('refuses invalid networkOptions with the path of each problem, before any request', async () => {
    const { sim, client, account } = testEnv();
    const result = await settle(
      client.publish(account, { text: 'x', networkOptions: { mastodon: { visibility: 'followers', language: 'english' } as never } }),
    );
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.error;
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['networkOptions.mastodon.visibility', 'networkOptions.mastodon.language']));
    expect(sim.requests).toHaveLength(0);
  });

  it('sends a poll with expires_in in seconds and the poll options', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(
      account,
      { text: 'Tabs or spaces?', networkOptions: { mastodon: { pollMultiple: true, pollHideTotals: false } } },
      { poll: { options: ['tabs', 'spaces'], durationMs: 90 * 60_000 } },
    );
    expect(sim.requests[0]!.body).toEqual({
      status: 'Tabs or spaces?',
      visibility: 'public',
      poll: { options: ['tabs', 'spaces'], expires_in: 5400, multiple: true, hide_totals: false },
    });
  });

  it('refuses a text that fits only without the appended link, naming the measured length, before any request', async () => {
    const { sim, client, account } = testEnv();
    // 480 characters fit 500; the link is appended after a blank line: 480 + 2 + 23 (every URL counts 23) = 505.
    const result = await settle(
      client.publish(account, { text: 'a'.repeat(480), link: 'https://example.com/a/very/long/path/to/the/article' }),
    );
    expect(!result.ok && ValidationError.isInstance(result.error)).toBe(true);
    const issue = !result.ok && ValidationError.isInstance(result.error) ? result.error.issues[0]! : undefined;
    expect(issue?.path).toEqual(['link']);
    expect(issue?.message).toContain('505 of 500');
    expect(sim.requests).toHaveLength(0);
    // 475 + 2 + 23 = 500: fits exactly, and goes out with the link.
    await client.publish(account, { text: 'b'.repeat(475), link: 'https://example.com/a/very/long/path/to/the/article' });
    expect(sim.posts()[0]!.text).toBe(`${'b'.repeat(475)}\n\nhttps://example.com/a/very/long/path/to/the/article`);
  });

  it('does not repeat draft.link at the top of a thread that already ends with it (as atomize makes them)', async () => {
    const { sim, client, account } = testEnv();
    const first = 'b'.repeat(490); // full: the appended link (2 + 23) would not fit 500
    await client.publish(account, { text: first, thread: [{ text: 'All of it: https://example.com/a' }], link: 'https://example.com/a' });
    expect(sim.posts().map((post) => post.text)).toEqual([first, 'All of it: https://example.com/a']);
  });

  it('refuses a poll with media before uploading anything', async () => {
    const { sim, client, account } = testEnv();
    const media = { kind: 'image' as const, source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png' };
    const result = await settle(
      client.publish(account, { text: 'vote', media: [media] }, { poll: { options: ['a', 'b'], durationMs: 3_600_000 } }),
    );
    expect(!result.ok && ValidationError.isInstance(result.error) && result.error.issues[0]!.path).toEqual(['media']);
    expect(sim.requests).toHaveLength(0);
  });

  it('turns a 422 for the content into a ValidationError naming the draft field, with the API error as cause', async () => {
    // The adapter is told the instance allows 1000 characters; the instance itself allows 500.
    const { sim, client, account } = testEnv({ settings: { maxCharacters: 1000 } });
    const long = 'a'.repeat(600);
    const root = await settle(client.publish(account, { text: long }));
    const thread = await settle(client.publish(account, { text: 'fine', thread: [{ text: long }] }));
    for (const [result, path] of [
      [root, ['text']],
      [thread, ['thread', 0, 'text']],
    ] as const) {
      const error = result.ok ? undefined : result.error;
      expect(ValidationError.isInstance(error)).toBe(true);
      const issue = (error as ValidationError).issues[0]!;
      expect(issue.path).toEqual(path);
      expect(issue.message).toContain('Text character limit of 500 exceeded');
      expect(ApiCallError.isInstance((error as ValidationError).cause) && ((error as ValidationError).cause as ApiCallError).status).toBe(
        422,
      );
    }
    expect(sim.posts().map((post) => post.text)).toEqual(['fine']);
  });
});

describe('native scheduling', () => {
  it('sends scheduled_at and returns the ScheduledStatus id, marked scheduled, at the scheduled time', async () => {
    const { clock, sim, client, account } = testEnv();
    const at = new Date(clock.now() + 3_600_000).toISOString();
    const { published } = await client.publish(account, { text: 'later' }, { scheduledAt: at, idempotencyKey: 'sched-1' });

    expect(sim.requests[0]!.body).toEqual({ status: 'later', visibility: 'public', scheduled_at: at });
    const [scheduled] = sim.scheduled();
    expect(published.parts).toEqual([{ platform: 'mastodon', accountId: sim.account.id, id: scheduled!.id, extra: { scheduled: 'true' } }]);
    expect(published.publishedAt).toBe(at);
    expect(sim.posts()).toHaveLength(0);

    // Read back, found by its key, and Mastodon publishes it when the time comes.
    expect(await client.getPost(account, published.parts[0]!)).toMatchObject({ text: 'later', createdAt: at });
    expect((await client.findPublished(account, { idempotencyKey: 'sched-1' }))?.parts.map((part) => part.id)).toEqual([scheduled!.id]);
    expect(await client.findPublished(account, { idempotencyKey: 'another-key' })).toBeNull();
    await clock.advance(3_600_000);
    expect(sim.posts().map((post) => post.text)).toEqual(['later']);
  });

  it('cancels a scheduled status through /api/v1/scheduled_statuses/:id', async () => {
    const { clock, sim, client, account, requests } = testEnv();
    const { published } = await client.publish(
      account,
      { text: 'never mind' },
      { scheduledAt: new Date(clock.now() + 86_400_000).toISOString() },
    );
    const from = sim.requests.length;
    await client.delete(account, published.parts[0]!);
    expect(requests(from)).toEqual([`DELETE /api/v1/scheduled_statuses/${published.parts[0]!.id}`]);
    expect(sim.scheduled()).toHaveLength(0);
    expect(await client.getPost(account, published.parts[0]!)).toBeNull();
  });

  it('refuses to schedule a thread natively, before any request', async () => {
    const { clock, sim, client, account } = testEnv();
    const result = await settle(
      client.publish(account, { text: 'a', thread: [{ text: 'b' }] }, { scheduledAt: new Date(clock.now() + 3_600_000).toISOString() }),
    );
    expect(!result.ok && UnsupportedFeatureError.isInstance(result.error)).toBe(true);
    expect(sim.requests).toHaveLength(0);
  });
});
