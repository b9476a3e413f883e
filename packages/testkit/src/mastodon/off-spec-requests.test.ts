// Deliberately off-spec requests, each refused (or corrected) the way Mastodon answers it. The
// rules: https://docs.joinmastodon.org/methods/statuses/#create, /methods/media/#v2,
// /entities/Instance/#configuration; the words: Mastodon's validators and locale (en.yml).
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { ONE_PIXEL_PNG_BASE64 } from '../adapter-test-env/index.js';
import { createMastodonSimulator } from './index.js';

const setup = (options: Parameters<typeof createMastodonSimulator>[0] = {}) => {
  const clock = createFakeClock();
  const sim = createMastodonSimulator({ clock, ...options });
  const headers = { authorization: `Bearer ${sim.credentials.accessToken}` };
  const post = async (body: unknown, extra: Record<string, string> = {}) => {
    const response = await sim.fetch(`${sim.baseUrl}/api/v1/statuses`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', ...extra },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const upload = async (description?: string, type = 'image/png') => {
    const form = new FormData();
    form.set('file', new Blob([Uint8Array.from(atob(ONE_PIXEL_PNG_BASE64), (c) => c.charCodeAt(0))], { type }), 'f');
    if (description !== undefined) form.set('description', description);
    const response = await sim.fetch(`${sim.baseUrl}/api/v2/media`, { method: 'POST', headers, body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { sim, clock, post, upload };
};

const HOUR = 3_600;

describe('POST /api/v1/statuses refuses what Mastodon refuses, with its status and words', () => {
  it.each([
    ['a poll with one option', { options: ['only'], expires_in: HOUR }, 'Poll options must have more than one item'],
    [
      'a poll whose options are all blank',
      { options: [' ', ''], expires_in: HOUR },
      "Poll options can't be blank, Poll options must have more than one item",
    ],
    [
      'a poll with 5 options (instance max 4)',
      { options: ['a', 'b', 'c', 'd', 'e'], expires_in: HOUR },
      "Poll options can't contain more than 4 items",
    ],
    [
      'an option of 51 characters (max 50)',
      { options: ['x'.repeat(51), 'b'], expires_in: HOUR },
      'Poll options cannot be longer than 50 characters each',
    ],
    ['duplicate options', { options: ['same', 'same'], expires_in: HOUR }, 'Poll options contain duplicate items'],
    ['a poll without expires_in', { options: ['a', 'b'] }, "Poll expires at can't be blank"],
    ['a poll of 299 s (min 300)', { options: ['a', 'b'], expires_in: 299 }, 'Poll expires at is too soon'],
    ['a poll of 2 629 747 s (max 2 629 746)', { options: ['a', 'b'], expires_in: 2_629_747 }, 'Poll expires at is too far into the future'],
  ])('%s: 422', async (_label, poll, message) => {
    const { sim, post } = setup();
    expect(await post({ status: 'which?', poll })).toEqual({ status: 422, body: { error: `Validation failed: ${message}` } });
    expect(sim.posts()).toEqual([]);
  });

  it('takes the poll limits the instance reports, and a poll at each limit', async () => {
    const { post, sim } = setup({ polls: { maxOptions: 2, maxCharactersPerOption: 3 } });
    expect((await post({ status: 'q', poll: { options: ['a', 'b', 'c'], expires_in: HOUR } })).body).toEqual({
      error: "Validation failed: Poll options can't contain more than 2 items",
    });
    expect((await post({ status: 'q', poll: { options: ['abcd', 'b'], expires_in: HOUR } })).body).toEqual({
      error: 'Validation failed: Poll options cannot be longer than 3 characters each',
    });
    // Graphemes, not code units: a flag is one character.
    const ok = await post({ status: 'q', poll: { options: ['🇮🇷🇮🇷🇮🇷', 'b'], expires_in: 300 } });
    expect(ok.status).toBe(200);
    expect((ok.body.poll as { options: Array<{ title: string }> }).options.map((option) => option.title)).toEqual(['🇮🇷🇮🇷🇮🇷', 'b']);
    expect(sim.posts()).toHaveLength(1);
  });

  it('a poll does not stand in for the text', async () => {
    const { post } = setup();
    expect(await post({ status: '  ', poll: { options: ['a', 'b'], expires_in: HOUR } })).toEqual({
      status: 422,
      body: { error: "Validation failed: Text can't be blank" },
    });
  });

  it('a bad visibility: 422', async () => {
    const { post } = setup();
    expect(await post({ status: 'hi', visibility: 'followers' })).toEqual({
      status: 422,
      body: { error: 'Validation failed: Visibility is not included in the list' },
    });
  });

  it('text over max_characters, counting the content warning, URLs as 23 and a remote mention by its username', async () => {
    const { post } = setup();
    const tooLong = { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } };
    expect(await post({ status: 'x'.repeat(501) })).toEqual(tooLong);
    expect(await post({ status: 'x'.repeat(450), spoiler_text: 'y'.repeat(51) })).toEqual(tooLong);
    // 23 for the URL + 1 space + 476 = 500: allowed, however long the URL.
    expect((await post({ status: `https://example.com/${'p'.repeat(200)} ${'x'.repeat(476)}` })).status).toBe(200);
    expect(await post({ status: `https://example.com/ ${'x'.repeat(477)}` })).toEqual(tooLong);
    // "@ana@remote.example" counts as "@ana" (4) + 1 space + 495 = 500.
    expect((await post({ status: `@ana@remote.example ${'x'.repeat(495)}` })).status).toBe(200);
  });

  it('5 media: 422 before anything else about them', async () => {
    const { post, upload } = setup();
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) ids.push(String((await upload()).body.id));
    expect(await post({ status: 'five', media_ids: ids })).toEqual({ status: 422, body: { error: 'Cannot attach more than 4 files' } });
    expect((await post({ status: 'four', media_ids: ids.slice(0, 4) })).status).toBe(200);
    // Attached once: the same file again is "not found or already attached".
    expect(await post({ status: 'again', media_ids: [ids[0]] })).toEqual({
      status: 422,
      body: { error: `Media ${ids[0]} not found or already attached to another post` },
    });
    expect(await post({ status: 'unknown', media_ids: ['123'] })).toEqual({
      status: 422,
      body: { error: 'Media 123 not found or already attached to another post' },
    });
  });

  it('media and a poll together: 422', async () => {
    const { post, upload } = setup();
    const id = String((await upload()).body.id);
    expect(await post({ status: 'both', media_ids: [id], poll: { options: ['a', 'b'], expires_in: HOUR } })).toEqual({
      status: 422,
      body: { error: 'Cannot attach more than 4 files' },
    });
  });

  it('scheduled_at sooner than 5 minutes: 422; unparseable: Record invalid; in the past: published now', async () => {
    const { post, clock, sim } = setup();
    const inMinutes = (minutes: number) => new Date(clock.now() + minutes * 60_000).toISOString();
    expect(await post({ status: 'soon', scheduled_at: inMinutes(4) })).toEqual({
      status: 422,
      body: { error: 'Validation failed: Scheduled at The scheduled date must be in the future' },
    });
    expect(await post({ status: 'when', scheduled_at: 'tomorrow-ish' })).toEqual({ status: 422, body: { error: 'Record invalid' } });
    // A scheduled status that would be invalid is a bare RecordInvalid too.
    expect(await post({ status: '', scheduled_at: inMinutes(60) })).toEqual({ status: 422, body: { error: 'Record invalid' } });
    expect(sim.scheduled()).toEqual([]);
    const past = await post({ status: 'late', scheduled_at: inMinutes(-10) });
    expect(past.status).toBe(200);
    expect(past.body.content).toBe('<p>late</p>');
    expect(sim.posts().map((entry) => entry.text)).toEqual(['late']);
    expect((await post({ status: 'later', scheduled_at: inMinutes(6) })).body).toHaveProperty('scheduled_at');
  });

  it('a reply to a status that does not exist: 404', async () => {
    const { post } = setup();
    expect(await post({ status: 'reply', in_reply_to_id: '999' })).toEqual({
      status: 404,
      body: { error: 'The post you are trying to reply to does not appear to exist.' },
    });
  });

  it.each(['english', 'xx', 'EN', 'en-US'])(
    'an unknown language %j is not refused: Mastodon replaces it with the default',
    async (language) => {
      const { post } = setup();
      const answer = await post({ status: 'hello', language });
      expect(answer.status).toBe(200);
      expect(answer.body.language).toBe('en');
    },
  );

  it.each(['fa', 'zh-TW', 'ckb'])('a language Mastodon knows (%j) is kept', async (language) => {
    const { post } = setup();
    expect((await post({ status: 'hello', language })).body.language).toBe(language);
  });
});

describe('POST /api/v2/media refuses what Mastodon refuses', () => {
  it('a description over description_limit (1500): 422; at the limit: taken', async () => {
    const { upload, sim } = setup();
    expect(await upload('d'.repeat(1_501))).toEqual({
      status: 422,
      body: { error: 'Validation failed: Description is too long (maximum is 1500 characters)' },
    });
    expect((await upload('d'.repeat(1_500))).status).toBe(200);
    const instance = await sim.fetch(`${sim.baseUrl}/api/v2/instance`, {
      headers: { authorization: `Bearer ${sim.credentials.accessToken}` },
    });
    const { configuration } = (await instance.json()) as { configuration: { media_attachments: { description_limit: number } } };
    expect(configuration.media_attachments.description_limit).toBe(1_500);
  });

  it('a file of no supported type: 422', async () => {
    const { upload } = setup();
    expect(await upload(undefined, 'application/x-msdownload')).toEqual({
      status: 422,
      body: { error: 'Validation failed: File content type is invalid, File is invalid' },
    });
  });
});

describe('GET /api/v1/accounts/:id', () => {
  it('gives the account or another user, and 404 Record not found for an id no one has', async () => {
    const { sim } = setup();
    const headers = { authorization: `Bearer ${sim.credentials.accessToken}` };
    const get = async (id: string) => {
      const response = await sim.fetch(`${sim.baseUrl}/api/v1/accounts/${id}`, { headers });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await get(sim.account.id)).body).toMatchObject({ id: sim.account.id, acct: sim.account.handle });
    expect((await get('200001')).body).toMatchObject({ id: '200001', acct: expect.stringMatching(/@remote\.example$/) });
    expect(await get('999')).toEqual({ status: 404, body: { error: 'Record not found' } });
  });
});

describe('quote notifications (Mastodon 4.5+)', () => {
  it('other users quote the account’s public posts: `quote` notifications carrying the quoted status, counted in quotes_count', async () => {
    const { post, clock, sim } = setup({ quotes: true, mentionBacklog: 0, mentionEveryMs: 0 });
    const published = await post({ status: 'quote me' });
    await post({ status: 'not me', visibility: 'private' });
    sim.addMention({ text: 'look at this', kind: 'quote', postId: String(published.body.id) });
    await clock.advance(3 * 3_600_000);
    const headers = { authorization: `Bearer ${sim.credentials.accessToken}` };
    const response = await sim.fetch(`${sim.baseUrl}/api/v1/notifications?types[]=quote`, { headers });
    const notifications = (await response.json()) as Array<{
      type: string;
      status: { quote: { state: string; quoted_status: { id: string } } };
    }>;
    expect(notifications.length).toBeGreaterThanOrEqual(1);
    for (const notification of notifications) {
      expect(notification.type).toBe('quote');
      expect(notification.status.quote).toMatchObject({ state: 'accepted', quoted_status: { id: published.body.id } });
    }
    expect(sim.reportedPostMetrics(String(published.body.id)).quotes_count).toBe(notifications.length);
    const mentionsOnly = (await (await sim.fetch(`${sim.baseUrl}/api/v1/notifications?types[]=mention`, { headers })).json()) as Array<{
      type: string;
    }>;
    expect(mentionsOnly.every((notification) => notification.type === 'mention')).toBe(true);
  });

  it('never before 4.5', async () => {
    const { post, clock, sim } = setup({ mentionBacklog: 0, mentionEveryMs: 0 });
    await post({ status: 'quote me' });
    await clock.advance(24 * 3_600_000);
    const headers = { authorization: `Bearer ${sim.credentials.accessToken}` };
    const all = (await (await sim.fetch(`${sim.baseUrl}/api/v1/notifications`, { headers })).json()) as Array<{ type: string }>;
    expect(all.map((notification) => notification.type).filter((type) => type === 'quote')).toEqual([]);
  });
});
