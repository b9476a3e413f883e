import { UnsupportedFeatureError, ValidationError, type Mention } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

// The mentions as the client lists them (ids, authors and subjects come from the simulator).
async function listed(env: ReturnType<typeof testEnv>): Promise<Mention[]> {
  return (await env.client.listMentions(env.account, { limit: 100 })).items;
}

const bodies = (env: ReturnType<typeof testEnv>, from: number) =>
  env.sim.requests.slice(from).map(({ method, path, body }) => ({ method, path, body }));

describe('X: actions on mentions', () => {
  it('likes and unlikes a mention (POST/DELETE /2/users/:id/likes) and the simulator counts the like', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, mention!, 'like');
    expect(env.sim.mentionActions()).toEqual([{ action: 'like', postId: mention!.id, userId: mention!.author.id, at: env.clock.iso() }]);
    await env.client.actOnMention(env.account, mention!, 'unlike');
    expect(bodies(env, before)).toEqual([
      { method: 'POST', path: `/2/users/${env.accountId}/likes`, body: { tweet_id: mention!.id } },
      { method: 'DELETE', path: `/2/users/${env.accountId}/likes/${mention!.id}`, body: undefined },
    ]);
    expect(env.sim.mentionActions().map((entry) => entry.action)).toEqual(['like', 'unlike']);
  });

  it('hides and unhides a reply to the account’s own post (PUT /2/tweets/:id/hidden)', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'launch day' });
    await env.clock.advance(3 * 3_600_000); // the world's replies arrive within an hour
    const reply = (await listed(env)).find((item) => item.kind === 'reply' && item.subject?.id === published.parts[0]!.id)!;
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, reply, 'hide');
    await env.client.actOnMention(env.account, reply, 'unhide');
    expect(bodies(env, before)).toEqual([
      { method: 'PUT', path: `/2/tweets/${reply.id}/hidden`, body: { hidden: true } },
      { method: 'PUT', path: `/2/tweets/${reply.id}/hidden`, body: { hidden: false } },
    ]);
    expect(env.sim.mentionActions().map((entry) => [entry.action, entry.postId])).toEqual([
      ['hide', reply.id],
      ['unhide', reply.id],
    ]);
  });

  it('refuses to hide a mention that is not a reply to the account (X answers 403)', async () => {
    const env = testEnv();
    const mention = (await listed(env)).find((item) => item.kind === 'mention')!;
    await expect(env.client.actOnMention(env.account, mention, 'hide')).rejects.toMatchObject({ status: 403 });
    expect(env.sim.mentionActions()).toEqual([]);
  });

  it('mutes the author (POST /2/users/:id/muting with target_user_id)', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, mention!, 'mute');
    expect(bodies(env, before)).toEqual([
      { method: 'POST', path: `/2/users/${env.accountId}/muting`, body: { target_user_id: mention!.author.id } },
    ]);
    expect(env.sim.mentionActions()).toEqual([{ action: 'mute', userId: mention!.author.id, at: env.clock.iso() }]);
  });

  it('deletes the account’s own reply in a conversation (DELETE /2/tweets/:id)', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { published } = await env.client.reply(env.account, { platform: 'x', id: mention!.id }, { text: 'thanks for asking' });
    const own: Mention = { ...mention!, id: published.parts[0]!.id, author: { id: env.accountId, handle: 'smm_brand' } };
    await env.client.actOnMention(env.account, own, 'delete');
    expect(env.sim.posts().find((post) => post.id === own.id)?.deleted).toBe(true);
    await expect(env.client.actOnMention(env.account, mention!, 'delete')).rejects.toThrow(ValidationError);
  });

  it('refuses block and report-spam before any request, listing what X supports', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const before = env.sim.requests.length;
    for (const action of ['block', 'report-spam'] as const) {
      const error = await env.client.actOnMention(env.account, mention!, action).catch((caught: unknown) => caught);
      expect(UnsupportedFeatureError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe(
        `X cannot "${action}" a mention through its API (it supports: like, unlike, hide, unhide, mute, delete)`,
      );
    }
    expect(env.sim.requests.length).toBe(before);
  });
});
