import { describe, expect, it } from 'vitest';
import { setup, type XAnswer } from './__tests__/x-call.js';
import { xOpenApi, xOpenApiVersion } from './x-openapi.js';

const templateOf = (method: string, path: string) => xOpenApi().operationFor(method, path.split('?')[0]!)?.template;

function problems(answer: XAnswer): string[] {
  const template = templateOf(answer.method, answer.path);
  if (!template) return [`${answer.path} is not in the document`];
  return xOpenApi().checkResponse(
    answer.method,
    template,
    answer.status,
    answer.headers.get('content-type') ?? '',
    answer.body ?? undefined,
  );
}

describe("the X simulator's answers", () => {
  it('is held to the vendored document', () => {
    expect(xOpenApiVersion()).toMatch(/^\d+\.\d+$/);
    expect(xOpenApi().has('POST', '/2/media/upload/initialize')).toBe(true);
    expect(xOpenApi().has('POST', '/2/oauth2/token')).toBe(false);
  });

  it('validate against the response schemas of every operation it serves, successes and invalid-request refusals', async () => {
    const { clock, sim, call, answers } = setup({ mentionBacklog: 12 });
    const me = (await call('GET', '/2/users/me?user.fields=public_metrics,created_at')).body!.data.id as string;
    await call('GET', `/2/users/${me}?user.fields=public_metrics`);
    await call('GET', '/2/users/42');
    const root = (await call('POST', '/2/tweets', { json: { text: 'root https://example.com/a' } })).body!.data.id as string;
    const reply = (await call('POST', '/2/tweets', { json: { text: 'reply', reply: { in_reply_to_tweet_id: root } } })).body!.data
      .id as string;
    await call('POST', '/2/tweets', { json: { text: 'poll', poll: { options: ['a', 'b'], duration_minutes: 60 } } });
    await call(
      'GET',
      `/2/tweets/${reply}?post.fields=created_at,conversation_id,attachments,public_metrics,non_public_metrics&expansions=referenced_posts,author_id`,
    );
    await call('GET', `/2/tweets?ids=${root},${reply},1&post.fields=public_metrics,organic_metrics`);
    await call(
      'GET',
      `/2/users/${me}/mentions?max_results=5&post.fields=created_at,conversation_id,lang&expansions=author_id,in_reply_to_user_id,referenced_posts&user.fields=username,name,public_metrics`,
    );
    await call('GET', `/2/users/${me}/tweets?max_results=5&exclude=retweets&post.fields=created_at&expansions=referenced_posts`);

    const init = await call('POST', '/2/media/upload/initialize', {
      json: { media_type: 'video/mp4', total_bytes: 3, media_category: 'tweet_video' },
    });
    const media = init.body!.data.id as string;
    await call('POST', `/2/media/upload/${media}/append`, { json: { media: 'AAAA', segment_index: 0 } });
    await call('POST', `/2/media/upload/${media}/finalize`);
    await call('GET', `/2/media/upload?command=STATUS&media_id=${media}`);
    await clock.advance(2_000);
    await call('GET', `/2/media/upload?command=STATUS&media_id=${media}`);
    const image = (await call('POST', '/2/media/upload', { json: { media: 'AAAA', media_category: 'tweet_image' } })).body!.data
      .id as string;
    await call('POST', '/2/media/metadata', { json: { id: image, metadata: { alt_text: { text: 'a pixel' } } } });
    await call('POST', '/2/tweets', { json: { text: 'clip', media: { media_ids: [media] } } });
    await call('DELETE', `/2/tweets/${reply}`);
    await call('GET', `/2/tweets/${reply}`);

    // Refusals: the invalid-request Problem, on a body and on a query.
    await call('POST', '/2/tweets', { json: { text: 'x', nope: 1 } });
    await call('GET', `/2/users/${me}/mentions?max_results=500`);
    await call('POST', '/2/tweets', { json: { text: 'x', reply: { in_reply_to_tweet_id: '7' } } });

    expect(answers.filter((answer) => answer.status >= 400).map((answer) => answer.status)).toEqual([400, 400, 400]);
    expect(new Set(answers.map((answer) => `${answer.method} ${templateOf(answer.method, answer.path)}`)).size).toBe(14);
    for (const answer of answers)
      expect({ call: `${answer.method} ${answer.path}`, problems: problems(answer) }).toEqual({
        call: `${answer.method} ${answer.path}`,
        problems: [],
      });
    expect(sim.posts().length).toBeGreaterThan(0);
  });
});
