import { ValidationError, type Mention } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

type Env = ReturnType<typeof testEnv>;

async function listed(env: Env): Promise<Mention[]> {
  return (await env.client.listMentions(env.account, { limit: 100 })).items;
}

// Writes the adapter sent (the sessions `view` opens left out).
const posts = (env: Env, from: number) =>
  env.sim.requests
    .slice(from)
    .filter((request) => request.method === 'POST' && request.path !== '/xrpc/com.atproto.server.createSession')
    .map(({ path, body }) => ({ path, body }));

// The mention's post as the AppView shows it to the account, read past the adapter.
async function view(env: Env, uri: string) {
  const session = await env.sim.fetch(`${env.sim.baseUrl}/xrpc/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(env.sim.credentials),
  });
  const { accessJwt } = (await session.json()) as { accessJwt: string };
  const response = await env.sim.fetch(`${env.sim.baseUrl}/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(uri)}`, {
    headers: { authorization: `Bearer ${accessJwt}` },
  });
  const { posts: found } = (await response.json()) as { posts: Array<{ cid: string; likeCount: number; viewer: { like?: string } }> };
  return found[0]!;
}

describe('Bluesky: actions on mentions', () => {
  it('likes a mention with an app.bsky.feed.like record (uri + cid) and unlikes it by deleting that record', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { cid } = await view(env, mention!.id);
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, mention!, 'like');
    const liked = await view(env, mention!.id);
    expect(liked.likeCount).toBe(1);
    const [write] = posts(env, before);
    expect(write).toMatchObject({
      path: '/xrpc/com.atproto.repo.createRecord',
      body: {
        repo: env.accountId,
        collection: 'app.bsky.feed.like',
        record: { $type: 'app.bsky.feed.like', subject: { uri: mention!.id, cid } },
      },
    });
    const likeRkey = liked.viewer.like!.split('/').at(-1);
    await env.client.actOnMention(env.account, mention!, 'like'); // already liked: no second record
    await env.client.actOnMention(env.account, mention!, 'unlike');
    expect(posts(env, before).map((request) => request.path)).toEqual([
      '/xrpc/com.atproto.repo.createRecord',
      '/xrpc/com.atproto.repo.deleteRecord',
    ]);
    expect(posts(env, before)[1]!.body).toEqual({ repo: env.accountId, collection: 'app.bsky.feed.like', rkey: likeRkey });
    expect((await view(env, mention!.id)).likeCount).toBe(0);
    expect(env.sim.mentionActions().map((entry) => [entry.action, entry.uri])).toEqual([
      ['like', mention!.id],
      ['unlike', mention!.id],
    ]);
  });

  it('blocks the author with an app.bsky.graph.block record: their later mentions stop', async () => {
    const env = testEnv();
    const twin = testEnv();
    const [mention] = await listed(env);
    await env.client.actOnMention(env.account, mention!, 'block');
    const blockedAt = env.clock.iso();
    expect(env.sim.requests.at(-1)).toMatchObject({
      path: '/xrpc/com.atproto.repo.createRecord',
      body: { collection: 'app.bsky.graph.block', record: { $type: 'app.bsky.graph.block', subject: mention!.author.id } },
    });
    await env.clock.advance(24 * 3_600_000);
    await twin.clock.advance(24 * 3_600_000);
    const later = (items: Mention[]) => items.filter((item) => item.author.id === mention!.author.id && item.createdAt > blockedAt);
    expect(later(await listed(twin)).length).toBeGreaterThan(0);
    expect(later(await listed(env))).toEqual([]);
  });

  it('mutes the author (app.bsky.graph.muteActor) and reports the post as spam (createReport, strong ref)', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { cid } = await view(env, mention!.id);
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, mention!, 'mute');
    await env.client.actOnMention(env.account, mention!, 'report-spam', { reason: 'crypto giveaway' });
    expect(posts(env, before)).toEqual([
      { path: '/xrpc/app.bsky.graph.muteActor', body: { actor: mention!.author.id } },
      {
        path: '/xrpc/com.atproto.moderation.createReport',
        body: {
          reasonType: 'com.atproto.moderation.defs#reasonSpam',
          subject: { $type: 'com.atproto.repo.strongRef', uri: mention!.id, cid },
          reason: 'crypto giveaway',
        },
      },
    ]);
    expect(env.sim.mentionActions().map(({ action, did, reason }) => ({ action, did, reason }))).toEqual([
      { action: 'mute', did: mention!.author.id, reason: undefined },
      { action: 'report-spam', did: mention!.author.id, reason: 'crypto giveaway' },
    ]);
  });

  it('deletes the account’s own reply', async () => {
    const env = testEnv();
    const [mention] = await listed(env);
    const { published } = await env.client.publish(env.account, { text: 'thank you!' });
    const own: Mention = { ...mention!, id: published.parts[0]!.id, author: { id: env.accountId, handle: env.sim.account.handle } };
    await env.client.actOnMention(env.account, own, 'delete');
    expect(env.sim.posts().find((post) => post.id === own.id)?.deleted).toBe(true);
  });

  it('hides a reply under the account’s post in the root’s threadgate, and shows it again (putRecord, swapRecord)', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'launch day' });
    const root = published.parts[0]!.id;
    env.sim.addMention({ text: 'first!', kind: 'reply', postId: root });
    env.sim.addMention({ text: 'buy followers here', kind: 'reply', postId: root });
    const replies = (await listed(env)).filter((item) => item.kind === 'reply' && item.subject?.id === root);
    const first = replies.find((item) => item.text === 'first!')!;
    const second = replies.find((item) => item.text === 'buy followers here')!;
    expect([first, second].every(Boolean)).toBe(true);
    const rkey = root.split('/').at(-1)!;
    const before = env.sim.requests.length;
    await env.client.actOnMention(env.account, first, 'hide');
    await env.client.actOnMention(env.account, first, 'hide'); // already hidden: read, no second write
    await env.client.actOnMention(env.account, second, 'hide');
    await env.client.actOnMention(env.account, first, 'unhide');
    const writes = posts(env, before).filter((request) => request.path === '/xrpc/com.atproto.repo.putRecord');
    expect(writes.map((write) => (write.body as { record: { hiddenReplies: string[] } }).record.hiddenReplies)).toEqual([
      [first.id],
      [first.id, second.id],
      [second.id],
    ]);
    // The first write creates the gate (swap with nothing); later ones swap on the CID they read.
    expect(writes[0]!.body).toMatchObject({
      repo: env.accountId,
      collection: 'app.bsky.feed.threadgate',
      rkey,
      swapRecord: null,
      record: { $type: 'app.bsky.feed.threadgate', post: root },
    });
    expect((writes[0]!.body as { record: object }).record).not.toHaveProperty('allow'); // who may reply is unchanged
    expect(typeof (writes[1]!.body as { swapRecord: unknown }).swapRecord).toBe('string');
    expect(env.sim.mentionActions().map((entry) => [entry.action, entry.uri])).toEqual([
      ['hide', first.id],
      ['hide', second.id],
      ['unhide', first.id],
    ]);
  });

  it('keeps reply rules another app set on the gate, and reads again when the gate changed underneath (InvalidSwap)', async () => {
    let race: (() => Promise<void>) | undefined;
    const env = testEnv({
      // Another app writes a gate (followers only) between the adapter's read and its first write.
      fetch: (simulatorFetch) => async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (race && url.endsWith('/xrpc/com.atproto.repo.putRecord')) {
          const write = race;
          race = undefined;
          await write();
        }
        return simulatorFetch(input, init);
      },
    });
    const { published } = await env.client.publish(env.account, { text: 'followers only' });
    const root = published.parts[0]!.id;
    env.sim.addMention({ text: 'spam spam', kind: 'reply', postId: root });
    const reply = (await listed(env)).find((item) => item.kind === 'reply' && item.text === 'spam spam')!;
    const otherApp = { $type: 'app.bsky.feed.threadgate', post: root, allow: [{ $type: 'app.bsky.feed.threadgate#followerRule' }] };
    race = async () => {
      const session = await env.sim.fetch(`${env.sim.baseUrl}/xrpc/com.atproto.server.createSession`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(env.sim.credentials),
      });
      const { accessJwt } = (await session.json()) as { accessJwt: string };
      const written = await env.sim.fetch(`${env.sim.baseUrl}/xrpc/com.atproto.repo.putRecord`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessJwt}` },
        body: JSON.stringify({
          repo: env.accountId,
          collection: 'app.bsky.feed.threadgate',
          rkey: root.split('/').at(-1),
          record: { ...otherApp, createdAt: env.clock.iso() },
        }),
      });
      expect(written.status).toBe(200);
    };
    await env.client.actOnMention(env.account, reply, 'hide');
    // The other app's write carries no swapRecord; the adapter's always do.
    const writes = env
      .calls('com.atproto.repo.putRecord')
      .map((request) => request.body as { swapRecord?: unknown; record: object })
      .filter((body) => 'swapRecord' in body);
    // The adapter's create (swap with nothing) lost to the other app's gate; it read again and swapped on that gate's CID.
    expect(writes.map((write) => write.swapRecord)).toEqual([null, expect.any(String)]);
    expect(writes[1]!.record).toMatchObject({ ...otherApp, hiddenReplies: [reply.id] });
    expect(env.sim.mentionActions().map((entry) => entry.action)).toEqual(['hide']);
  });

  it('refuses to hide a mention that is not a reply, naming what to do instead', async () => {
    const env = testEnv();
    const mention = (await listed(env)).find((item) => item.kind === 'mention')!;
    const error = await env.client.actOnMention(env.account, mention, 'hide').catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`Bluesky hides replies only, and ${mention.id} is not a reply to a thread`);
    expect(env.sim.requests.some((request) => request.path === '/xrpc/com.atproto.repo.putRecord')).toBe(false);
    expect(env.sim.mentionActions()).toEqual([]);
  });
});
