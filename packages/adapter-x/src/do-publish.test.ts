import { VERSION } from './version.js';
import { ValidationError } from '@smm/core/adapter-kit';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@smm/core/client';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { createFakeClock } from '@smm/testkit/clock';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { createXSimulator } from '@smm/testkit/x';
import { createXAdapter } from './index.js';

const tweetPosts = (env: ReturnType<typeof testEnv>) =>
  env.sim.requests.filter((request) => request.method === 'POST' && request.path === '/2/tweets');

describe('publishing to X', () => {
  it('sends a text post as POST /2/tweets { text } with the bearer token and JSON body, and no idempotency header', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Hello from the adapter' });
    const [request] = tweetPosts(env);
    expect(tweetPosts(env)).toHaveLength(1);
    expect(request!.body).toEqual({ text: 'Hello from the adapter' });
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(request!.headers.authorization).toBe('Bearer x-access-0');
    expect(request!.headers['user-agent']).toBe(`@smm/adapter-x/${VERSION}`);
    expect(request!.headers['idempotency-key']).toBeUndefined();
    const held = env.sim.posts();
    expect(published.parts).toEqual([
      { platform: 'x', accountId: env.sim.account.id, id: held[0]!.id, url: `https://x.com/smm_brand/status/${held[0]!.id}` },
    ]);
  });

  it('publishes a thread as a chain of replies, each part answering the one before', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'one', thread: [{ text: 'two' }, { text: 'three' }] });
    const ids = published.parts.map((part) => part.id);
    expect(tweetPosts(env).map((request) => request.body)).toEqual([
      { text: 'one' },
      { text: 'two', reply: { in_reply_to_tweet_id: ids[0] } },
      { text: 'three', reply: { in_reply_to_tweet_id: ids[1] } },
    ]);
    expect(env.sim.posts().map((post) => [post.text, post.id])).toEqual([
      ['one', ids[0]],
      ['two', ids[1]],
      ['three', ids[2]],
    ]);
  });

  it('maps networkOptions.x to the X fields of the first post only', async () => {
    const env = testEnv();
    await env.client.publish(env.account, {
      text: 'root',
      thread: [{ text: 'next' }],
      networkOptions: {
        x: {
          replySettings: 'mentionedUsers',
          quoteTweetId: '1850000000000000000',
          placeId: 'df51dec6f4ee2b2c',
          forSuperFollowersOnly: false,
        },
      },
    });
    const [root, next] = tweetPosts(env);
    expect(root!.body).toEqual({
      text: 'root',
      quote_tweet_id: '1850000000000000000',
      reply_settings: 'mentionedUsers',
      geo: { place_id: 'df51dec6f4ee2b2c' },
      for_super_followers_only: false,
    });
    expect(Object.keys(next!.body as object).sort()).toEqual(['reply', 'text']);
  });

  it('sends a reply with reply.in_reply_to_tweet_id and exclude_reply_user_ids', async () => {
    const env = testEnv();
    const root = await env.client.publish(env.account, { text: 'root post' });
    await env.client.reply(env.account, root.published.parts[0]!, {
      text: 'a reply',
      networkOptions: { x: { excludeReplyUserIds: ['1500000000'] } },
    });
    expect(tweetPosts(env)[1]!.body).toEqual({
      text: 'a reply',
      reply: { in_reply_to_tweet_id: root.published.parts[0]!.id, exclude_reply_user_ids: ['1500000000'] },
    });
  });

  it('sends a poll with duration in minutes, and appends draft.link to the text', async () => {
    const env = testEnv();
    await env.client.publish(
      env.account,
      { text: 'Which one?', link: 'https://example.com/a' },
      { poll: { options: ['Tea', 'Coffee'], durationMs: 90 * 60_000 } },
    );
    expect(tweetPosts(env)[0]!.body).toEqual({
      text: 'Which one? https://example.com/a',
      poll: { options: ['Tea', 'Coffee'], duration_minutes: 90 },
    });
  });

  it('refuses, before any request, every X-specific problem at once', async () => {
    const env = testEnv();
    const image = { kind: 'image' as const, source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png' };
    const outcome = await settle(
      env.client.publish(
        env.account,
        { text: 'x', media: [image], networkOptions: { x: { quoteTweetId: '1', excludeReplyUserIds: ['2'] } } },
        { poll: { options: ['a', 'b', 'c', 'd', 'e'], durationMs: 61_000 } },
      ),
    );
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: ValidationError }).error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['poll.options', 'poll_options_count'],
      ['poll.durationMs', 'poll_duration'],
      ['poll', 'poll_with_media'],
      ['networkOptions.x.quoteTweetId', 'quote_with_media'],
      ['networkOptions.x.quoteTweetId', 'quote_with_poll'],
      ['networkOptions.x.excludeReplyUserIds', 'exclude_without_reply'],
    ]);
    expect(env.sim.requests).toHaveLength(0);
  });

  it('validates networkOptions.x with its schema (core joins the problems to the draft error)', async () => {
    const env = testEnv();
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'hi',
        networkOptions: { x: { replySettings: 'everyone', taggedUserIds: ['@bob'] } as never },
      }),
    );
    const error = (outcome as { error: ValidationError }).error;
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'networkOptions.x.replySettings',
      'networkOptions.x.taggedUserIds.0',
    ]);
    expect(env.sim.requests).toHaveLength(0);
  });

  it('measures the appended link in the X weighted length (23 per URL)', async () => {
    const env = testEnv();
    // 257 + 1 space + 23 for the URL = 281 > 280.
    const outcome = await settle(env.client.publish(env.account, { text: 'a'.repeat(257), link: 'https://example.com/a' }));
    const error = (outcome as { error: ValidationError }).error;
    expect(error.issues).toEqual([expect.objectContaining({ path: ['link'], code: 'text_too_long' })]);
    expect(error.issues[0]!.message).toContain('281 of 280');
    const fits = await env.client.publish(env.account, { text: 'a'.repeat(256), link: 'https://example.com/a' });
    expect(fits.published.parts).toHaveLength(1);
  });

  it('does not repeat draft.link at the top of a thread that already ends with it (as atomize makes them)', async () => {
    const env = testEnv();
    // A full first part: appending the 23-weighted link would push it over 280.
    const first = 'a'.repeat(270);
    await env.client.publish(env.account, {
      text: first,
      thread: [{ text: 'Read it all: https://example.com/a' }],
      link: 'https://example.com/a',
    });
    expect(tweetPosts(env).map((request) => (request.body as { text: string }).text)).toEqual([
      first,
      'Read it all: https://example.com/a',
    ]);
  });

  it("turns X content refusals into a ValidationError naming the field, with X's error as cause", async () => {
    const env = testEnv({ settings: { onDuplicate: 'fail' } });
    await env.client.publish(env.account, { text: 'said once' });
    const duplicate = await settle(env.client.publish(env.account, { text: 'said once' }));
    const error = (duplicate as { error: ValidationError }).error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.issues).toEqual([expect.objectContaining({ path: ['text'], code: 'duplicate_content' })]);

    const badReply = await settle(env.client.reply(env.account, { platform: 'x', id: '42' }, { text: 'to nowhere' }));
    const replyError = (badReply as { error: ValidationError }).error;
    expect(replyError.issues).toEqual([expect.objectContaining({ path: ['replyTo'], code: 'x_invalid_request' })]);
  });
});

