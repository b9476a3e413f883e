import { asciiLabelLength } from './punycode-length.js';
import { matchTld } from './x-tld.js';

// URL detection with the exact grammar of twitter-text 3 (what X's counter and every
// twitter-text port use, Mastodon's included): optional http(s) scheme, a domain ending in a known
// TLD or an `xn--` label, optional port, a path that ends on a "safe" character or a balanced
// parenthesis group, and a query that ends on a "safe" character. Without a scheme only the
// ASCII part of a domain is a link. A hand-written scanner: one pass, no regex per call.

const DOMAIN = 1; // may appear in a domain label
const PATH = 2; // may appear in a path
const PATH_END = 4; // may end a path
const ASCII_LABEL = 8; // may appear in a scheme-less (ASCII) domain label
const QUERY = 16;
const QUERY_END = 32;
const PRECEDING = 64; // may stand right before a URL
const KNOWN = 128;

// Letters X accepts in paths and ASCII labels: Latin with diacritics and Cyrillic, matched
// case-insensitively the way a non-unicode `/i` class does (so e.g. U+2C65 counts, like U+023A).
const LATIN_ACCENTS =
  /[\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]/i;
const CYRILLIC = /[\u0400-\u04FF]/i;
const NOT_DOMAIN = new Set(
  [..."!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"]
    .map((c) => c.charCodeAt(0))
    .concat([0x85, 0xa0, 0x1680, 0x180e, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfffe, 0xfeff, 0xffff, 0x061c, 0x200e, 0x200f]),
);

const classes = new Uint8Array(0x10000);

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function computeClass(c: number): number {
  let flags = KNOWN;
  const isSpace = (c >= 0x09 && c <= 0x0d) || c === 0x20 || (c >= 0x2000 && c <= 0x200a);
  const isDirectional = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  if (!isSpace && !isDirectional && !NOT_DOMAIN.has(c)) flags |= DOMAIN;
  if (c < 0x80) {
    const alnum = isAsciiAlnum(c);
    const ch = String.fromCharCode(c);
    if (alnum || "!*';:=+,.$/%#[]-_~@|&".includes(ch)) flags |= PATH;
    if (alnum || '+-=_#/'.includes(ch)) flags |= PATH_END;
    if (alnum || ch === '-') flags |= ASCII_LABEL;
    if (alnum || "!?*'@();:&=+$/%#[]-_.,~|".includes(ch)) flags |= QUERY;
    if (alnum || '-_&=#/'.includes(ch)) flags |= QUERY_END;
    if (!alnum && ch !== '@' && ch !== '$' && ch !== '#') flags |= PRECEDING;
  } else {
    const ch = String.fromCharCode(c);
    const latin = LATIN_ACCENTS.test(ch);
    if (latin || CYRILLIC.test(ch)) flags |= PATH | PATH_END;
    if (c === 0x2013) flags |= PATH;
    if (latin) flags |= ASCII_LABEL;
    if (c !== 0xff20 && c !== 0xff03 && c !== 0xfffe && c !== 0xfeff && c !== 0xffff) flags |= PRECEDING;
  }
  return flags;
}

function classOf(c: number): number {
  const known = classes[c]!;
  if (known !== 0) return known;
  return (classes[c] = computeClass(c));
}

function has(text: string, i: number, flag: number): boolean {
  return i < text.length && (classOf(text.charCodeAt(i)) & flag) !== 0;
}

/** A URL found in text: UTF-16 `[start, end)`, and `length`, the span X treats as the link. */
export interface XUrlMatch {
  start: number;
  end: number;
  /** Characters X skips for this link; differs from `end - start` only in rare scheme-less cases. */
  length: number;
  /** Whether the URL was written with `http://` or `https://`. */
  hasScheme: boolean;
}

/**
 * Set by a failed {@link scanDomain}: a position before which no other start can succeed either
 * (the first label ran into a non-dot, or no label boundary had a TLD), else -1.
 */
let failedSkipTo = -1;

// Reused between calls: label boundaries of the domain being scanned.
let labelEnds = new Int32Array(64);
let labelNameOk = new Uint8Array(64);

