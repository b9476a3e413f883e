import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { noopLogger } from '@smm/core/adapter-kit';
import { PublishOutcomeUnknownError, UnsupportedFeatureError, ValidationError } from '@smm/core/adapter-kit';
import { parsePostDraft } from '@smm/core/adapter-kit';
import { testEnv, ONE_PIXEL_PNG_BASE64 } from './__tests__/test-env.js';

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const image = (alt: string) => ({
  kind: 'image' as const,
  source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  width: 1,
  height: 1,
  altText: alt,
});

describe('publishing', () => {
  it('sends createRecord as the lexicon describes: repo, collection, a TID rkey, and a post record with facets and langs', async () => {
    const { client, account, sim, calls } = testEnv();
    // "سلام " is 9 UTF-8 bytes; "@smm.bsky.social" 16; " " 1; "https://example.com" 19; " " 1; "#launch" 7.
    const text = 'سلام @smm.bsky.social https://example.com #launch';
    const { published } = await client.publish(account, { text, language: 'fa' });

    const [create] = calls('com.atproto.repo.createRecord');
    expect(create!.method).toBe('POST');
    expect(create!.headers['content-type']).toContain('application/json');
    expect(create!.headers.authorization).toMatch(/^Bearer .+\..+\..+$/);
    const body = create!.body as { repo: string; collection: string; rkey: string; record: Record<string, unknown> };
    expect(body.repo).toBe(sim.account.id);
    expect(body.collection).toBe('app.bsky.feed.post');
    expect(body.rkey).toMatch(TID);
    expect(body.record).toMatchObject({ $type: 'app.bsky.feed.post', text, langs: ['fa'] });
    expect(new Date(body.record.createdAt as string).toISOString()).toBe(body.record.createdAt);
    expect(body.record.facets).toEqual([
      { index: { byteStart: 9, byteEnd: 25 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: sim.account.id }] },
      { index: { byteStart: 26, byteEnd: 45 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com' }] },
      { index: { byteStart: 46, byteEnd: 53 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'launch' }] },
    ]);
    // The mentioned handle was resolved through the PDS.
    expect(calls('com.atproto.identity.resolveHandle').map((request) => request.query.handle)).toEqual(['smm.bsky.social']);
    expect(published.parts).toEqual([
      {
        platform: 'bluesky',
        accountId: sim.account.id,
        id: `at://${sim.account.id}/app.bsky.feed.post/${body.rkey}`,
        url: `https://bsky.app/profile/smm.bsky.social/post/${body.rkey}`,
        extra: { cid: sim.posts()[0]!.extra.cid },
      },
    ]);
  });

  it('leaves a handle that does not resolve as plain text (no facet), and skips resolution when turned off', async () => {
    const first = testEnv();
    await first.client.publish(first.account, { text: 'hi @nobody.example.com' });
    expect(first.calls('com.atproto.identity.resolveHandle')).toHaveLength(1);
    expect((first.calls('com.atproto.repo.createRecord')[0]!.body as { record: object }).record).not.toHaveProperty('facets');

    const off = testEnv({ settings: { resolveMentions: false } });
    await off.client.publish(off.account, { text: 'hi @smm.bsky.social' });
    expect(off.calls('com.atproto.identity.resolveHandle')).toHaveLength(0);
  });

  it('publishes a thread: each part replies with { root, parent } strong refs (uri + cid)', async () => {
    const { client, account, sim, calls } = testEnv();
    const { published } = await client.publish(account, { text: 'one', thread: [{ text: 'two' }, { text: 'three' }] });
    const records = calls('com.atproto.repo.createRecord').map(
      (request) => (request.body as { record: { text: string; reply?: unknown } }).record,
    );
    const posts = sim.posts();
    const ref = (index: number) => ({ uri: posts[index]!.id, cid: posts[index]!.extra.cid });
    expect(records.map((record) => record.text)).toEqual(['one', 'two', 'three']);
    expect(records[0]!.reply).toBeUndefined();
    expect(records[1]!.reply).toEqual({ root: ref(0), parent: ref(0) });
    expect(records[2]!.reply).toEqual({ root: ref(0), parent: ref(1) });
    expect(published.parts.map((part) => part.id)).toEqual(posts.map((post) => post.id));
  });

  it('replies to a reply under the same root: root comes from the target, parent is the target', async () => {
    const { client, account, sim, calls } = testEnv();
    const { published: thread } = await client.publish(account, { text: 'root', thread: [{ text: 'child' }] });
    await client.reply(account, thread.parts[1]!, { text: 'answer' });
    const reply = (calls('com.atproto.repo.createRecord')[2]!.body as { record: { reply: unknown } }).record.reply;
    const [root, child] = sim.posts();
    expect(reply).toEqual({ root: { uri: root!.id, cid: root!.extra.cid }, parent: { uri: child!.id, cid: child!.extra.cid } });
  });

  it('uploads images with uploadBlob (raw bytes, their content type) and embeds them with alt text and aspect ratio', async () => {
    const { client, account, sim, calls } = testEnv();
    await client.publish(account, { text: 'pics', media: [image('first pixel'), image('second pixel')] });
    const uploads = calls('com.atproto.repo.uploadBlob');
    expect(uploads.map((request) => [request.method, request.headers['content-type'], request.bodySize])).toEqual([
      ['POST', 'image/png', 70],
      ['POST', 'image/png', 70],
    ]);
    // Both images are the same pixel: the same bytes are one blob (one CID), embedded twice.
    const blobs = sim.blobs();
    expect(blobs).toHaveLength(1);
    const ref = { $type: 'blob', ref: { $link: blobs[0]!.cid }, mimeType: 'image/png', size: 70 };
    const embed = (calls('com.atproto.repo.createRecord')[0]!.body as { record: { embed: unknown } }).record.embed;
    expect(embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        { image: ref, alt: 'first pixel', aspectRatio: { width: 1, height: 1 } },
        { image: ref, alt: 'second pixel', aspectRatio: { width: 1, height: 1 } },
      ],
    });
    expect(sim.posts()[0]!.mediaIds).toEqual([blobs[0]!.cid, blobs[0]!.cid]);
  });

  it('refuses a video whose alt text is over the 1 000 graphemes app.bsky.embed.video takes, before uploading anything', async () => {
    const { client, account, sim, calls } = testEnv();
    const video = (altText: string) => ({
      kind: 'video' as const,
      source: { type: 'bytes' as const, base64: 'AAAAIGZ0eXBpc29t' },
      mimeType: 'video/mp4',
      altText,
    });
    // 1 001 emoji flags: 1 001 graphemes (8 bytes each), under core's 2 000-character image cap but over the lexicon's video cap.
    const outcome = await client.publish(account, { text: 'clip', media: [video('🇷🇴'.repeat(1001))] }).catch((error: unknown) => error);
    expect(ValidationError.isInstance(outcome)).toBe(true);
    expect((outcome as ValidationError).issues).toContainEqual(
      expect.objectContaining({ path: ['media', 0, 'altText'], code: 'alt_text_too_long' }),
    );
    expect(calls('com.atproto.repo.uploadBlob')).toHaveLength(0);
    // Exactly 1 000 graphemes is fine and reaches the network.
    await client.publish(account, { text: 'clip', media: [video('a'.repeat(1000))] });
    expect(sim.posts()).toHaveLength(1);
  });

  it('reads media given by URL as a stream from its server, never sending the token there', async () => {
    const png = Uint8Array.from(atob(ONE_PIXEL_PNG_BASE64), (char) => char.charCodeAt(0));
    const seen: Array<{ method: string; authorization: string | undefined }> = [];
    // A media server on 127.0.0.1: core reads the URL (HEAD, then GET) and the adapter streams it on.
    const cdn = createServer((request, response) => {
      seen.push({ method: request.method!, authorization: request.headers.authorization });
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
      response.end(request.method === 'HEAD' ? undefined : png);
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/pixel.png`;
    try {
      const env = testEnv();
      await env.client.publish(env.account, {
        text: 'from a media server',
        media: [{ kind: 'image', source: { type: 'url', url }, mimeType: 'image/png', altText: 'a pixel' }],
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((request) => request.authorization === undefined)).toBe(true);
      const upload = env.sim.requests.find((request) => request.path === '/xrpc/com.atproto.repo.uploadBlob')!;
      expect(upload.bodySize).toBe(png.length);
      expect(env.sim.posts()[0]!.mediaIds).toHaveLength(1);
    } finally {
      await new Promise((resolve) => cdn.close(resolve));
    }
  });

  it('refuses an image above 1 000 000 bytes before uploading anything', async () => {
    const { client, account, sim } = testEnv();
    const big = 'A'.repeat(1_333_336); // 1 000 002 bytes once decoded
    const outcome = client.publish(account, {
      text: 'big',
      media: [{ kind: 'image', source: { type: 'bytes', base64: big }, mimeType: 'image/png' }],
    });
    await expect(outcome).rejects.toSatisfy((error) => ValidationError.isInstance(error) && /at most 1000000 bytes/.test(error.message));
    expect(sim.requests.filter((request) => request.path.includes('uploadBlob') || request.path.includes('createRecord'))).toHaveLength(0);
  });

  it('turns draft.link into a link card when nothing else is embedded', async () => {
    const { client, account, calls } = testEnv();
    await client.publish(account, {
      text: 'Read the notes',
      link: 'https://example.com/notes',
      networkOptions: { bluesky: { linkCard: { title: 'Launch notes', description: 'What is new' } } },
    });
    expect((calls('com.atproto.repo.createRecord')[0]!.body as { record: { embed: unknown } }).record.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: { uri: 'https://example.com/notes', title: 'Launch notes', description: 'What is new' },
    });
  });

  it('refuses a link that would be lost (media take the only embed, the text lacks the link) before any request', async () => {
    const { client, account, sim } = testEnv();
    const outcome = client.publish(account, { text: 'pic', media: [image('a pixel')], link: 'https://example.com/notes' });
    await expect(outcome).rejects.toSatisfy((error) => ValidationError.isInstance(error) && error.issues[0]?.path.join('.') === 'link');
    expect(sim.requests).toHaveLength(0);
  });

  it('maps networkOptions: languages, self-labels, extra tags and a quote with media (recordWithMedia)', async () => {
    const { client, account, sim, calls } = testEnv();
    const { published } = await client.publish(account, { text: 'quoted' });
    const quote = { uri: published.parts[0]!.id, cid: published.parts[0]!.extra!.cid! };
    await client.publish(account, {
      text: 'look',
      language: 'en',
      media: [image('a pixel')],
      networkOptions: { bluesky: { langs: ['ro', 'en'], labels: ['graphic-media'], tags: ['smm', 'launch'], quote } },
    });
    const record = (calls('com.atproto.repo.createRecord')[1]!.body as { record: Record<string, unknown> }).record;
    expect(record.langs).toEqual(['ro', 'en']);
    expect(record.labels).toEqual({ $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'graphic-media' }] });
    expect(record.tags).toEqual(['smm', 'launch']);
    expect(record.embed).toMatchObject({
      $type: 'app.bsky.embed.recordWithMedia',
      record: { $type: 'app.bsky.embed.record', record: quote },
      media: { $type: 'app.bsky.embed.images', images: [{ alt: 'a pixel', image: { ref: { $link: sim.blobs()[0]!.cid } } }] },
    });
  });

  it('reports bad networkOptions with the draft, by path, and sends nothing', async () => {
    const { client, account, sim } = testEnv();
    const outcome = client.publish(account, {
      text: 'x',
      networkOptions: { bluesky: { langs: ['en', 'ro', 'fa', 'de'], labels: ['spicy'] } } as never,
    });
    const error = await outcome.catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['networkOptions.bluesky.langs', 'networkOptions.bluesky.labels.0']));
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses polls and scheduling as unsupported, before any request', async () => {
    const { client, account, sim } = testEnv();
    await expect(client.publish(account, { text: 'poll' }, { poll: { options: ['a', 'b'], durationMs: 3_600_000 } })).rejects.toSatisfy(
      UnsupportedFeatureError.isInstance,
    );
    expect(sim.requests).toHaveLength(0);
  });
});

describe('idempotent publishing (record keys derived from the idempotency key)', () => {
  it('a second publish with the same key returns the first post without writing again', async () => {
    const { client, account, sim, calls } = testEnv();
    const first = await client.publish(account, { text: 'once', thread: [{ text: 'twice' }] }, { idempotencyKey: 'launch-1' });
    const second = await client.publish(account, { text: 'once', thread: [{ text: 'twice' }] }, { idempotencyKey: 'launch-1' });
    expect(sim.posts()).toHaveLength(2);
    expect(second.published.parts.map((part) => part.id)).toEqual(first.published.parts.map((part) => part.id));
    expect(second.warnings.map((warning) => warning.code)).toContain('already_published');
    expect(calls('com.atproto.repo.createRecord')).toHaveLength(2);
  });

  it('a create whose answer is lost is retried within the same call and the record is adopted, not duplicated', async () => {
    const { client, account, sim, calls } = testEnv();
    sim.faults.inject({ kind: 'drop-after-send', match: 'POST /xrpc/com.atproto.repo.createRecord' });
    const { published } = await client.publish(account, { text: 'lost answer' });
    expect(sim.posts()).toHaveLength(1);
    expect(published.parts[0]!.id).toBe(sim.posts()[0]!.id);
    // Both attempts named the same record key.
    const keys = calls('com.atproto.repo.createRecord').map((request) => (request.body as { rkey: string }).rkey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(calls('com.atproto.repo.getRecord')).toHaveLength(1);
  });

  it('a thread interrupted after its first part resumes: the existing part is adopted, the rest created', async () => {
    const { client, account, sim } = testEnv({ httpOptions: { maxRetries: 0 } });
    let creates = 0;
    sim.faults.inject({ kind: '5xx', status: 503, count: 5, match: (request) => request.path.endsWith('createRecord') && ++creates >= 2 });
    const draft = { text: 'part one', thread: [{ text: 'part two' }] };
    await expect(client.publish(account, draft, { idempotencyKey: 'thread-9' })).rejects.toThrow();
    expect(sim.posts().map((post) => post.text)).toEqual(['part one']);
    sim.faults.clear();
    const { published } = await client.publish(account, draft, { idempotencyKey: 'thread-9' });
    const posts = sim.posts();
    expect(posts.map((post) => post.text)).toEqual(['part one', 'part two']);
    expect(published.parts.map((part) => part.id)).toEqual(posts.map((post) => post.id));
    expect(posts[1]!.replyToId).toBe(posts[0]!.id);
  });

  it('names records with TIDs that stand for the publish time, so readers sorting by record key place them right', async () => {
    const { client, account, clock } = testEnv();
    const publishedAt = clock.now();
    const { published } = await client.publish(account, { text: 'now', thread: [{ text: 'and then' }] }, { idempotencyKey: 'when-1' });
    // The TID spec's reading, by hand: 13 base32-sortable digits, drop the 10-bit clock id → µs since the epoch.
    const timeOf = (uri: string) => {
      const value = [...uri.split('/').pop()!].reduce(
        (acc, char) => acc * 32n + BigInt('234567abcdefghijklmnopqrstuvwxyz'.indexOf(char)),
        0n,
      );
      return Number((value >> 10n) / 1000n);
    };
    const times = published.parts.map((part) => timeOf(part.id));
    for (const time of times) expect(Math.abs(time - publishedAt)).toBeLessThan(5_000);
    expect(times[1]).toBeGreaterThan(times[0]!);
  });

  it('a retry hours later still finds the records its first attempt wrote under the same keys', async () => {
    const { client, account, sim, clock } = testEnv({ httpOptions: { maxRetries: 0 } });
    let creates = 0;
    sim.faults.inject({ kind: '5xx', status: 503, count: 5, match: (request) => request.path.endsWith('createRecord') && ++creates >= 2 });
    const draft = { text: 'first half', thread: [{ text: 'second half' }] };
    await expect(client.publish(account, draft, { idempotencyKey: 'late-1' })).rejects.toThrow();
    sim.faults.clear();
    await clock.advance(5 * 3_600_000);
    const { published } = await client.publish(account, draft, { idempotencyKey: 'late-1' });
    const posts = sim.posts();
    expect(posts.map((post) => post.text)).toEqual(['first half', 'second half']);
    expect(published.parts.map((part) => part.id)).toEqual(posts.map((post) => post.id));
    const again = await client.publish(account, draft, { idempotencyKey: 'late-1' });
    expect(again.warnings.map((warning) => warning.code)).toContain('already_published');
    expect(sim.posts()).toHaveLength(2);
  });

  it('refuses to adopt a record under the key that holds different content', async () => {
    const { client, account, sim, adapter, clock } = testEnv();
    await client.publish(account, { text: 'original' }, { idempotencyKey: 'k-1' });
    // Core looks the key up first and returns the original; call the adapter directly to reach its own guard.
    const context = {
      http: await client.http(account),
      account: client.accounts[0]!,
      credentials: { getHeaders: () => ({}) },
      clock,
      logger: noopLogger,
      signal: new AbortController().signal,
      idempotencyKey: 'k-1',
    };
    const draft = parsePostDraft({ text: 'changed' });
    const outcome = await adapter.doPublish({ draft, networkOptions: undefined }, context).catch((error: unknown) => error);
    expect(ValidationError.isInstance(outcome)).toBe(true);
    expect((outcome as ValidationError).issues[0]).toMatchObject({ path: ['text'], code: 'idempotency_key_reused' });
    expect(sim.posts().map((post) => post.text)).toEqual(['original']);
  });

  it('never reports an unknown outcome for a dropped create: the record key makes it safe to retry', async () => {
    const { client, account, sim } = testEnv();
    sim.faults.inject({ kind: 'drop-after-send', count: 1, match: 'createRecord' });
    const outcome = await client.publish(account, { text: 'safe' }).catch((error: unknown) => error);
    expect(PublishOutcomeUnknownError.isInstance(outcome)).toBe(false);
    expect(sim.posts()).toHaveLength(1);
  });
});
