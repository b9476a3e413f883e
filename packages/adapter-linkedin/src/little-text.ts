/**
 * LinkedIn's "little" text format for `commentary` (Posts API) and comment text.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api (Text: reserved characters)
 *
 * The reserved characters `| { } @ [ ] ( ) < > # \ * _ ~` must be escaped with a backslash to be
 * plain text: LinkedIn accepts a post with an unescaped one and silently cuts the text there.
 */

/** Every character the little format reserves. */
export const RESERVED_CHARACTERS = ['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~'] as const;

const RESERVED = new Set<string>(RESERVED_CHARACTERS);
const HASHTAG_BODY = /^[\p{L}\p{N}]+/u;
const WORD_BEFORE = /[\p{L}\p{N}_]$/u;

/** A mention to write as LinkedIn markup: the first occurrence of `text` (or `@text`) becomes `@[text](urn)`. */
export interface LittleTextMention {
  text: string;
  urn: string;
}

/** How plain text becomes commentary. */
export interface EscapeOptions {
  mentions?: readonly LittleTextMention[];
  /** `link` (default): `#word` stays a hashtag element; `plain`: every `#` is escaped. */
  hashtags?: 'link' | 'plain';
}

function escapePlain(text: string): string {
  let out = '';
  for (const char of text) out += RESERVED.has(char) ? `\\${char}` : char;
  return out;
}

/**
 * Plain text → little-text commentary: every reserved character escaped, except `#` opening a
 * hashtag (a letter or digit run after a non-word character) and the mentions asked for.
 *
 * @example
 * ```ts
 * toLittleText('Q&A (live) with Acme #launch', { mentions: [{ text: 'Acme', urn: 'urn:li:organization:1' }] });
 * // 'Q&A \\(live\\) with @[Acme](urn:li:organization:1) #launch'
 * ```
 */
export function toLittleText(text: string, options: EscapeOptions = {}): string {
  // Where each mention sits: its first occurrence, `@` included when one leads it.
  const spans: Array<{ start: number; end: number; mention: LittleTextMention }> = [];
  for (const mention of options.mentions ?? []) {
    if (mention.text === '') continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(mention.text, from);
      if (at < 0) break;
      const start = at > 0 && text[at - 1] === '@' ? at - 1 : at;
      const end = at + mention.text.length;
      if (!spans.some((span) => start < span.end && end > span.start)) {
        spans.push({ start, end, mention });
        break;
      }
      from = at + 1;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  const plainRun = (run: string, before: string) => {
    let result = '';
    let index = 0;
    while (index < run.length) {
      const char = run[index]!;
      if (char === '#' && options.hashtags !== 'plain') {
        const previous = index === 0 ? before : run.slice(0, index);
        const body = HASHTAG_BODY.exec(run.slice(index + 1))?.[0];
        if (body && !WORD_BEFORE.test(previous)) {
          result += `#${body}`;
          index += 1 + body.length;
          continue;
        }
      }
      const codePoint = String.fromCodePoint(run.codePointAt(index)!);
      result += RESERVED.has(codePoint) ? `\\${codePoint}` : codePoint;
      index += codePoint.length;
    }
    return result;
  };
  for (const span of spans) {
    out += plainRun(text.slice(cursor, span.start), text.slice(0, cursor));
    out += `@[${escapePlain(span.mention.text)}](${span.mention.urn})`;
    cursor = span.end;
  }
  out += plainRun(text.slice(cursor), text.slice(0, cursor));
  return out;
}

/**
 * Little-text commentary → the text a reader sees: escapes dropped, `@[Name](urn)` shown as its
 * name, hashtags (`#tag` and the `{hashtag|\#|tag}` template) as `#tag`. Lenient: anything else
 * is kept as written.
 *
 * @example
 * ```ts
 * fromLittleText('Hi @[Acme](urn:li:organization:1) \\(again\\) {hashtag|\\#|news}'); // 'Hi Acme (again) #news'
 * ```
 */
export function fromLittleText(commentary: string): string {
  let out = '';
  let index = 0;
  while (index < commentary.length) {
    const rest = commentary.slice(index);
    const char = commentary[index]!;
    if (char === '\\' && index + 1 < commentary.length) {
      const next = String.fromCodePoint(commentary.codePointAt(index + 1)!);
      out += next;
      index += 1 + next.length;
      continue;
    }
    const mention = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:[^)\s]+)\)/su.exec(rest);
    if (mention) {
      out += mention[1]!.replace(/\\(.)/gsu, '$1');
      index += mention[0].length;
      continue;
    }
    const template = /^\{hashtag\|\\#\|([^}]*)\}/u.exec(rest);
    if (template) {
      out += `#${template[1]}`;
      index += template[0].length;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}