function scanDomain(text: string, start: number): number {
  const n = text.length;
  let labels = 0;
  let pos = start;
  let firstRunEnd = -1;
  for (;;) {
    let i = pos;
    let underscore = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x5f) underscore = true;
      else if (c !== 0x2d && (classOf(c) & DOMAIN) === 0) break;
      i++;
    }
    if (firstRunEnd < 0) firstRunEnd = i;
    if (i === pos) break;
    const valid = (classOf(text.charCodeAt(pos)) & DOMAIN) !== 0 && (classOf(text.charCodeAt(i - 1)) & DOMAIN) !== 0;
    if (!valid || text.charCodeAt(i) !== 0x2e) break;
    if (labels === labelEnds.length) {
      const ends = new Int32Array(labels * 2);
      ends.set(labelEnds);
      labelEnds = ends;
      const ok = new Uint8Array(labels * 2);
      ok.set(labelNameOk);
      labelNameOk = ok;
    }
    labelEnds[labels] = i;
    labelNameOk[labels] = underscore ? 0 : 1;
    labels++;
    pos = i + 1;
  }
  let anyTld = false;
  for (let k = labels - 1; k >= 0; k--) {
    const end = matchTld(text, labelEnds[k]! + 1, n);
    if (end < 0) continue;
    if (labelNameOk[k]) return end;
    anyTld = true;
  }
  // Starts inside the first label see the same boundaries (and no scheme can begin there,
  // as "http:" would have ended the label at its colon).
  failedSkipTo = -1;
  if (anyTld || firstRunEnd <= start) return -1;
  if (labels > 0) {
    failedSkipTo = labelEnds[0]!;
    return -1;
  }
  const stop = text.charCodeAt(firstRunEnd);
  // A dot after an invalid first label ("-foo.com"): a later start may still be valid.
  if (!(stop === 0x2e || (stop === 0x3a && text.startsWith('://', firstRunEnd)))) failedSkipTo = firstRunEnd;
  return -1;
}

/** First ASCII domain (labels of ASCII letters, digits, `-` and Latin letters, then a TLD) at `start`. */
function asciiDomainAt(text: string, start: number, limit: number): number {
  const dots: number[] = [];
  let pos = start;
  for (;;) {
    let i = pos;
    while (i < limit && (classOf(text.charCodeAt(i)) & ASCII_LABEL) !== 0) i++;
    if (i === pos || i >= limit || text.charCodeAt(i) !== 0x2e) break;
    dots.push(i);
    pos = i + 1;
  }
  for (let k = dots.length - 1; k >= 0; k--) {
    const end = matchTld(text, dots[k]! + 1, limit);
    if (end > 0) return end;
  }
  return -1;
}

function asciiDomains(text: string, start: number, limit: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let p = start; p < limit;) {
    const end = asciiDomainAt(text, p, limit);
    if (end > 0) {
      found.push([p, end]);
      p = end;
    } else p++;
  }
  return found;
}

function scanParens(text: string, open: number): number {
  const n = text.length;
  let r = open + 1;
  while (r < n && has(text, r, PATH)) r++;
  if (r > open + 1 && text.charCodeAt(r) === 0x29) return r + 1;
  if (text.charCodeAt(r) !== 0x28) return -1;
  let inner = r + 1;
  while (inner < n && has(text, inner, PATH)) inner++;
  if (inner === r + 1 || text.charCodeAt(inner) !== 0x29) return -1;
  let after = inner + 1;
  while (after < n && has(text, after, PATH)) after++;
  return text.charCodeAt(after) === 0x29 ? after + 1 : -1;
}

/**
 * One path unit at `pos`: the longest run of path characters and balanced `(…)` groups that
 * ends on a path-ending character; failing that, a lone balanced group. -1: none.
 */
function pathUnit(text: string, pos: number): number {
  let last = -1;
  let p = pos;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    const flags = classOf(c);
    if (flags & PATH) {
      p++;
      if (flags & PATH_END) last = p;
    } else if (c === 0x28) {
      const close = scanParens(text, p);
      if (close < 0) break;
      p = close;
    } else break;
  }
  if (last < 0 && text.charCodeAt(pos) === 0x28) last = scanParens(text, pos);
  return last;
}

/** End of the path starting with the `/` at `slash`: as many path units as follow. */
function scanPath(text: string, slash: number): number {
  let pos = slash + 1;
  for (;;) {
    const next = pathUnit(text, pos);
    if (next <= pos) return pos;
    pos = next;
  }
}

/** End of a query starting with the `?` at `mark`, or `mark` when there is none. */
function scanQuery(text: string, mark: number, limit: number): number {
  let end = mark;
  for (let pos = mark + 1; pos < limit; pos++) {
    const flags = classOf(text.charCodeAt(pos));
    if ((flags & QUERY) === 0) break;
    if (flags & QUERY_END) end = pos + 1;
  }
  return end;
}

function schemeLength(text: string, at: number): number {
  if ((text.charCodeAt(at) | 0x20) !== 0x68 || (text.charCodeAt(at + 1) | 0x20) !== 0x74) return 0;
  if ((text.charCodeAt(at + 2) | 0x20) !== 0x74 || (text.charCodeAt(at + 3) | 0x20) !== 0x70) return 0;
  const s = (text.charCodeAt(at + 4) | 0x20) === 0x73 ? 1 : 0;
  return text.startsWith('://', at + 4 + s) ? 7 + s : 0;
}

interface Candidate {
  start: number;
  domainStart: number;
  domainEnd: number;
  hasPath: boolean;
  end: number;
}

