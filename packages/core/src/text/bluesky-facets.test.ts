import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBlueskyFacets } from './bluesky-facets.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const DIDS: Record<string, string> = { 'ana.bsky.social': 'did:plc:ana', 'bob.example.ro': 'did:web:bob.example.ro' };
const resolve = async (handle: string) => DIDS[handle] ?? null;

describe('toBlueskyFacets', () => {
  it('builds link, mention and tag facets with UTF-8 byte offsets', async () => {
    const text = 'سلام @ana.bsky.social #تسويق https://example.com/ș';
    const facets = await toBlueskyFacets(text, resolve);
    // "سلام " = 4 × 2 + 1 = 9 bytes; "@ana.bsky.social" = 16 bytes → 25; " " → 26; "#تسويق" = 1 + 10 → 37; " " → 38;
    // "https://example.com/ș" = 20 + 2 = 22 bytes → 60
    expect(facets).toEqual([
      { index: { byteStart: 9, byteEnd: 25 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:ana' }] },
      { index: { byteStart: 26, byteEnd: 37 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'تسويق' }] },
      { index: { byteStart: 38, byteEnd: 60 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/ș' }] },
    ]);
  });

  it('gives no facet to handles that do not resolve, fail, or are not domain handles', async () => {
    const calls: string[] = [];
    const facets = await toBlueskyFacets('@nobody.bsky.social @broken.example.com @ana @ana@mastodon.social', async (handle) => {
      calls.push(handle);
      if (handle === 'broken.example.com') throw new Error('network down');
      return null;
    });
    expect(facets).toEqual([]);
    expect(calls.sort()).toEqual(['broken.example.com', 'nobody.bsky.social']);
  });

  it('resolves each handle once', async () => {
    let calls = 0;
    const facets = await toBlueskyFacets('@ana.bsky.social și iar @ana.bsky.social', async () => {
      calls++;
      return 'did:plc:ana';
    });
    expect(calls).toBe(1);
    expect(facets).toHaveLength(2);
  });

  it('byte ranges slice exactly the entity text out of the UTF-8 bytes (property)', async () => {
    const pieces = [
      '@ana.bsky.social',
      '@bob.example.ro',
      '#تسويق',
      '#بازاریابی',
      '#日本',
      'https://example.com/p',
      'example.ro',
      '👨‍👩‍👧',
      'ș',
      '日本語',
      ' ',
      '\n',
      'مرحبا',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(' '));
    await fc.assert(
      fc.asyncProperty(text, async (source) => {
        const bytes = encoder.encode(source);
        for (const facet of await toBlueskyFacets(source, resolve)) {
          const slice = decoder.decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd));
          const feature = facet.features[0]!;
          if (feature.$type === 'app.bsky.richtext.facet#tag') expect(slice).toBe(`#${feature.tag}`);
          else if (feature.$type === 'app.bsky.richtext.facet#link') expect(feature.uri.endsWith(slice)).toBe(true);
          else expect(DIDS[slice.slice(1)]).toBe(feature.did);
        }
      }),
      { numRuns: 500 },
    );
  });
});
