import { detectBluesky } from './bluesky-detect.js';
import { utf8Length } from './unicode.js';

/** One feature of an `app.bsky.richtext.facet`. */
export type BlueskyFacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

/** An `app.bsky.richtext.facet`: a UTF-8 byte range of the post text and what it means. */
export interface BlueskyFacet {
  index: { byteStart: number; byteEnd: number };
  features: BlueskyFacetFeature[];
}

/** Resolves a Bluesky handle (`ana.bsky.social`) to its DID, or `null` when it does not exist. */
export type HandleResolver = (handle: string) => Promise<string | null>;

/** UTF-8 byte offset of each UTF-16 index in `positions` (sorted), in one pass. */
function byteOffsets(text: string, positions: number[]): Map<number, number> {
  const out = new Map<number, number>();
  let index = 0;
  let bytes = 0;
  for (const to of positions) {
    while (index < to) {
      bytes += utf8Length(text.slice(index, index + 1));
      const c = text.charCodeAt(index);
      if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
        bytes += 1; // a pair is 4 bytes, not the 3 a lone surrogate would count
        index++;
      }
      index++;
    }
    out.set(to, bytes);
  }
  return out;
}

/**
 * Builds the rich-text facets Bluesky needs to make links, mentions and hashtags live (the
 * server detects none by itself), finding them exactly where Bluesky's own app does
 * (`RichText.detectFacets`): links with any path (`https://fa.wikipedia.org/wiki/بازاریابی` is
 * one link), bare domains on a real TLD (`example.music/album`), `#tags` in any script and
 * `$CASHTAGS` (as tags with their `$`). Offsets are UTF-8 byte offsets. Mentions are domain
 * handles (`@ana.bsky.social`), each resolved to a DID with `resolveHandle` (once each,
 * concurrently); unlike the app, which keeps an empty DID, a handle that resolves to `null` or
 * fails gets no facet.
 *
 * @example
 * ```ts
 * const facets = await toBlueskyFacets('سلام @ana.bsky.social #تسويق https://example.com', async (handle) =>
 *   (await agent.resolveHandle({ handle })).data.did);
 * // [{ index: { byteStart: 9, byteEnd: 25 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:…' }] }, …]
 * ```
 */
export async function toBlueskyFacets(text: string, resolveHandle: HandleResolver): Promise<BlueskyFacet[]> {
  const spans = detectBluesky(text);
  const handles = [...new Set(spans.filter((span) => span.type === 'mention').map((span) => span.value))];
  const dids = new Map<string, string | null>();
  await Promise.all(
    handles.map(async (handle) => {
      try {
        dids.set(handle, await resolveHandle(handle));
      } catch {
        dids.set(handle, null);
      }
    }),
  );
  const bytes = byteOffsets(
    text,
    [...new Set(spans.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b),
  );
  const facets: BlueskyFacet[] = [];
  for (const span of spans) {
    const index = { byteStart: bytes.get(span.start)!, byteEnd: bytes.get(span.end)! };
    if (span.type === 'link') facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: span.value }] });
    else if (span.type === 'tag') facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: span.value }] });
    else {
      const did = dids.get(span.value);
      if (did) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
  }
  return facets;
}