// Cross-network check from the adapter issue: one draft to X and Mastodon through core's
// publishEverywhere, with the shipped adapters against the testkit simulators (served by msw).
// A draft too long for X but fine for Mastodon goes out on Mastodon only; X's account gets a
// ValidationError naming X's limit and the measured length, and X never sees a request.

const X_LIMIT = 280; // X's documented limit, weighted: plain ASCII counts 1 per character.
const MASTODON_LIMIT = 500; // mastodon.social's max_characters, the simulator's default.

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function twoNetworks() {
  const clock = createFakeClock({ now: '2026-03-02T09:00:00.000Z', autoAdvance: true });
  const x = createXSimulator({ clock, seed: 11 });
  const mastodon = createMastodonSimulator({ clock, seed: 12 });
  server.use(...x.handlers, ...mastodon.handlers);
  const client = createClient({
    adapters: [createXAdapter({ baseUrl: x.baseUrl }), createMastodonAdapter({ baseUrl: mastodon.baseUrl })],
    accounts: [
      { platform: 'x', id: x.account.id, handle: x.account.handle },
      { platform: 'mastodon', id: mastodon.account.id, handle: mastodon.account.handle },
    ],
    credentials: { [`x:${x.account.id}`]: x.credentials, [`mastodon:${mastodon.account.id}`]: mastodon.credentials },
    clock,
  });
  return { x, mastodon, client, keys: [`x:${x.account.id}`, `mastodon:${mastodon.account.id}`] };
}

describe('publishEverywhere across X and Mastodon', () => {
  it('publishes a draft that fits both networks to both (the set-up reaches X)', async () => {
    const env = twoNetworks();
    const text = 'Spring release: faster uploads and a calmer inbox.';
    const results = await env.client.publishEverywhere({ text }, env.keys);
    expect(results.map((result) => [result.account.platform, result.status])).toEqual([
      ['x', 'fulfilled'],
      ['mastodon', 'fulfilled'],
    ]);
    expect(env.x.posts().map((post) => post.text)).toEqual([text]);
    expect(env.mastodon.posts().map((post) => post.text)).toEqual([text]);
  });

  it('publishes a draft too long for X to Mastodon and rejects X with a ValidationError naming 280 and the length, without calling X', async () => {
    const env = twoNetworks();
    // 13 × 26 ASCII characters − the trailing space = 337: over X's 280, under Mastodon's 500.
    const text = 'Our spring release is out '.repeat(13).trimEnd();
    const measured = 13 * 26 - 1;
    expect(text).toHaveLength(measured);
    expect(measured).toBeGreaterThan(X_LIMIT);
    expect(measured).toBeLessThanOrEqual(MASTODON_LIMIT);

    const [onX, onMastodon] = await env.client.publishEverywhere({ text }, env.keys);

    expect(onMastodon!.status).toBe('fulfilled');
    if (onMastodon!.status !== 'fulfilled') throw new Error('unreachable');
    const held = env.mastodon.posts();
    expect(held).toHaveLength(1);
    expect(held[0]!.text).toBe(text);
    expect(onMastodon!.value.published.parts.map((part) => part.id)).toEqual([held[0]!.id]);

    expect(onX!.account.platform).toBe('x');
    expect(onX!.status).toBe('rejected');
    if (onX!.status !== 'rejected') throw new Error('unreachable');
    const error = onX!.reason;
    expect(ValidationError.isInstance(error)).toBe(true);
    if (!ValidationError.isInstance(error)) throw new Error('unreachable');
    expect(error.message).toContain(String(X_LIMIT));
    expect(error.message).toContain(String(measured));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['text'], code: 'text_too_long' })]);
    expect(error.issues[0]!.message).toMatch(new RegExp(`\\b${measured}\\b.*\\b${X_LIMIT}\\b`));

    expect(env.x.requests).toHaveLength(0);
    expect(env.x.posts()).toHaveLength(0);
  });
});
