import { describe, expect, it } from 'vitest';
import { setup } from './__tests__/x-call.js';

// Likes, hidden replies and mutes, held to X's OpenAPI (LikePostRequest, HidePostsReplyRequest,
// MuteUserRequest are additionalProperties: false; ids match ^[0-9]{1,19}$).
describe('X simulator: actions on mentions', () => {
  async function firstMention(call: ReturnType<typeof setup>['call'], accountId: string) {
    const answer = await call('GET', `/2/users/${accountId}/mentions?expansions=author_id&post.fields=public_metrics`);
    return answer.body!.data[0] as { id: string; author_id: string; public_metrics: { like_count: number } };
  }

  it('a like shows in the mention’s like_count and is undone by the unlike', async () => {
    const { call, sim } = setup();
    const mention = await firstMention(call, sim.account.id);
    expect(mention.public_metrics.like_count).toBe(0);
    const liked = await call('POST', `/2/users/${sim.account.id}/likes`, { json: { tweet_id: mention.id } });
    expect([liked.status, liked.body]).toEqual([200, { data: { liked: true } }]);
    expect((await firstMention(call, sim.account.id)).public_metrics.like_count).toBe(1);
    const unliked = await call('DELETE', `/2/users/${sim.account.id}/likes/${mention.id}`);
    expect([unliked.status, unliked.body]).toEqual([200, { data: { liked: false } }]);
    expect((await firstMention(call, sim.account.id)).public_metrics.like_count).toBe(0);
  });

  it('refuses what the document does not allow, and acting for another user', async () => {
    const { call, sim } = setup();
    const mention = await firstMention(call, sim.account.id);
    expect((await call('POST', `/2/users/${sim.account.id}/likes`, { json: { tweet_id: mention.id, extra: 1 } })).status).toBe(400);
    expect((await call('POST', `/2/users/${sim.account.id}/likes`, { json: { tweet_id: 'abc' } })).status).toBe(400);
    expect((await call('PUT', `/2/tweets/${mention.id}/hidden`, { json: {} })).status).toBe(400);
    expect((await call('POST', `/2/users/${sim.account.id}/muting`, { json: { user_id: mention.author_id } })).status).toBe(400);
    expect((await call('POST', '/2/users/42/likes', { json: { tweet_id: mention.id } })).status).toBe(403);
    expect(sim.mentionActions()).toEqual([]);
  });

  it('hides only replies to the account’s posts; mutes a known user', async () => {
    const { call, sim } = setup();
    const mention = await firstMention(call, sim.account.id); // a plain mention, not a reply
    const hide = await call('PUT', `/2/tweets/${mention.id}/hidden`, { json: { hidden: true } });
    expect(hide.status).toBe(403);
    const muted = await call('POST', `/2/users/${sim.account.id}/muting`, { json: { target_user_id: mention.author_id } });
    expect([muted.status, muted.body]).toEqual([200, { data: { muting: true } }]);
    expect(sim.mentionActions().map(({ action, userId }) => ({ action, userId }))).toEqual([{ action: 'mute', userId: mention.author_id }]);
  });
});
