import { X_COUNTRY_TLDS, X_GENERIC_TLDS } from './data/x-tld-data.js';

// Top-level domains as X's counting library knows them. All-ASCII TLDs are looked up as the whole
// alphanumeric run; the others (IDN TLDs, including those that begin with ASCII letters, such as
// `vermögensberatung`) are tried in list order, since one may prefix another. Where both kinds
// match at one place, the one earlier in X's list wins, as in X's alternation.

interface TldTables {
  /** All-ASCII TLDs and their position in X's list. */
  ascii: Map<string, number>;
  /** TLDs with a non-ASCII character (case-folded), by first code unit, in list order. */
  unicode: Map<number, Array<{ tld: string; rank: number }>>;
}

let tables: TldTables | undefined;

/** JavaScript's case folding for `/i` regexes without the `u` flag, one code unit at a time. */
export function foldCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const upper = ch.toUpperCase();
    out += upper.length === 1 && !(ch.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? upper : ch;
  }
  return out;
}

function build(): TldTables {
  const t: TldTables = { ascii: new Map(), unicode: new Map() };
  let rank = 0;
  for (const tld of `${X_GENERIC_TLDS} ${X_COUNTRY_TLDS}`.split(' ')) {
    rank++;
    if (/^[a-z0-9]+$/.test(tld)) t.ascii.set(tld, rank);
    else {
      const folded = foldCase(tld);
      const key = folded.charCodeAt(0);
      const list = t.unicode.get(key) ?? [];
      list.push({ tld: folded, rank });
      t.unicode.set(key, list);
    }
  }
  return t;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Whether a TLD may end before code unit `c` (-1: end of text): not a letter, digit, `@`, `+` or `-`. */
function endsTld(c: number): boolean {
  return c === -1 || !(isAsciiAlnum(c) || c === 0x40 || c === 0x2b || c === 0x2d);
}

function lowerAscii(text: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return text.slice(start, end).toLowerCase();
  }
  return text.slice(start, end);
}

/**
 * End index of the TLD starting at `start` (before `limit`), or -1. Tries known TLDs, then a
 * Punycode `xn--` label.
 * @internal
 */
export function matchTld(text: string, start: number, limit: number): number {
  const t = (tables ??= build());
  if (start >= limit) return -1;
  const first = text.charCodeAt(start);
  let asciiEnd = -1;
  let asciiRank = Infinity;
  if (first < 0x80) {
    let end = start;
    while (end < limit && isAsciiAlnum(text.charCodeAt(end))) end++;
    if (end - start >= 2 && endsTld(end < limit ? text.charCodeAt(end) : -1)) {
      const rank = t.ascii.get(lowerAscii(text, start, end));
      if (rank !== undefined) {
        asciiEnd = end;
        asciiRank = rank;
      }
    }
    // xn--[-0-9a-z]+, no boundary required; it comes after every listed TLD in X's pattern.
    if (asciiEnd < 0 && end - start === 2 && (first | 0x20) === 0x78 && (text.charCodeAt(start + 1) | 0x20) === 0x6e) {
      if (start + 3 < limit && text.charCodeAt(start + 2) === 0x2d && text.charCodeAt(start + 3) === 0x2d) {
        let p = start + 4;
        while (p < limit && (isAsciiAlnum(text.charCodeAt(p)) || text.charCodeAt(p) === 0x2d)) p++;
        if (p > start + 4) return p;
      }
    }
  }
  // Upper-cased first letter (X's case folding); for ASCII without building a string.
  const key = first < 0x80 ? (first >= 0x61 && first <= 0x7a ? first - 0x20 : first) : foldCase(text[start]!).charCodeAt(0);
  const candidates = t.unicode.get(key);
  if (candidates) {
    for (const { tld, rank } of candidates) {
      if (rank > asciiRank) break;
      const end = start + tld.length;
      if (end > limit) continue;
      if (foldCase(text.slice(start, end)) === tld && endsTld(end < limit ? text.charCodeAt(end) : -1)) return end;
    }
  }
  return asciiEnd;
}
