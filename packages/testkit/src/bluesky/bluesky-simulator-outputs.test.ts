import { schemas } from '@atproto/api';
import { Lexicons, jsonToLex, type LexiconDoc } from '@atproto/lexicon';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { xrpcClient } from './__tests__/xrpc-client.js';
import { createBlueskySimulator } from './index.js';

// The simulator's answers, checked against the official lexicons' output schemas with a
// Lexicons instance of this test's own (not the simulator's validation code).
const lexicons = new Lexicons(schemas as LexiconDoc[]);
const START = '2026-01-05T09:00:00.000Z';

describe('Bluesky simulator: every answer obeys its lexicon', () => {
  it('answers each method it serves with an output its lexicon accepts', async () => {
    const clock = createFakeClock({ now: START });
    const sim = createBlueskySimulator({ clock, seed: 9, mentionBacklog: 12, bookmarks: true });
    const checked = new Set<string>();
    const client = xrpcClient(sim, START);
    const call = async (method: 'GET' | 'POST', nsid: string, init: Parameters<typeof client.call>[2] = {}) => {
      const { status, body } = await client.call(method, nsid, init);
      expect({ nsid, status }).toEqual({ nsid, status: 200 });
      expect(() => lexicons.assertValidXrpcOutput(nsid, jsonToLex(body))).not.toThrow();
      checked.add(nsid);
      return body;
    };
    const session = await call('POST', 'com.atproto.server.createSession', { json: sim.credentials });
    const refreshed = await call('POST', 'com.atproto.server.refreshSession', { token: session.refreshJwt });
    const token = refreshed.accessJwt as string;
    const repo = sim.account.id;
    const { blob } = await call('POST', 'com.atproto.repo.uploadBlob', {
      token,
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9]),
      type: 'image/png',
    });
    const post = { $type: 'app.bsky.feed.post', text: 'hello', createdAt: START };
    const root = await call('POST', 'com.atproto.repo.createRecord', {
      token,
      json: {
        repo,
        collection: 'app.bsky.feed.post',
        record: { ...post, embed: { $type: 'app.bsky.embed.images', images: [{ image: blob, alt: '' }] } },
      },
    });
    const rootRef = { uri: root.uri, cid: root.cid };
    const reply = await call('POST', 'com.atproto.repo.createRecord', {
      token,
      json: { repo, collection: 'app.bsky.feed.post', record: { ...post, text: 'reply', reply: { root: rootRef, parent: rootRef } } },
    });
    await call('POST', 'com.atproto.repo.putRecord', {
      token,
      json: {
        repo,
        collection: 'app.bsky.feed.post',
        rkey: reply.uri.split('/').pop(),
        record: { ...post, text: 'edited', reply: { root: rootRef, parent: rootRef } },
      },
    });
    await call('POST', 'com.atproto.repo.applyWrites', {
      token,
      json: {
        repo,
        writes: [
          {
            $type: 'com.atproto.repo.applyWrites#create',
            collection: 'app.bsky.feed.like',
            value: { $type: 'app.bsky.feed.like', subject: rootRef, createdAt: START },
          },
          {
            $type: 'com.atproto.repo.applyWrites#create',
            collection: 'app.bsky.feed.repost',
            value: { $type: 'app.bsky.feed.repost', subject: rootRef, createdAt: START },
          },
        ],
      },
    });
    await call('GET', 'com.atproto.repo.getRecord', {
      query: `repo=${repo}&collection=app.bsky.feed.post&rkey=${root.uri.split('/').pop()}`,
    });
    const listed = await call('GET', 'com.atproto.repo.listRecords', { query: `repo=${repo}&collection=app.bsky.feed.post&limit=1` });
    expect(listed.records).toHaveLength(1);
    expect(listed.cursor).toEqual(expect.any(String));
    await call('GET', 'app.bsky.feed.getPosts', {
      token,
      query: `uris=${encodeURIComponent(root.uri)}&uris=${encodeURIComponent(reply.uri)}`,
    });
    await call('GET', 'com.atproto.identity.resolveHandle', { query: `handle=${sim.credentials.identifier}` });
    await call('GET', 'app.bsky.actor.getProfile', { token, query: `actor=${repo}` });
    sim.addMention({ text: `@${sim.account.handle} nice`, kind: 'reply', postId: root.uri, language: 'en' });
    let cursor: string | undefined;
    do {
      const page = await call('GET', 'app.bsky.notification.listNotifications', {
        token,
        query: `limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      });
      cursor = page.cursor;
    } while (cursor);
    await call('POST', 'com.atproto.repo.deleteRecord', {
      token,
      json: { repo, collection: 'app.bsky.feed.post', rkey: reply.uri.split('/').pop() },
    });
    expect([...checked].sort()).toEqual(
      [
        'app.bsky.actor.getProfile',
        'app.bsky.feed.getPosts',
        'app.bsky.notification.listNotifications',
        'com.atproto.identity.resolveHandle',
        'com.atproto.repo.applyWrites',
        'com.atproto.repo.createRecord',
        'com.atproto.repo.deleteRecord',
        'com.atproto.repo.getRecord',
        'com.atproto.repo.listRecords',
        'com.atproto.repo.putRecord',
        'com.atproto.repo.uploadBlob',
        'com.atproto.server.createSession',
        'com.atproto.server.refreshSession',
      ].sort(),
    );
  });
});
