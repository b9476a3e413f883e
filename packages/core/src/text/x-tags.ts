import { HASHTAG_CHARS, HASHTAG_LETTERS } from './data/x-hashtag-data.js';

// Hashtags, cashtags and mentions as twitter-text 3 defines them (its extract* functions, which
// X's apps, Mastodon's server and most ports share). Scanners, not regexes: each walks the text
// once, trying at each position what X's pattern tries there, in the same order, and resuming
// after a match where the pattern's global scan resumes.

/** A span found in text: UTF-16 `[start, end)` and the value without its sign. */
export interface XTagMatch {
  start: number;
  end: number;
  value: string;
}

const CHAR = 1;
const LETTER = 2;

interface Tables {
  bmp: Uint8Array;
  /** Astral ranges as flat [from, to, flags, …], sorted. */
  astral: number[];
}

let tables: Tables | undefined;

function addRanges(t: Tables, spec: string, flag: number, astral: Map<number, number>): void {
  for (const part of spec.split(' ')) {
    const [from, to = from] = part.split('-');
    const a = parseInt(from!, 16);
    const b = parseInt(to!, 16);
    for (let cp = a; cp <= b; cp++) {
      if (cp < 0x10000) t.bmp[cp]! |= flag;
      else astral.set(cp, (astral.get(cp) ?? 0) | flag);
    }
  }
}

function build(): Tables {
  const t: Tables = { bmp: new Uint8Array(0x10000), astral: [] };
  const astral = new Map<number, number>();
  addRanges(t, HASHTAG_CHARS, CHAR, astral);
  addRanges(t, HASHTAG_LETTERS, LETTER, astral);
  const points = [...astral.keys()].sort((a, b) => a - b);
  for (const cp of points) {
    const flags = astral.get(cp)!;
    const n = t.astral.length;
    if (n > 0 && t.astral[n - 2] === cp - 1 && t.astral[n - 1] === flags) t.astral[n - 2] = cp;
    else t.astral.push(cp, cp, flags);
  }
  return t;
}

function astralFlags(t: Tables, cp: number): number {
  let low = 0;
  let high = t.astral.length / 3 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cp < t.astral[mid * 3]!) high = mid - 1;
    else if (cp > t.astral[mid * 3 + 1]!) low = mid + 1;
    else return t.astral[mid * 3 + 2]!;
  }
  return 0;
}

/** Flags of the code point at `i` and its length in code units (0 for a lone surrogate). */
function flagsAt(t: Tables, text: string, i: number): [flags: number, length: number] {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return [t.bmp[c]!, 1];
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [astralFlags(t, (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000), 2];
  }
  return [0, 0];
}

function isHashSign(c: number): boolean {
  return c === 0x23 || c === 0xff03;
}

/** End of the hashtag body after the sign at `hash`, or -1: the run of hashtag characters, if it holds a letter. */
function hashtagBody(t: Tables, text: string, hash: number): number {
  const after = text.charCodeAt(hash + 1);
  if (after === 0xfe0f || after === 0x20e3) return -1; // keycap `#️⃣`, not a tag
  let i = hash + 1;
  let letter = false;
  while (i < text.length) {
    const [flags, length] = flagsAt(t, text, i);
    if ((flags & CHAR) === 0) break;
    if (flags & LETTER) letter = true;
    i += length;
  }
  return letter ? i : -1;
}

/**
 * Every hashtag twitter-text's `extractHashtagsWithIndices(text, { checkUrlOverlap: false })`
 * finds: after the start, U+FE0E/U+FE0F, or a character that is neither a hashtag character nor
 * `&`; a run of letters, marks, digits, `_` and X's joiners holding at least one letter; not
 * followed by another `#` or `://`.
 * @internal
 */
export function findXHashtags(text: string): XTagMatch[] {
  const found: XTagMatch[] = [];
  if (text.indexOf('#') < 0 && text.indexOf('＃') < 0) return found;
  const t = (tables ??= build());
  const n = text.length;
  let p = 0;
  while (p < n) {
    let matchEnd = -1;
    let hash = -1;
    // What may stand before the sign, in the order X's pattern tries it: the start of the text,
    // then one code point (the variation selectors, or anything that could not continue a tag).
    if (p === 0 && isHashSign(text.charCodeAt(0))) {
      const end = hashtagBody(t, text, 0);
      if (end > 0) [hash, matchEnd] = [0, end];
    }
    if (matchEnd < 0) {
      const c = text.charCodeAt(p);
      const [flags, length] = flagsAt(t, text, p);
      const boundary = length > 0 && (c === 0xfe0e || c === 0xfe0f || ((flags & CHAR) === 0 && c !== 0x26));
      if (boundary && isHashSign(text.charCodeAt(p + length))) {
        const end = hashtagBody(t, text, p + length);
        if (end > 0) [hash, matchEnd] = [p + length, end];
      }
    }
    if (matchEnd < 0) {
      p++;
      continue;
    }
    const next = text.charCodeAt(matchEnd);
    if (!isHashSign(next) && !text.startsWith('://', matchEnd))
      found.push({ start: hash, end: matchEnd, value: text.slice(hash + 1, matchEnd) });
    p = matchEnd;
  }
  return found;
}

// X's `spaces` and `punct` sets (what may stand before and after a cashtag).
function isXSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

const PUNCT = new Set([..."!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"].map((ch) => ch.charCodeAt(0)));
const JS_SPACE = /\s/;

