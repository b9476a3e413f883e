import { UnsupportedFeatureError, type Mention } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

type Env = ReturnType<typeof testEnv>;

async function listed(env: Env): Promise<Mention[]> {
  return (await env.client.listMentions(env.account, { limit: 80 })).items;
}

const sent = (env: Env, from: number) => env.sim.requests.slice(from).map(({ method, path, body }) => ({ method, path, body }));

// The notification of a mention's status as Mastodon serves it, read past the adapter (what
// another client would see). A mention's id is its status's id.
async function notification(env: Env, statusId: string) {
  const response = await env.sim.fetch(`${env.sim.baseUrl}/api/v1/notifications?limit=80`, {
    headers: { authorization: `Bearer ${env.sim.credentials.accessToken}` },
  });
  const all = (await response.json()) as Array<{ status: { id: string; favourites_count: number; favourited: boolean } }>;
  return all.find((entry) => entry.status.id === statusId)!;
}

describe('Mastodon: actions on mentions', () => {
  it('favourites and unfavourites the status behind a mention, and its count shows it', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { status } = await notification(env, mention!.id);
    expect([status.favourites_count, status.favourited]).toEqual([0, false]);
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, mention!, 'like');
    expect((await notification(env, mention!.id)).status).toMatchObject({ favourites_count: 1, favourited: true });
    await env.client.actOnMention(env.account, mention!, 'unlike');
    expect((await notification(env, mention!.id)).status).toMatchObject({ favourites_count: 0, favourited: false });
    expect(sent(env, before).filter((request) => request.method === 'POST')).toEqual([
      { method: 'POST', path: `/api/v1/statuses/${status.id}/favourite`, body: undefined },
      { method: 'POST', path: `/api/v1/statuses/${status.id}/unfavourite`, body: undefined },
    ]);
  });

  it('blocks the author: their later mentions stop arriving (a twin world without the block still gets them)', async () => {
    const env = testEnv();
    const twin = testEnv();
    const [mention] = await listed(env);
    await env.client.actOnMention(env.account, mention!, 'block');
    expect(env.sim.requests.at(-1)).toMatchObject({ method: 'POST', path: `/api/v1/accounts/${mention!.author.id}/block` });
    const blockedAt = env.clock.iso();
    await env.clock.advance(24 * 3_600_000);
    await twin.clock.advance(24 * 3_600_000);
    const later = (items: Mention[]) => items.filter((item) => item.author.id === mention!.author.id && item.createdAt > blockedAt);
    expect(later(await listed(twin)).length).toBeGreaterThan(0);
    expect(later(await listed(env))).toEqual([]);
    expect(env.sim.mentionActions()).toEqual([{ action: 'block', accountId: mention!.author.id, at: blockedAt }]);
  });

  it('mutes the author with their notifications', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    await env.client.actOnMention(env.account, mention!, 'mute');
    expect(env.sim.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/api/v1/accounts/${mention!.author.id}/mute`,
      body: { notifications: true },
    });
    expect(env.sim.mentionActions()).toEqual([{ action: 'mute', accountId: mention!.author.id, at: env.clock.iso(), note: 'true' }]);
  });

  it('reports the status as spam with the reason as the comment', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { status } = await notification(env, mention!.id);
    await env.client.actOnMention(env.account, mention!, 'report-spam', { reason: 'same link in 40 replies' });
    expect(env.sim.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/reports',
      body: { account_id: mention!.author.id, status_ids: [status.id], category: 'spam', comment: 'same link in 40 replies' },
    });
    expect(env.sim.mentionActions()).toEqual([
      { action: 'report-spam', statusId: status.id, accountId: mention!.author.id, at: env.clock.iso(), note: 'same link in 40 replies' },
    ]);
  });

  it('deletes the account’s own reply', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { published } = await env.client.publish(env.account, { text: 'thanks!' });
    const own: Mention = { ...mention!, id: published.parts[0]!.id, author: { id: env.accountId, handle: env.sim.account.handle } };
    await env.client.actOnMention(env.account, own, 'delete');
    expect(env.sim.posts().find((post) => post.id === own.id)?.deleted).toBe(true);
  });

  it('refuses hide before any request, listing what Mastodon supports', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const before = env.sim.requests.length;
    const error = await env.client.actOnMention(env.account, mention!, 'hide').catch((caught: unknown) => caught);
    expect(UnsupportedFeatureError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Mastodon cannot "hide" a mention through its API (it supports: like, unlike, delete, block, mute, report-spam)',
    );
    expect(env.sim.requests.length).toBe(before);
  });
});
