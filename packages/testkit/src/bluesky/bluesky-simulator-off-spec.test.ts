import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { xrpcClient } from './__tests__/xrpc-client.js';
import { createBlueskySimulator } from './index.js';

// Each request below breaks one rule of the official lexicons (or the TID / record-key specs);
// a PDS answers every one with HTTP 400 and an XRPC error body { error: 'InvalidRequest', message }.

const START = '2026-01-05T09:00:00.000Z';

async function setup() {
  const clock = createFakeClock({ now: START });
  const sim = createBlueskySimulator({ clock, seed: 5 });
  const { call, login, createPost } = xrpcClient(sim, START);
  const token = (await login()).accessJwt;
  const create = (record: Record<string, unknown>, extra: Record<string, unknown> = {}) => createPost(token, record, extra);
  return { sim, call, token, create };
}

const refused = (message: RegExp) => ({ status: 400, body: { error: 'InvalidRequest', message: expect.stringMatching(message) } });

describe('Bluesky simulator: off-spec requests are refused as a PDS refuses them', () => {
  it('refuses records that break app.bsky.feed.post', async () => {
    const { create } = await setup();
    const link = { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com' };
    // A facet must say where it applies.
    expect(await create({ text: 'see https://example.com', facets: [{ features: [link] }] })).toMatchObject(
      refused(/facets\/0 must have the property "index"/),
    );
    // byteStart must be an integer ≥ 0.
    expect(await create({ text: 'x', facets: [{ index: { byteStart: -1, byteEnd: 1 }, features: [link] }] })).toMatchObject(
      refused(/byteStart/),
    );
    // 301 graphemes; then 121 family emoji: 121 graphemes but 3 025 UTF-8 bytes (25 each), over maxLength 3000.
    expect(await create({ text: 'a'.repeat(301) })).toMatchObject(refused(/text must not be longer than 300 graphemes/));
    expect(await create({ text: '👨‍👩‍👧‍👦'.repeat(121) })).toMatchObject(refused(/text must not be longer than 3000 characters/));
    expect((await create({ text: '👨‍👩‍👧‍👦'.repeat(120) })).status).toBe(200);
    // createdAt is required, and must be an atproto datetime.
    expect(await create({ createdAt: undefined, text: 'when?' })).toMatchObject(refused(/must have the property "createdAt"/));
    expect(await create({ text: 'when?', createdAt: 'yesterday' })).toMatchObject(refused(/createdAt must be an valid atproto datetime/));
    // langs holds at most 3 BCP 47 tags.
    expect(await create({ text: 'hi', langs: ['not a language'] })).toMatchObject(
      refused(/langs\/0 must be a well-formed BCP 47 language tag/),
    );
    expect(await create({ text: 'hi', langs: ['en', 'ro', 'fa', 'de'] })).toMatchObject(
      refused(/langs must not have more than 3 elements/),
    );
    // An embed without a $type cannot be told apart (unions are open to unknown $types, but each member names its type).
    expect(await create({ text: 'hi', embed: { images: [] } })).toMatchObject(refused(/embed/));
    // A reply needs both root and parent.
    expect(
      await create({ text: 'hi', reply: { parent: { uri: 'at://did:plc:abc/app.bsky.feed.post/3kabcdefghijk', cid: 'x' } } }),
    ).toMatchObject(refused(/reply must have the property "root"/));
  });

  it('refuses record embeds and reply refs that are not strong refs to the record as it is', async () => {
    const { create, sim } = await setup();
    const first = (await create({ text: 'quoted' })).body as { uri: string; cid: string };
    // No CID at all: not a com.atproto.repo.strongRef.
    expect(await create({ text: 'q', embed: { $type: 'app.bsky.embed.record', record: { uri: first.uri } } })).toMatchObject(
      refused(/record must have the property "cid"/),
    );
    // A CID that is not a CID.
    expect(
      await create({ text: 'q', embed: { $type: 'app.bsky.embed.record', record: { uri: first.uri, cid: 'not-a-cid' } } }),
    ).toMatchObject(refused(/cid/));
    // A well-formed CID, but of other content.
    const other = (await create({ text: 'other' })).body as { uri: string; cid: string };
    expect(
      await create({ text: 'q', embed: { $type: 'app.bsky.embed.record', record: { uri: first.uri, cid: other.cid } } }),
    ).toMatchObject(refused(/is not the CID of/));
    expect(await create({ text: 'r', reply: { root: { uri: first.uri, cid: other.cid }, parent: first } })).toMatchObject(
      refused(/reply\/root\/cid/),
    );
    // A record the network does not hold.
    const ghost = `at://${sim.account.id}/app.bsky.feed.post/3kaaaaaaaaaaa`;
    expect(
      await create({ text: 'r', reply: { root: { uri: ghost, cid: first.cid }, parent: { uri: ghost, cid: first.cid } } }),
    ).toMatchObject(refused(/could not locate record/));
    // The right refs pass.
    expect((await create({ text: 'q', embed: { $type: 'app.bsky.embed.record', record: first } })).status).toBe(200);
  });

  it('refuses a bad record key, an unknown $type and a body that is not the lexicon input', async () => {
    const { create, call, token, sim } = await setup();
    // app.bsky.feed.post records are keyed by TID: 13 base32-sortable characters, first one 2–j.
    expect(await create({ text: 'k' }, { rkey: 'my-post' })).toMatchObject(refused(/record key/i));
    expect(await create({ text: 'k' }, { rkey: 'zzzzzzzzzzzzz' })).toMatchObject(refused(/record key/i));
    expect(await create({ text: 'k' }, { rkey: '..' })).toMatchObject(refused(/record key/i));
    // $type must be the collection, and a record type no lexicon defines is refused when validation is asked for.
    expect(await create({ $type: 'app.bsky.feed.like', text: 'k' })).toMatchObject(refused(/Invalid \$type/));
    expect(
      await call('POST', 'com.atproto.repo.createRecord', {
        token,
        json: { repo: sim.account.id, collection: 'com.example.unknown', validate: true, record: { $type: 'com.example.unknown' } },
      }),
    ).toMatchObject(refused(/Unknown lexicon type: com.example.unknown/));
    // Input: repo must be a DID or handle, collection an NSID, record present.
    const input = (json: unknown) => call('POST', 'com.atproto.repo.createRecord', { token, json });
    expect(await input({ repo: 'not a repo', collection: 'app.bsky.feed.post', record: {} })).toMatchObject(refused(/Input\/repo/));
    expect(await input({ repo: sim.account.id, collection: 'feed post', record: {} })).toMatchObject(refused(/Input\/collection/));
    expect(await input({ repo: sim.account.id, collection: 'app.bsky.feed.post' })).toMatchObject(
      refused(/must have the property "record"/),
    );
    // JSON procedures take application/json only.
    expect(
      await call('POST', 'com.atproto.repo.deleteRecord', { token, json: { repo: sim.account.id }, type: 'text/plain' }),
    ).toMatchObject(refused(/Wrong request encoding/));
    // A like must point at its subject with a strong ref.
    expect(
      await input({
        repo: sim.account.id,
        collection: 'app.bsky.feed.like',
        record: { $type: 'app.bsky.feed.like', subject: { uri: 'at://did:plc:abc/app.bsky.feed.post/3kabcdefghijk' }, createdAt: START },
      }),
    ).toMatchObject(refused(/subject must have the property "cid"/));
  });

  it('refuses query parameters of the wrong type or out of range', async () => {
    const { call, token, sim } = await setup();
    // limit is an integer 1–100: "lots" decodes to 0 as on a PDS, and 0 is below the minimum.
    expect(await call('GET', 'app.bsky.notification.listNotifications', { token, query: 'limit=lots' })).toMatchObject(refused(/limit/));
    expect(await call('GET', 'app.bsky.notification.listNotifications', { token, query: 'limit=101' })).toMatchObject(refused(/limit/));
    // uris are at-uris, at most 25.
    expect(await call('GET', 'app.bsky.feed.getPosts', { token, query: 'uris=https://bsky.app/x' })).toMatchObject(refused(/uris/));
    const many = Array.from(
      { length: 26 },
      (_, index) => `uris=${encodeURIComponent(`at://${sim.account.id}/app.bsky.feed.post/3kabcdefghi${'ab'[index % 2]}${index % 10}`)}`,
    );
    expect(await call('GET', 'app.bsky.feed.getPosts', { token, query: many.join('&') })).toMatchObject(refused(/uris/));
    // Required parameters.
    expect(await call('GET', 'com.atproto.identity.resolveHandle')).toMatchObject(refused(/handle/));
    expect(await call('GET', 'com.atproto.identity.resolveHandle', { query: 'handle=not_a_handle' })).toMatchObject(refused(/handle/));
    expect(
      await call('GET', 'com.atproto.repo.getRecord', { query: `repo=${sim.account.id}&collection=app.bsky.feed.post` }),
    ).toMatchObject(refused(/rkey/));
    expect(await call('GET', 'app.bsky.actor.getProfile', { token, query: 'actor=' })).toMatchObject(refused(/actor/));
  });
});