function endsCashtag(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return PUNCT.has(c) || JS_SPACE.test(text[i]!);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function letterRun(text: string, from: number, max: number): number {
  let n = 0;
  while (n < max && isAsciiLetter(text.charCodeAt(from + n))) n++;
  return n;
}

/**
 * Every cashtag twitter-text's `extractCashtagsWithIndices` finds: `$` at the start or after a
 * space, 1–6 ASCII letters with an optional `.` or `_` and 1–2 more, then the end, a space or
 * punctuation (`$TEST_` is `$TEST`; `.$NG` is none).
 * @internal
 */
export function findXCashtags(text: string): XTagMatch[] {
  const found: XTagMatch[] = [];
  if (text.indexOf('$') < 0) return found;
  const n = text.length;
  let p = 0;
  while (p < n) {
    let dollar = -1;
    if (p === 0 && text.charCodeAt(0) === 0x24) dollar = 0;
    else if (isXSpace(text.charCodeAt(p)) && text.charCodeAt(p + 1) === 0x24) dollar = p + 1;
    let end = -1;
    if (dollar >= 0) {
      const body = dollar + 1;
      const letters = letterRun(text, body, 6);
      if (letters > 0) {
        const after = body + letters;
        const sep = text.charCodeAt(after);
        if (sep === 0x2e || sep === 0x5f) {
          for (let m = letterRun(text, after + 1, 2); m > 0 && end < 0; m--) if (endsCashtag(text, after + 1 + m)) end = after + 1 + m;
        }
        if (end < 0 && endsCashtag(text, after)) end = after;
      }
    }
    if (end < 0) {
      p++;
      continue;
    }
    found.push({ start: dollar, end, value: text.slice(dollar + 1, end) });
    p = end;
  }
  return found;
}

function isMentionChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Whether `c` may stand right before `@` (X: not a letter, digit, `_` or one of `!#$%&*@＠`). */
function precedesMention(c: number): boolean {
  return !(
    isMentionChar(c) ||
    c === 0x21 ||
    c === 0x23 ||
    c === 0x24 ||
    c === 0x25 ||
    c === 0x26 ||
    c === 0x2a ||
    c === 0x40 ||
    c === 0xff20
  );
}

// Latin letters with diacritics, after which a mention cannot end (X's `endMentionMatch`).
function isLatinAccent(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x24f) ||
    c === 0x253 ||
    c === 0x254 ||
    c === 0x256 ||
    c === 0x257 ||
    c === 0x259 ||
    c === 0x25b ||
    c === 0x263 ||
    c === 0x268 ||
    c === 0x26f ||
    c === 0x272 ||
    c === 0x289 ||
    c === 0x28b ||
    c === 0x2bb ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/**
 * Whether X's pattern can match a mention whose sign is at `at`, its scan standing at `from`: the
 * text starts there, or the character before is allowed, or an `RT`/`RT:` marker stands there
 * (itself at the start or after a character other than a letter, digit or `_+~.-`).
 */
function mentionMayStart(text: string, at: number, from: number): boolean {
  if (at === 0) return true;
  if (at - 1 >= from && precedesMention(text.charCodeAt(at - 1))) return true;
  for (const r of [at - 2, at - 3]) {
    if (r < from || (r === at - 3 && text.charCodeAt(at - 1) !== 0x3a)) continue;
    if ((text.charCodeAt(r) | 0x20) !== 0x72 || (text.charCodeAt(r + 1) | 0x20) !== 0x74) continue;
    if (r === 0) return true;
    const c = text.charCodeAt(r - 1);
    if (r - 1 >= from && !(isMentionChar(c) || c === 0x2b || c === 0x7e || c === 0x2e || c === 0x2d)) return true;
  }
  return false;
}

/**
 * Every `@screen_name` twitter-text's `extractMentionsWithIndices` finds (lists `@user/slug`
 * excluded): 1–20 letters, digits or `_`, after the start, a character that is not a letter,
 * digit or one of `_!#$%&*@＠`, or `RT:`; not followed by `@`, a Latin letter or `://`.
 * @internal
 */
export function findXMentions(text: string): XTagMatch[] {
  const found: XTagMatch[] = [];
  if (text.indexOf('@') < 0 && text.indexOf('＠') < 0) return found;
  const n = text.length;
  // The pattern's global scan: a match (kept or not) moves the scan past itself.
  let from = 0;
  for (let at = 0; at < n; at++) {
    const sign = text.charCodeAt(at);
    if ((sign !== 0x40 && sign !== 0xff20) || !mentionMayStart(text, at, from)) continue;
    let end = at + 1;
    while (end < n && end - at - 1 < 20 && isMentionChar(text.charCodeAt(end))) end++;
    if (end === at + 1) continue;
    let matchEnd = end;
    let list = false;
    if (text.charCodeAt(end) === 0x2f && isAsciiLetter(text.charCodeAt(end + 1))) {
      list = true;
      matchEnd = end + 2;
      while (matchEnd < n && matchEnd - end - 2 < 24 && (isMentionChar(text.charCodeAt(matchEnd)) || text.charCodeAt(matchEnd) === 0x2d))
        matchEnd++;
    }
    from = matchEnd;
    const next = text.charCodeAt(matchEnd);
    const blocked = next === 0x40 || next === 0xff20 || isLatinAccent(next) || text.startsWith('://', matchEnd);
    if (!blocked && !list) found.push({ start: at, end, value: text.slice(at + 1, end) });
    at = matchEnd - 1;
  }
  return found;
}
