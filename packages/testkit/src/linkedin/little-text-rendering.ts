/**
 * How LinkedIn reads `commentary` in its "little" text format, as a reader sees the post.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api (Text: reserved characters)
 *
 * Elements: an escaped character (`\` + any character), a mention `@[Name](urn:li:person:…)` or
 * `@[Name](urn:li:organization:…)`, a hashtag `#word` or its template `{hashtag|\#|word}`. A
 * reserved character (`| { } @ [ ] ( ) < > # \ * _ ~`) that starts none of them ends the text
 * there: LinkedIn accepts the post and silently drops everything from that character on.
 */

/** The characters the little format reserves. */
export const LITTLE_TEXT_RESERVED = new Set(['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~']);

const MENTION = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:(?:person|organization):[^)\s]+)\)/su;
const HASHTAG = /^#([\p{L}\p{N}_]+)/u;
const HASHTAG_TEMPLATE = /^\{hashtag\|\\#\|([^}]+)\}/u;

/** What a commentary renders to: the text shown, where it was cut (if it was), and the mentions in it. */
export interface RenderedCommentary {
  text: string;
  /** The index in the commentary of the reserved character that cut it short. */
  truncatedAt?: number;
  mentions: Array<{ name: string; urn: string }>;
}

/**
 * Renders commentary the way LinkedIn shows it, cutting it at the first unescaped reserved
 * character that starts no element.
 *
 * @example
 * ```ts
 * renderCommentary('Q\\&A \\(live\\) with @[Acme](urn:li:organization:1)').text; // 'Q\\&A (live) with Acme'
 * renderCommentary('Prices (from 10 EUR)').text; // 'Prices '
 * ```
 */
export function renderCommentary(commentary: string): RenderedCommentary {
  let text = '';
  const mentions: RenderedCommentary['mentions'] = [];
  let index = 0;
  while (index < commentary.length) {
    const char = String.fromCodePoint(commentary.codePointAt(index)!);
    const rest = commentary.slice(index);
    if (char === '\\' && index + 1 < commentary.length) {
      const escaped = String.fromCodePoint(commentary.codePointAt(index + 1)!);
      text += escaped;
      index += 1 + escaped.length;
      continue;
    }
    if (char === '@') {
      const mention = MENTION.exec(rest);
      if (mention) {
        const name = mention[1]!.replace(/\\(.)/gsu, '$1');
        text += name;
        mentions.push({ name, urn: mention[2]! });
        index += mention[0].length;
        continue;
      }
    }
    if (char === '#') {
      const tag = HASHTAG.exec(rest);
      if (tag) {
        text += `#${tag[1]}`;
        index += tag[0].length;
        continue;
      }
    }
    if (char === '{') {
      const tag = HASHTAG_TEMPLATE.exec(rest);
      if (tag) {
        text += `#${tag[1]}`;
        index += tag[0].length;
        continue;
      }
    }
    if (LITTLE_TEXT_RESERVED.has(char)) return { text, truncatedAt: index, mentions };
    text += char;
    index += char.length;
  }
  return { text, mentions };
}
