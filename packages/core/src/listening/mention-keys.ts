import type { Mention } from '../model/index.js';
import { normalizeForMatching } from './normalize.js';

// cyrb53: a fast, well-spread 53-bit string hash. Not cryptographic; collisions only matter
// between two different texts by the same author at the same instant.
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The identity key of a mention: `platform` + `id`.
 *
 * @example
 * ```ts
 * mentionIdKey(mention); // 'bluesky\u0000at://did:plc:…/app.bsky.feed.post/3k…'
 * ```
 */
export function mentionIdKey(mention: Pick<Mention, 'platform' | 'id'>): string {
  return `${mention.platform}\u0000${mention.id}`;
}

/**
 * The content key of a mention: `platform` + author id + `createdAt` (to the second) + a hash
 * of its folded text. The same item read through two endpoints that give it different ids
 * (a notification id and a status id, a comment id and a reply id) has the same content key.
 *
 * @example
 * ```ts
 * mentionContentKey(viaNotifications) === mentionContentKey(viaSearch); // true
 * ```
 */
export function mentionContentKey(mention: Pick<Mention, 'platform' | 'author' | 'createdAt' | 'text'>): string {
  return mentionContentKeys(mention)[0];
}

/**
 * The content key of a mention and the keys it would have one second earlier and later:
 * one endpoint may truncate `12:00:00.900` to `12:00:00` while another rounds it to
 * `12:00:01`, so deduplication looks at all three. @internal
 */
export function mentionContentKeys(mention: Pick<Mention, 'platform' | 'author' | 'createdAt' | 'text'>): [string, string, string] {
  // Endpoints disagree on sub-second precision; seconds are what every network keeps.
  const second = Math.floor(Date.parse(mention.createdAt) / 1000);
  const stem = `${mention.platform}\u0000${mention.author.id}\u0000`;
  const hash = hash53(normalizeForMatching(mention.text));
  return [`${stem}${second}\u0000${hash}`, `${stem}${second - 1}\u0000${hash}`, `${stem}${second + 1}\u0000${hash}`];
}
