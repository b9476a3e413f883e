import { parse } from 'tldts';

// Links, mentions, tags and cashtags as Bluesky's own app finds them (`RichText.detectFacets` in
// `@atproto/api`): a link is `http(s)://` and every non-space after it, or a bare
// `domain.tld[/…]` whose TLD is a real one; trailing `.,;:!?` and an unmatched `)` are dropped.
// The TLD list is the Public Suffix List's ICANN section as `tldts` ships it (Bluesky's app uses
// the IANA list; the two differ only in a handful of retired or suffix-only TLDs).

/** Something Bluesky's app makes live, with UTF-16 offsets `[start, end)`. */
export interface BlueskySpan {
  type: 'link' | 'mention' | 'tag';
  start: number;
  end: number;
  /** The link's URI, the handle (without `@`), or the tag (without `#`; a cashtag keeps its `$`). */
  value: string;
}

const MENTION = /(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)/g;
const URL = /(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
// Characters that end a tag: white space and invisible joiners/spaces (Bluesky's own list).
const TAG =
  // eslint-disable-next-line no-misleading-character-class
  /(^|\s)[#＃]((?!\ufe0f)[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*[^\d\s\p{P}\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*)?/gu;
const CASHTAG = /(^|\s|\()\$([A-Za-z][A-Za-z0-9]{0,4})(?=\s|$|[.,;:!?)"'\u2019])/gu;

/** Whether `domain` ends in a real top-level domain written in lower case (as Bluesky checks it). */
function hasRealTld(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  if (dot < 0) return false;
  const tld = domain.slice(dot + 1);
  if (tld === '' || tld !== tld.toLowerCase()) return false;
  return (
    parse(`x.${tld}`, { allowPrivateDomains: false }).isIcann === true || parse(domain, { allowPrivateDomains: false }).isIcann === true
  );
}

/**
 * Every link, mention, tag and cashtag Bluesky's app would make live in `text`, sorted by
 * position (mentions, links, tags, cashtags on a tie, as the app sorts them).
 * @internal
 */
export function detectBluesky(text: string): BlueskySpan[] {
  const found: BlueskySpan[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[3]!;
    if (!hasRealTld(handle) && !handle.endsWith('.test')) continue;
    const start = text.indexOf(handle, match.index) - 1;
    found.push({ type: 'mention', start, end: start + handle.length + 1, value: handle });
  }
  for (const match of text.matchAll(URL)) {
    let uri = match[2]!;
    if (!uri.startsWith('http')) {
      const domain = match.groups?.domain;
      if (!domain || !hasRealTld(domain)) continue;
      uri = `https://${uri}`;
    }
    const start = text.indexOf(match[2]!, match.index);
    let end = start + match[2]!.length;
    if (/[.,;:!?]$/.test(uri)) {
      uri = uri.slice(0, -1);
      end--;
    }
    if (uri.endsWith(')') && !uri.includes('(')) {
      uri = uri.slice(0, -1);
      end--;
    }
    found.push({ type: 'link', start, end, value: uri });
  }
  for (const match of text.matchAll(TAG)) {
    const tag = match[2]?.trim().replace(TRAILING_PUNCTUATION, '');
    if (!tag || tag.length > 64) continue;
    const start = match.index + match[1]!.length;
    found.push({ type: 'tag', start, end: start + 1 + tag.length, value: tag });
  }
  if (text.includes('$')) {
    for (const match of text.matchAll(CASHTAG)) {
      const ticker = match[2]!.toUpperCase();
      const start = match.index + match[1]!.length;
      found.push({ type: 'tag', start, end: start + 1 + ticker.length, value: `$${ticker}` });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
