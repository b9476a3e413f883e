import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { xrpcClient } from './__tests__/xrpc-client.js';
import { createBlueskySimulator } from './index.js';

const START = '2026-01-05T09:00:00.000Z';

function setup(options: Parameters<typeof createBlueskySimulator>[0] = {}) {
  const clock = createFakeClock({ now: START });
  const sim = createBlueskySimulator({ clock, seed: 3, ...options });
  const { call: xrpc, login, createPost: post } = xrpcClient(sim, START);
  return { clock, sim, xrpc, login, post };
}

describe('Bluesky simulator', () => {
  it('opens a session with an app password; access JWTs last 2 hours', async () => {
    const { sim, xrpc, login } = setup();
    const wrong = await xrpc('POST', 'com.atproto.server.createSession', {
      json: { identifier: sim.credentials.identifier, password: 'nope' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'AuthenticationRequired' } });
    const session = await login();
    expect(session.did).toBe(sim.account.id);
    const payload = JSON.parse(Buffer.from(session.accessJwt.split('.')[1]!, 'base64url').toString('utf8'));
    expect(payload.exp - payload.iat).toBe(7200);
    expect(payload.iat).toBe(1767603600);
  });

  it('answers an expired access token with 400 ExpiredToken; refreshSession is single-use', async () => {
    const { clock, xrpc, login, sim } = setup();
    const session = await login();
    await clock.advance(2 * 3_600_000);
    const expired = await xrpc('GET', 'app.bsky.actor.getProfile', { token: session.accessJwt, query: `actor=${sim.account.id}` });
    expect(expired).toMatchObject({ status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } });
    const refreshed = await xrpc('POST', 'com.atproto.server.refreshSession', { token: session.refreshJwt });
    expect(refreshed.status).toBe(200);
    expect(
      (await xrpc('GET', 'app.bsky.actor.getProfile', { token: refreshed.body.accessJwt, query: `actor=${sim.account.id}` })).body
        .followersCount,
    ).toBeGreaterThan(0);
    expect((await xrpc('POST', 'com.atproto.server.refreshSession', { token: session.refreshJwt })).body.error).toBe('ExpiredToken');
  });

  it('creates posts as records with TID rkeys, spends 3 points per create and 1 per delete', async () => {
    const { sim, login, post, xrpc } = setup();
    const { accessJwt } = await login();
    const created = await post(accessJwt, { text: 'hello atproto', langs: ['en'] });
    expect(created.body.uri).toMatch(new RegExp(`^at://${sim.account.id}/app\\.bsky\\.feed\\.post/[234567a-z]{13}$`));
    expect(created.body.cid).toMatch(/^bafyrei[a-z2-7]{52}$/);
    expect(created.headers.get('ratelimit-limit')).toBe('5000');
    expect(created.headers.get('ratelimit-remaining')).toBe('4997');
    expect(created.headers.get('ratelimit-policy')).toBe('5000;w=3600');
    expect(created.headers.get('ratelimit-reset')).toBe(String(1767603600 + 3600));
    const rkey = created.body.uri.split('/').pop();
    const deleted = await xrpc('POST', 'com.atproto.repo.deleteRecord', {
      token: accessJwt,
      json: { repo: sim.account.id, collection: 'app.bsky.feed.post', rkey },
    });
    expect(deleted.headers.get('ratelimit-remaining')).toBe('4996');
    const read = await xrpc('GET', 'app.bsky.feed.getPosts', { token: accessJwt, query: `uris=${encodeURIComponent(created.body.uri)}` });
    expect(read.body.posts).toEqual([]);
  });

  it('validates records: reply needs root and parent, text ≤ 300 graphemes, a taken rkey is refused', async () => {
    const { login, post } = setup();
    const { accessJwt } = await login();
    const root = (await post(accessJwt, { text: 'root' })).body as { uri: string; cid: string };
    expect((await post(accessJwt, { text: 'half reply', reply: { parent: root } })).body.error).toBe('InvalidRequest');
    expect((await post(accessJwt, { text: 'reply', reply: { root, parent: root } })).status).toBe(200);
    const flags = '🇷🇴'.repeat(300); // 300 graphemes, 2 400 bytes
    expect((await post(accessJwt, { text: flags })).status).toBe(200);
    expect((await post(accessJwt, { text: `${flags}!` })).body.message).toContain('300 graphemes');
    expect((await post(accessJwt, { text: 'a' }, { rkey: '3kabcdefghijk' })).status).toBe(200);
    expect((await post(accessJwt, { text: 'b' }, { rkey: '3kabcdefghijk' })).body.message).toContain('already exists');
  });

  it('resolves handles to DIDs and reads records back with getRecord (RecordNotFound when absent)', async () => {
    const { sim, login, post, xrpc } = setup();
    expect((await xrpc('GET', 'com.atproto.identity.resolveHandle', { query: `handle=${sim.credentials.identifier}` })).body).toEqual({
      did: sim.account.id,
    });
    const unknown = await xrpc('GET', 'com.atproto.identity.resolveHandle', { query: 'handle=nobody.example.com' });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'InvalidRequest', message: 'Unable to resolve handle' } });
    const { accessJwt } = await login();
    const created = (await post(accessJwt, { text: 'kept' }, { rkey: '3kabcdefghijk' })).body as { uri: string; cid: string };
    const query = (rkey: string) => `repo=${encodeURIComponent(sim.account.id)}&collection=app.bsky.feed.post&rkey=${rkey}`;
    const found = await xrpc('GET', 'com.atproto.repo.getRecord', { query: query('3kabcdefghijk') });
    expect(found.body).toMatchObject({ uri: created.uri, cid: created.cid, value: { text: 'kept' } });
    const missing = await xrpc('GET', 'com.atproto.repo.getRecord', { query: query('3kaaaaaaaaaaa') });
    expect(missing).toMatchObject({ status: 400, body: { error: 'RecordNotFound' } });
  });

  it('putRecord swaps on the record’s CID: null means "must not exist yet", a stale CID is InvalidSwap', async () => {
    const { sim, login, xrpc } = setup();
    const { accessJwt } = await login();
    const put = (swapRecord: string | null, hiddenReplies: string[]) =>
      xrpc('POST', 'com.atproto.repo.putRecord', {
        token: accessJwt,
        json: {
          repo: sim.account.id,
          collection: 'app.bsky.feed.threadgate',
          rkey: '3kabcdefghijk',
          swapRecord,
          record: {
            $type: 'app.bsky.feed.threadgate',
            post: `at://${sim.account.id}/app.bsky.feed.post/3kabcdefghijk`,
            hiddenReplies,
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        },
      });
    const created = await put(null, []);
    expect(created.status).toBe(200);
    const { cid } = created.body as { cid: string };
    expect(await put(null, [])).toMatchObject({ status: 400, body: { error: 'InvalidSwap', message: `Record was at ${cid}` } });
    // A changed list is a new CID: the old one no longer swaps.
    const hidden = [`at://did:plc:someone/app.bsky.feed.post/3kzzzzzzzzzzz`];
    const updated = await put(cid, hidden);
    expect(updated.status).toBe(200);
    expect((updated.body as { cid: string }).cid).not.toBe(cid);
    expect(await put(cid, [])).toMatchObject({ status: 400, body: { error: 'InvalidSwap' } });
  });

  it('reports post counts (no bookmarks unless asked) and embeds only uploaded blobs ≤ 1 MB', async () => {
    const { clock, sim, login, post, xrpc } = setup();
    const { accessJwt } = await login();
    const tooBig = await xrpc('POST', 'com.atproto.repo.uploadBlob', {
      token: accessJwt,
      body: new Uint8Array(1_000_001),
      type: 'image/png',
    });
    expect(tooBig.body.error).toBe('BlobTooLarge');
    const blob = (await xrpc('POST', 'com.atproto.repo.uploadBlob', { token: accessJwt, body: new Uint8Array(70), type: 'image/png' })).body
      .blob;
    expect(blob).toMatchObject({ $type: 'blob', mimeType: 'image/png', size: 70 });
    const image = { $type: 'app.bsky.embed.images', images: [{ image: blob, alt: 'a pixel' }] };
    const created = await post(accessJwt, { text: 'pic', embed: image });
    expect(sim.posts()[0]!.mediaIds).toEqual([blob.ref.$link]);
    await clock.advance(3_600_000);
    const view = (await xrpc('GET', 'app.bsky.feed.getPosts', { token: accessJwt, query: `uris=${encodeURIComponent(created.body.uri)}` }))
      .body.posts[0];
    expect(view).toMatchObject({ uri: created.body.uri, cid: created.body.cid, record: { text: 'pic', embed: image } });
    expect(Object.keys(sim.reportedPostMetrics(created.body.uri)).sort()).toEqual(['likeCount', 'quoteCount', 'replyCount', 'repostCount']);
    expect('bookmarkCount' in view).toBe(false);
  });

  it('pages notifications by cursor to the end, mixing follows with mentions and replies', async () => {
    const { sim, login, xrpc } = setup({ mentionBacklog: 30 });
    const { accessJwt } = await login();
    const reasons: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await xrpc('GET', 'app.bsky.notification.listNotifications', {
        token: accessJwt,
        query: `limit=8${cursor ? `&cursor=${cursor}` : ''}`,
      });
      pages += 1;
      reasons.push(...page.body.notifications.map((notification: { reason: string }) => notification.reason));
      cursor = page.body.cursor;
    } while (cursor);
    expect(pages).toBe(4);
    expect(reasons).toHaveLength(30);
    expect(reasons.filter((reason) => reason !== 'follow')).toHaveLength(sim.mentionCount());
    expect(reasons).toContain('follow');
  });

  it('refuses writes beyond the hourly points and accepts them again an hour later', async () => {
    const { clock, login, post } = setup({ limits: { hourlyPoints: { limit: 7, windowMs: 3_600_000 } } });
    const { accessJwt } = await login();
    expect((await post(accessJwt, { text: 'one' })).status).toBe(200);
    expect((await post(accessJwt, { text: 'two' })).status).toBe(200);
    const limited = await post(accessJwt, { text: 'three' });
    expect(limited).toMatchObject({ status: 429, body: { error: 'RateLimitExceeded' } });
    expect(limited.headers.get('ratelimit-remaining')).toBe('1');
    await clock.advance(3_600_000);
    expect((await post(accessJwt, { text: 'three' })).status).toBe(200);
  });
});
