import { X_COUNTRY_TLDS, X_GENERIC_TLDS } from './data/x-tld-data.js';

// What Mastodon's server counts (StatusLengthValidator#countable_text): every link it would make
// live becomes 23 characters, every `@user@domain` becomes `@user`, and the result is counted in
// grapheme clusters. Links are found with Mastodon's own grammar (twitter-text's, widened in
// config/initializers/twitter_regex.rb): a scheme is required, and may be http, https, dat,
// dweb, ipfs, ipns, ssb, gopher or gemini; the domain ends in a TLD X's list knows; the path is
// any run of non-space characters except `<>()?`, ending on a character that is not punctuation.

const SCHEMES = 'https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini';
const SPACES = '\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
const DIRECTIONAL = '\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066\\u2067\\u2068\\u2069';
const PUNCT = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$";
const LATIN_ACCENTS =
  '\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const UCHARS =
  '\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';

function escapeTld(tld: string): string {
  return tld.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

function buildUrlPattern(): RegExp {
  const domainChar = `[^${PUNCT}${SPACES}${INVALID}${DIRECTIONAL}]`;
  const subdomain = `(?:(?:${domainChar}(?:[_-]|${domainChar})*)?${domainChar}\\.)`;
  const domainName = `(?:(?:${domainChar}(?:-|${domainChar})*)?${domainChar}\\.)`;
  const tlds = (list: string) => `(?:(?:${list.split(' ').map(escapeTld).join('|')})(?=[^0-9a-z@+\\-]|$))`;
  const domain = `(?:${subdomain}*${domainName}(?:${tlds(X_GENERIC_TLDS)}|${tlds(X_COUNTRY_TLDS)}|(?:xn--[\\-0-9a-z]+)))`;
  // Path characters: twitter-text's (inside a parenthesis group that ends a path) and Mastodon's.
  const oldPathChar = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~&|@${LATIN_ACCENTS}]`;
  const oldParens = `\\((?:${oldPathChar}+|(?:${oldPathChar}*\\(${oldPathChar}+\\)${oldPathChar}*))\\)`;
  const pathChar = '[^\\p{White_Space}<>()?]';
  const parens = `\\((?:${pathChar}+|(?:${pathChar}*\\(${pathChar}+\\)${pathChar}*))\\)`;
  const pathEnd = `(?:[^\\p{White_Space}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|${oldParens})`;
  const path = `(?:(?:${pathChar}*(?:${parens}${pathChar}*)*${pathEnd})|(?:${pathChar}+\\/))`;
  const queryChar = `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${UCHARS}]`;
  const queryEnd = `[a-z0-9_&=#/\\-${UCHARS}]`;
  const preceding = `(?:[^a-z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^)`;
  return new RegExp(
    `(${preceding})((${`(?:${SCHEMES}):\\/\\/`})?(${domain})(?::([0-9]+))?(\\/${path}*)?(\\?${queryChar}*${queryEnd})?)`,
    'giu',
  );
}

let urlPattern: RegExp | undefined;
const TCO = /^https?:\/\/t\.co\/([a-z0-9]+)/i;
const MAX_URL_LENGTH = 4096;

/** Spans Mastodon counts as links: `[start, end)` in UTF-16 units. */
function mastodonUrls(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  if (!text.includes(':')) return found;
  const pattern = (urlPattern ??= buildUrlPattern());
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[3] === undefined) continue; // written without a scheme: not counted as a link
    const start = match.index + match[1]!.length;
    let url = match[2]!;
    const tco = TCO.exec(url);
    if (tco) {
      if (tco[1]!.length > 40) continue;
      const query = /^\?[a-z0-9!?*'();:&=+$/%#[\]\-_.,~|@]*[a-z0-9_&=#/-]/i.exec(url.slice(tco[0].length));
      url = tco[0] + (query?.[0] ?? '');
    }
    if (url.length > MAX_URL_LENGTH) continue;
    found.push([start, start + url.length]);
  }
  return found;
}

const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
// Account::MENTION_RE: `@user` or `@user@domain`, not after `=`, `/` or a word character.
const MENTION = new RegExp(`(?<![=/${WORD}])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[${WORD}]+(?:[.-]+[${WORD}]+)*)?)`, 'giu');
const END_MENTION = new RegExp(`^(?:[@＠]|[${LATIN_ACCENTS}]|:\\/\\/)`, 'u');

/** Spans Mastodon counts as mentions, with the username each counts as. */
function mastodonMentions(text: string): Array<[number, number, string]> {
  const found: Array<[number, number, string]> = [];
  if (!text.includes('@') && !text.includes('＠')) return found;
  for (const match of text.matchAll(MENTION)) {
    const end = match.index + match[0].length;
    if (END_MENTION.test(text.slice(end, end + 3))) continue;
    const [username, domain] = match[1]!.split('@');
    if (domain !== undefined && domain.length > 253) continue;
    found.push([match.index, end, username!]);
  }
  return found;
}

/**
 * The text as Mastodon's server counts it: each link (any scheme it links) as `urlLength`
 * characters, each `@user@domain` as `@user` when `localMentions`; overlapping entities resolved
 * as twitter-text does (the earlier one wins). Blank text counts as empty.
 * @internal
 */
export function mastodonCountableText(text: string, urlLength: number | undefined, localMentions: boolean): string {
  if (text.trim() === '') return '';
  const entities: Array<[number, number, string]> = mastodonUrls(text).map(([start, end]) => [
    start,
    end,
    urlLength === undefined ? text.slice(start, end) : 'x'.repeat(urlLength),
  ]);
  for (const [start, end, username] of mastodonMentions(text)) {
    entities.push([start, end, localMentions ? `@${username}` : text.slice(start, end)]);
  }
  if (entities.length === 0) return text;
  entities.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end, replacement] of entities) {
    if (start < last) continue;
    out += text.slice(last, start) + replacement;
    last = end;
  }
  return out + text.slice(last);
}
