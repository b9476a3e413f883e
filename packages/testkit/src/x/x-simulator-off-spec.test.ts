import { describe, expect, it } from 'vitest';
import { setup } from './__tests__/x-call.js';

// X's answer to a request its OpenAPI does not allow: 400, an invalid-request Problem
// (InvalidRequestProblem: type, title, detail) with one `errors[]` entry per violation.
// https://docs.x.com/x-api/fundamentals/response-codes-and-errors
const INVALID_REQUEST = {
  title: 'Invalid Request',
  detail: 'One or more parameters to your request was invalid.',
  type: 'https://api.x.com/2/problems/invalid-request',
};

async function expectRefused(answer: { status: number; headers: Headers; body: Record<string, any> | null }, parameter: string) {
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject(INVALID_REQUEST);
  expect(answer.body!.errors.map((error: { parameters: Record<string, unknown> }) => Object.keys(error.parameters)).flat()).toContain(
    parameter,
  );
}

describe('X simulator refuses what X OpenAPI does not allow', () => {
  it('POST /2/tweets: an unknown field (CreatePostsRequest is additionalProperties: false)', async () => {
    const { call, sim } = setup();
    await expectRefused(await call('POST', '/2/tweets', { json: { text: 'hi', unknown_field: true } }), 'unknown_field');
    await expectRefused(
      await call('POST', '/2/tweets', { json: { text: 'hi', reply: { in_reply_to_tweet_id: '1', extra: 1 } } }),
      'reply.extra',
    );
    expect(sim.posts()).toEqual([]);
  });

  it('POST /2/tweets: a poll with 1 or 5 options, an option over 25 characters, a duration out of 5..10080', async () => {
    const { call, sim } = setup();
    const poll = (options: string[], duration_minutes = 60) =>
      call('POST', '/2/tweets', { json: { text: 'vote', poll: { options, duration_minutes } } });
    await expectRefused(await poll(['only']), 'poll.options');
    await expectRefused(await poll(['a', 'b', 'c', 'd', 'e']), 'poll.options');
    await expectRefused(await poll(['a'.repeat(26), 'b']), 'poll.options.0');
    await expectRefused(await poll(['a', 'b'], 4), 'poll.duration_minutes');
    await expectRefused(await poll(['a', 'b'], 10_081), 'poll.duration_minutes');
    expect(sim.posts()).toEqual([]);
    // The edges the document allows are taken: 4 options of 25 characters, 5 minutes.
    expect((await poll(['a'.repeat(25), 'b', 'c', 'd'], 5)).status).toBe(201);
  });

  it('POST /2/tweets: missing required fields and wrong types', async () => {
    const { call } = setup();
    await expectRefused(await call('POST', '/2/tweets', { json: { text: 'hi', reply: {} } }), 'reply.in_reply_to_tweet_id');
    await expectRefused(await call('POST', '/2/tweets', { json: { text: 'hi', poll: { options: ['a', 'b'] } } }), 'poll.duration_minutes');
    await expectRefused(await call('POST', '/2/tweets', { json: { text: 42 } }), 'text');
    await expectRefused(await call('POST', '/2/tweets', { json: { text: 'hi', media: { media_ids: [] } } }), 'media.media_ids');
    await expectRefused(await call('POST', '/2/tweets', { json: { text: 'hi', reply_settings: 'everyone' } }), 'reply_settings');
  });

  it('GET reads: a bad post.fields value, the legacy tweet.fields name, max_results out of 5..100, a bad id', async () => {
    const { call, sim } = setup();
    const id = (await call('POST', '/2/tweets', { json: { text: 'read me' } })).body!.data.id as string;
    await expectRefused(await call('GET', `/2/tweets/${id}?post.fields=created_at,not_a_field`), 'post.fields');
    await expectRefused(await call('GET', `/2/tweets/${id}?tweet.fields=created_at`), 'tweet.fields');
    await expectRefused(await call('GET', `/2/tweets/${id}?expansions=referenced_tweets.id`), 'expansions');
    await expectRefused(await call('GET', `/2/users/${sim.account.id}/mentions?max_results=4`), 'max_results');
    await expectRefused(await call('GET', `/2/users/${sim.account.id}/mentions?max_results=101`), 'max_results');
    await expectRefused(await call('GET', `/2/users/${sim.account.id}/tweets?max_results=500`), 'max_results');
    await expectRefused(await call('GET', `/2/users/${sim.account.id}/tweets?exclude=likes`), 'exclude');
    await expectRefused(await call('GET', `/2/users/${sim.account.id}/mentions?start_time=yesterday`), 'start_time');
    await expectRefused(await call('GET', '/2/tweets/not-a-number'), 'id');
    await expectRefused(await call('GET', `/2/tweets?ids=`), 'ids');
    const message = (await call('GET', `/2/tweets/${id}?post.fields=not_a_field`)).body!.errors[0].message as string;
    expect(message).toMatch(/^The `post.fields` query parameter value \[not_a_field\] is not one of \[.*created_at.*\]$/);
    // What the document allows is served.
    expect(
      (await call('GET', `/2/users/${sim.account.id}/mentions?max_results=5&post.fields=created_at,lang&expansions=author_id`)).status,
    ).toBe(200);
  });

  it('media: the old command=INIT form on /2/media/upload, a bad segment index, unknown upload fields', async () => {
    const { call } = setup();
    // The command-style form (urlencoded or JSON) is not what POST /2/media/upload takes (MediaUploadRequest).
    await expectRefused(
      await call('POST', '/2/media/upload', {
        form: { command: 'INIT', media_type: 'image/png', total_bytes: '70', media_category: 'tweet_image' },
      }),
      'content-type',
    );
    const legacyJson = await call('POST', '/2/media/upload', { json: { command: 'INIT', media_type: 'image/png', total_bytes: 70 } });
    await expectRefused(legacyJson, 'command');
    await expectRefused(legacyJson, 'media');
    const init = await call('POST', '/2/media/upload/initialize', {
      json: { media_type: 'image/png', total_bytes: 3, media_category: 'tweet_image' },
    });
    const id = init.body!.data.id as string;
    await expectRefused(
      await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA', segment_index: 1000 } }),
      'segment_index',
    );
    await expectRefused(
      await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA', segment_index: -1 } }),
      'segment_index',
    );
    await expectRefused(await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA' } }), 'segment_index');
    await expectRefused(await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'not base64!', segment_index: 0 } }), 'media');
    await expectRefused(
      await call('POST', `/2/media/upload/${id}/append`, { json: { media: 'AAAA', segment_index: 0, media_id: id } }),
      'media_id',
    );
    await expectRefused(
      await call('POST', '/2/media/upload/initialize', {
        json: { media_type: 'image/heic', total_bytes: 3, media_category: 'tweet_image' },
      }),
      'media_type',
    );
    await expectRefused(await call('POST', '/2/media/upload/initialize', { json: { command: 'INIT', total_bytes: 3 } }), 'command');
    await expectRefused(await call('GET', '/2/media/upload?command=INIT&media_id=1'), 'command');
    await expectRefused(await call('GET', '/2/media/upload?command=STATUS'), 'media_id');
    await expectRefused(
      await call('POST', '/2/media/metadata', { json: { id, metadata: { alt_text: { text: 'x'.repeat(1001) } } } }),
      'metadata.alt_text.text',
    );
    // A multipart append is what the document also allows; its segment_index is read as an integer.
    const multipart = new FormData();
    multipart.set('segment_index', '0');
    multipart.set('media', new Blob([new Uint8Array([1, 2, 3])]));
    expect((await call('POST', `/2/media/upload/${id}/append`, { multipart })).status).toBe(200);
    expect((await call('POST', `/2/media/upload/${id}/finalize`)).status).toBe(200);
  });
});
