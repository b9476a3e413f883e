// What a stock Mastodon instance refuses (https://docs.joinmastodon.org/methods/statuses/#create,
// its `configuration`): refused here before any request, so no thread is left half published and
// no off-spec request reaches the instance. The simulator refuses the same drafts (see
// @smm/testkit's off-spec tests), so each test also fails if the adapter sends them.
import { ValidationError, type MediaRef } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';

const HOUR_MS = 3_600_000;
const image = (altText: string): MediaRef => ({
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText,
});

const refusal = async (outcome: Promise<unknown>) => {
  const result = await settle(outcome);
  expect(result.ok).toBe(false);
  const error = result.ok ? undefined : result.error;
  expect(ValidationError.isInstance(error)).toBe(true);
  return (error as ValidationError).issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('refused before any request: what the instance would refuse', () => {
  it('counts the content warning with the text, as Mastodon does (500 in all)', async () => {
    const { sim, client, account } = testEnv();
    const issues = await refusal(
      client.publish(account, { text: 'x'.repeat(480), networkOptions: { mastodon: { spoilerText: 'y'.repeat(21) } } }),
    );
    expect(issues).toEqual([{ path: 'text', message: expect.stringContaining('501 of 500') }]);
    expect(sim.requests).toEqual([]);
    // 480 + 20 = 500 is allowed, and the instance takes it.
    await client.publish(account, { text: 'x'.repeat(480), networkOptions: { mastodon: { spoilerText: 'y'.repeat(20) } } });
    expect(sim.posts()).toHaveLength(1);
  });

  it('holds alt text to the description_limit the settings give (core checks it from the capabilities)', async () => {
    const { sim, client, account } = testEnv({ settings: { mediaDescriptionLimit: 1_000 } });
    const issues = await refusal(client.publish(account, { text: 'root', media: [image('a'.repeat(1_001))] }));
    expect(issues).toEqual([{ path: 'media.0.altText', message: expect.stringContaining('1000') }]);
    expect(sim.requests).toEqual([]);
  });

  it('refuses alt text over the stock description_limit (1500) in any part, before the root is posted', async () => {
    const { sim, client, account } = testEnv();
    const issues = await refusal(client.publish(account, { text: 'root', thread: [{ text: 'two', media: [image('a'.repeat(1_501))] }] }));
    expect(issues).toEqual([{ path: 'thread.0.media.0.altText', message: expect.stringContaining('1501 of 1500') }]);
    expect(sim.requests).toEqual([]);
    expect(sim.posts()).toEqual([]);
  });

  it.each([
    ['one option', { options: ['only'], durationMs: HOUR_MS }, 'poll.options'],
    ['two options, one blank', { options: ['yes', '  '], durationMs: HOUR_MS }, 'poll.options'],
    ['five options (instance max 4)', { options: ['a', 'b', 'c', 'd', 'e'], durationMs: HOUR_MS }, 'poll.options'],
    ['an option of 51 characters', { options: ['o'.repeat(51), 'b'], durationMs: HOUR_MS }, 'poll.options.0'],
    ['duplicate options', { options: ['same', 'same'], durationMs: HOUR_MS }, 'poll.options'],
    ['4 minutes (min 5)', { options: ['a', 'b'], durationMs: 4 * 60_000 }, 'poll.durationMs'],
    ['two months (max about one)', { options: ['a', 'b'], durationMs: 61 * 24 * HOUR_MS }, 'poll.durationMs'],
  ])('refuses a poll with %s', async (_label, poll, path) => {
    const { sim, client, account } = testEnv();
    const issues = await refusal(client.publish(account, { text: 'which?' }, { poll }));
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(sim.requests).toEqual([]);
  });

  it('takes the poll limits of the instance from the settings, as the instance reports them', async () => {
    const { sim, client, account } = testEnv({
      simulator: { polls: { maxOptions: 6, maxCharactersPerOption: 100 } },
      settings: { polls: { maxOptions: 6, maxCharactersPerOption: 100 } },
    });
    const options = ['a', 'b', 'c', 'd', 'e', 'o'.repeat(100)];
    await client.publish(account, { text: 'which?' }, { poll: { options, durationMs: HOUR_MS } });
    expect((sim.requests[0]!.body as { poll: { options: string[] } }).poll.options).toEqual(options);
    expect(sim.posts()).toHaveLength(1);
  });

  it('sends only ISO 639-1 languages: a draft language without one is left out, an explicit invalid one refused', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'Kumusta', language: 'fil-PH' });
    expect(sim.requests[0]!.body).toEqual({ status: 'Kumusta', visibility: 'public' });
    const issues = await refusal(client.publish(account, { text: 'hi', networkOptions: { mastodon: { language: 'xx' } } }));
    expect(issues.map((issue) => issue.path)).toEqual(['networkOptions.mastodon.language']);
    expect(sim.requests).toHaveLength(1);
  });
});
