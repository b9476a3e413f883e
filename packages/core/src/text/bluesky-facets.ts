import { extractEntities } from './entities.js';
import { countGraphemes, utf8Length } from './unicode.js';

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

// Bluesky caps a tag at 64 graphemes and 640 bytes.
const MAX_TAG_GRAPHEMES = 64;
const MAX_TAG_BYTES = 640;
const HANDLE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/**
 * Builds the rich-text facets Bluesky needs to make links, mentions and hashtags live (the
 * server detects none by itself). Offsets are UTF-8 byte offsets, so Persian, Arabic, CJK and
 * emoji before an entity are accounted for. Mentions must be domain handles
 * (`@ana.bsky.social`); each is resolved to a DID with `resolveHandle` (handles are resolved
 * once each, concurrently); a handle that resolves to `null` or fails gets no facet, as do
 * fediverse mentions (`@user@instance`) and cashtags.
 *
 * @example
 * ```ts
 * const facets = await toBlueskyFacets('سلام @ana.bsky.social #تسويق https://example.com', async (handle) =>
 *   (await agent.resolveHandle({ handle })).data.did);
 * // [{ index: { byteStart: 9, byteEnd: 25 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:…' }] }, …]
 * ```
 */
export async function toBlueskyFacets(text: string, resolveHandle: HandleResolver): Promise<BlueskyFacet[]> {
  const entities = extractEntities(text);
  const handles = [
    ...new Set(
      entities.filter((entity) => entity.type === 'mention' && HANDLE.test(entity.value)).map((entity) => entity.value.toLowerCase()),
    ),
  ];
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
  const facets: BlueskyFacet[] = [];
  for (const entity of entities) {
    const index = { byteStart: entity.byteStart, byteEnd: entity.byteEnd };
    if (entity.type === 'url') {
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: entity.value }] });
    } else if (entity.type === 'mention') {
      const did = dids.get(entity.value.toLowerCase());
      if (did) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    } else if (entity.type === 'hashtag') {
      if (countGraphemes(entity.value) <= MAX_TAG_GRAPHEMES && utf8Length(entity.value) <= MAX_TAG_BYTES) {
        facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: entity.value }] });
      }
    }
  }
  return facets;
}
