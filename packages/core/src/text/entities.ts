import { findXUrls } from './x-url.js';

/** What kind of entity: a link, `#hashtag`, `@mention` or `$CASHTAG`. */
export type TextEntityType = 'url' | 'hashtag' | 'mention' | 'cashtag';

/** An entity found in text, with UTF-16 offsets (JavaScript string indices) and UTF-8 byte offsets. */
export interface TextEntity {
  type: TextEntityType;
  /** The entity exactly as written, e.g. `#تسويق`, `@ana@mastodon.social`, `example.com/x`. */
  text: string;
  /**
   * The normalised value: a URL with its scheme (`https://` added when written without one), a
   * hashtag or cashtag without its sign, a mention without the leading `@` (`ana`,
   * `ana@mastodon.social`, `ana.bsky.social`).
   */
  value: string;
  /** UTF-16 offsets, end exclusive: `text === source.slice(start, end)`. */
  start: number;
  end: number;
  /** UTF-8 byte offsets, end exclusive (what Bluesky facets use). */
  byteStart: number;
  byteEnd: number;
}

// Hashtags in any script: letters, marks, digits, `_`, and the joiners Persian needs (ZWNJ/ZWJ).
const HASHTAG = /(?<![\p{L}\p{M}\p{Nd}_&\u200c\u200d#＃])[#＃]([\p{L}\p{M}\p{Nd}_\u200c\u200d]+)/gu;
const HAS_LETTER = /[\p{L}\p{M}]/u;
// `@user`, `@user@instance.social` (fediverse), `@handle.bsky.social` (a domain handle).
const MENTION =
  /(?<![\p{L}\p{M}\p{Nd}_@.\/＠])[@＠]([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?:@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+))?(?![\p{L}\p{M}\p{Nd}_@])/gu;
const CASHTAG = /(?<![\p{L}\p{M}\p{Nd}_$])\$([A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?)(?![\p{L}\p{M}\p{Nd}_])/gu;

type Draft = Omit<TextEntity, 'byteStart' | 'byteEnd'>;

function trimJoiners(value: string): string {
  let end = value.length;
  while (end > 0 && (value.charCodeAt(end - 1) === 0x200c || value.charCodeAt(end - 1) === 0x200d)) end--;
  return value.slice(0, end);
}

function overlaps(spans: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const span of spans) if (start < span.end && end > span.start) return true;
  return false;
}

/** Adds UTF-8 byte offsets in one pass over the text (entities sorted by start). */
function withByteOffsets(text: string, entities: Draft[]): TextEntity[] {
  const out: TextEntity[] = [];
  let index = 0;
  let bytes = 0;
  const advance = (to: number): number => {
    while (index < to) {
      const c = text.charCodeAt(index);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
        bytes += 4;
        index++;
      } else bytes += 3;
      index++;
    }
    return bytes;
  };
  for (const entity of entities) {
    const byteStart = advance(entity.start);
    const byteEnd = advance(entity.end);
    out.push({ ...entity, byteStart, byteEnd });
  }
  return out;
}

/**
 * Finds every URL (with or without a scheme, by X's TLD rules — the grammar twitter-text uses),
 * hashtag (any script: `#تسويق`, `#بازاریابی` with its ZWNJ, `#日本`), mention (`@user`,
 * `@user@instance`, `@handle.bsky.social`) and cashtag (`$TSLA`), in text order, with UTF-16
 * and UTF-8 offsets. Hashtags, mentions and cashtags inside a URL are not reported.
 *
 * @example
 * ```ts
 * extractEntities('Ghid #بازاریابی pe example.com/ro de la @ana@mastodon.social');
 * // [{ type: 'hashtag', text: '#بازاریابی', value: 'بازاریابی', start: 5, end: 15, byteStart: 5, byteEnd: 26 },
 * //  { type: 'url', text: 'example.com/ro', value: 'https://example.com/ro', … },
 * //  { type: 'mention', text: '@ana@mastodon.social', value: 'ana@mastodon.social', … }]
 * ```
 */
export function extractEntities(text: string): TextEntity[] {
  const found: Draft[] = [];
  const urls = findXUrls(text).map((url) => {
    const written = text.slice(url.start, url.end);
    return { type: 'url' as const, text: written, value: url.hasScheme ? written : `https://${written}`, start: url.start, end: url.end };
  });
  found.push(...urls);
  if (text.includes('#') || text.includes('＃')) {
    for (const match of text.matchAll(HASHTAG)) {
      const value = trimJoiners(match[1]!);
      if (!HAS_LETTER.test(value)) continue;
      const start = match.index;
      const end = start + 1 + value.length;
      if (!overlaps(urls, start, end)) found.push({ type: 'hashtag', text: text.slice(start, end), value, start, end });
    }
  }
  if (text.includes('@') || text.includes('＠')) {
    for (const match of text.matchAll(MENTION)) {
      const start = match.index;
      const end = start + match[0].length;
      const value = match[2] ? `${match[1]}@${match[2]}` : match[1]!;
      if (!overlaps(urls, start, end)) found.push({ type: 'mention', text: match[0], value, start, end });
    }
  }
  if (text.includes('$')) {
    for (const match of text.matchAll(CASHTAG)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!overlaps(urls, start, end)) found.push({ type: 'cashtag', text: match[0], value: match[1]!.toUpperCase(), start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  return withByteOffsets(text, found);
}