/** The URL the big pattern would match at `start`, or undefined (then `failedSkipTo` says how far to skip). */
function candidateAt(text: string, start: number): Candidate | undefined {
  const scheme = schemeLength(text, start);
  let domainStart = start + scheme;
  let domainEnd = scanDomain(text, domainStart);
  if (domainEnd < 0 && scheme > 0) {
    domainEnd = scanDomain(text, (domainStart = start));
    failedSkipTo = -1;
  }
  if (domainEnd < 0) return undefined;
  let pos = domainEnd;
  if (text.charCodeAt(pos) === 0x3a && pos + 1 < text.length && isDigit(text.charCodeAt(pos + 1))) {
    pos += 2;
    while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
  }
  let hasPath = false;
  if (text.charCodeAt(pos) === 0x2f) {
    hasPath = true;
    pos = scanPath(text, pos);
  }
  if (text.charCodeAt(pos) === 0x3f) pos = scanQuery(text, pos, text.length);
  return { start, domainStart, domainEnd, hasPath, end: pos };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isPlainAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7e) return false;
  return true;
}

function domainIsValid(text: string, start: number, end: number): boolean {
  if (text.startsWith('xn--', start) && asciiDomains(text, start, end).length === 0) return false;
  let labelStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 0x2e) {
      const length = isPlainAscii(text, labelStart, i) ? i - labelStart : asciiLabelLength(text.slice(labelStart, i));
      if (length < 1 || length > 63) return false;
      labelStart = i + 1;
    }
  }
  return true;
}

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG = 40;

/** `https://t.co/<slug>` links keep only the slug and an optional query; undefined: not t.co. */
function tcoLength(text: string, start: number, end: number): number | undefined {
  const scheme = schemeLength(text, start);
  const t = start + scheme;
  if (scheme === 0 || (text.charCodeAt(t) | 0x20) !== 0x74 || text.charCodeAt(t + 1) !== 0x2e) return undefined;
  if ((text.charCodeAt(t + 2) | 0x20) !== 0x63 || (text.charCodeAt(t + 3) | 0x20) !== 0x6f || text.charCodeAt(t + 4) !== 0x2f)
    return undefined;
  const slugStart = start + scheme + 5;
  let pos = slugStart;
  while (pos < end && isAsciiAlnum(text.charCodeAt(pos))) pos++;
  if (pos === slugStart) return undefined;
  if (pos - slugStart > MAX_TCO_SLUG) return -1;
  if (text.charCodeAt(pos) === 0x3f && pos < end) {
    let last = pos;
    for (let q = pos + 1; q < end; q++) {
      const flags = classOf(text.charCodeAt(q));
      if (!(flags & QUERY)) break;
      if (flags & QUERY_END) last = q + 1;
    }
    pos = last;
  }
  return pos - start;
}

/**
 * Every URL in `text` as twitter-text 3 finds them (scheme-less `example.com` included).
 * @internal
 */
export function findXUrls(text: string): XUrlMatch[] {
  const found: XUrlMatch[] = [];
  if (text.indexOf('.') < 0) return found;
  const n = text.length;
  let s = 0;
  while (s < n) {
    let candidate: Candidate | undefined;
    let before = '';
    let skipTo = -1;
    if ((classOf(text.charCodeAt(s)) & PRECEDING) !== 0) {
      candidate = candidateAt(text, s + 1);
      before = text[s]!;
      skipTo = failedSkipTo;
    }
    if (candidate === undefined && s === 0) {
      candidate = candidateAt(text, 0);
      before = '';
      skipTo = -1;
    }
    if (candidate === undefined) {
      s = skipTo > s ? skipTo : s + 1;
      continue;
    }
    accept(text, candidate, before, found);
    s = candidate.end;
  }
  return found;
}

function accept(text: string, c: Candidate, before: string, found: XUrlMatch[]): void {
  const hasScheme = c.domainStart > c.start;
  const urlLength = c.end - c.start;
  if ((hasScheme ? c.domainStart - c.start : 8) + urlLength > MAX_URL_LENGTH) return;
  if (!domainIsValid(text, c.domainStart, c.domainEnd)) return;
  if (hasScheme) {
    const tco = tcoLength(text, c.start, c.end);
    if (tco === -1) return;
    const length = tco ?? urlLength;
    found.push({ start: c.start, end: c.start + length, length, hasScheme });
    return;
  }
  if (before === '-' || before === '_' || before === '.' || before === '/') return;
  const domain = text.slice(c.domainStart, c.domainEnd);
  let searchFrom = 0;
  let last: XUrlMatch | undefined;
  for (const [from, to] of asciiDomains(text, c.domainStart, c.domainEnd)) {
    const offset = domain.indexOf(text.slice(from, to), searchFrom);
    searchFrom = offset + (to - from);
    last = { start: c.domainStart + offset, end: c.domainStart + searchFrom, length: to - from, hasScheme };
    found.push(last);
  }
  if (last && c.hasPath) {
    last.length = urlLength - domain.length + last.length;
    last.end = c.end;
  }
}
