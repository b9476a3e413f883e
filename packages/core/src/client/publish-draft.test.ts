import { pngFile } from '@smm/testkit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAdapter, type PublishInput } from '../adapter-kit/index.js';
import { createFakeClock } from '../clock/index.js';
import { createClient } from './index.js';

// A network that checks image files (so a URL image is read before publishing) and keeps what it was given.
function network(fetch: typeof globalThis.fetch | undefined, answer: () => unknown = () => ({ parts: [{ id: '1' }] })) {
  const published: PublishInput[] = [];
  const adapter = defineAdapter<unknown, { token: string }>({
    platform: 'memo',
    displayName: 'Memo',
    capabilities: {
      content: {
        text: { id: 'memo', method: 'graphemes', maxLength: 100 },
        media: { maxItems: 1, kinds: ['image'], files: { image: { formats: ['image/png'], maxBytes: 1_000_000 } } },
        threads: false,
      },
      visibilities: ['public'],
      replies: true,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention'],
      postMetrics: [],
      accountMetrics: [],
      idempotency: { strategy: 'lookup' },
    },
    http: { baseUrl: 'https://memo.example' },
    credentials: { schema: z.object({ token: z.string() }), createProvider: () => ({ getHeaders: () => ({}) }) },
    doPublish: async (input) => {
      published.push(input);
      return answer() as { parts: Array<{ id: string }> };
    },
    doDelete: async () => {},
    doGetPost: async () => null,
    doListMentions: async () => ({ items: [], nextCursor: null }),
    doGetPostMetrics: async () => ({ metrics: {} }),
    doGetAccountMetrics: async () => ({ metrics: {} }),
    doFindPublished: async () => null,
  });
  const client = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'memo', id: 'a1', handle: 'brand' }],
    credentials: { 'memo:a1': { token: 't' } },
    clock: createFakeClock({ now: '2026-03-01T12:00:00.000Z' }),
    ...(fetch ? { fetch } : {}),
  });
  return { client, published };
}

describe('publish: media read from a URL', () => {
  it('reads a URL image with the client’s fetch option, never the global fetch', async () => {
    const png = pngFile(3, 2);
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      asked.push(input instanceof Request ? input.url : String(input));
      return new Response(new Blob([new Uint8Array(png)]), {
        headers: { 'content-type': 'image/png', 'content-length': String(png.byteLength) },
      });
    };
    const { client, published } = network(fetch);
    const result = await client.publish('memo:a1', {
      text: 'from the CDN',
      media: [{ kind: 'image', source: { type: 'url', url: 'https://cdn.invalid/photo.png' }, mimeType: 'image/png', altText: 'a photo' }],
    });
    expect(result.published.parts[0]!.id).toBe('1');
    expect(asked[0]).toBe('https://cdn.invalid/photo.png');
    expect(published).toHaveLength(1);
  });

  it('reports a URL the client’s fetch cannot read as a problem of that attachment, publishing nothing', async () => {
    let asked = 0;
    const fetch: typeof globalThis.fetch = async () => {
      asked += 1;
      return new Response('gone', { status: 404 });
    };
    const { client, published } = network(fetch);
    const error = await client
      .publish('memo:a1', {
        text: 'x',
        media: [{ kind: 'image', source: { type: 'url', url: 'https://cdn.invalid/missing.png' }, mimeType: 'image/png', altText: 'a' }],
      })
      .catch((caught: unknown) => caught);
    expect(asked).toBe(1);
    expect((error as Error).message).toMatch(/media\[0\]\.source: .*404/);
    expect(published).toHaveLength(0);
  });
});

describe('publish: warnings the adapter reports (spec v1.1)', () => {
  it('adds the warnings of the adapter’s answer to the publish’s own, after the draft’s', async () => {
    const { client } = network(undefined, () => ({
      parts: [{ id: '9' }],
      warnings: [{ code: 'visibility_forced_private', message: 'the app is not audited: only the author can see this post' }],
    }));
    const result = await client.publish('memo:a1', { text: 'hello', visibility: 'unlisted' });
    expect(result.published.parts[0]!.id).toBe('9');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['visibility_unsupported', 'visibility_forced_private']);
    expect(result.warnings[1]!.message).toBe('the app is not audited: only the author can see this post');
  });

  it('refuses a malformed warning as an adapter bug, naming the operation', async () => {
    const { client } = network(undefined, () => ({ parts: [{ id: '9' }], warnings: [{ code: 'Not Snake', message: '' }] }));
    const error = await client.publish('memo:a1', { text: 'hello' }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/doPublish/);
    expect((error as Error).message).toMatch(/snake_case/);
  });
});
