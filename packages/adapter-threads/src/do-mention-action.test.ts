import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('acting on a mention', () => {
  it('hides and unhides a reply with POST /{reply-id}/manage_reply; other actions are unsupported', async () => {
    const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 0 } });
    const { published } = await client.publish(account, { text: 'root' });
    sim.addMention({ text: 'rude reply', kind: 'reply', postId: published.parts[0]!.id });
    const [reply] = (await client.listMentions(account, {})).items;
    await client.actOnMention(account, reply!, 'hide');
    const calls = sim.requests.filter((request) => request.path.endsWith('/manage_reply'));
    expect(calls.map((request) => [request.path, request.body])).toEqual([[`/v1.0/${reply!.id}/manage_reply`, { hide: 'true' }]]);
    await client.actOnMention(account, reply!, 'unhide');
    expect(sim.requests.filter((request) => request.path.endsWith('/manage_reply')).at(-1)!.body).toEqual({ hide: 'false' });
    const like = await settle(client.actOnMention(account, reply!, 'like'));
    expect(like.ok).toBe(false);
  });
});
