import { EMOJI_ALWAYS, EMOJI_SEQUENCES, EMOJI_UNLESS_TEXT_STYLE } from './data/x-emoji-data.js';

// Emoji as twitter-text 3 recognises them (twemoji-parser 11's set): one emoji, however many
// code points, weighs 2. Matching takes the longest known sequence at a position, which is what
// twemoji's ordered alternation yields (checked exhaustively in x-emoji.test.ts).

const ALWAYS = 1;
const UNLESS_TEXT_STYLE = 2;
const STARTS_SEQUENCE = 4;
const TEXT_STYLE = 0xfe0e;
const SKIN_TONES = [0x1f3fb, 0x1f3fc, 0x1f3fd, 0x1f3fe, 0x1f3ff];

interface TrieNode {
  end: boolean;
  next: Map<number, TrieNode>;
}

interface EmojiTables {
  /** Flags per BMP code unit and per astral code point in U+1F000..U+1FFFF (offset 0x10000). */
  bmp: Uint8Array;
  astral: Uint8Array;
  trie: Map<number, TrieNode>;
}

let tables: EmojiTables | undefined;

function setFlag(t: EmojiTables, cp: number, flag: number): void {
  if (cp < 0x10000) t.bmp[cp]! |= flag;
  else if (cp >= 0x1f000 && cp <= 0x1ffff) t.astral[cp - 0x1f000]! |= flag;
}

function addRanges(t: EmojiTables, spec: string, flag: number): void {
  for (const part of spec.split(' ')) {
    const [from, to = from] = part.split('-');
    for (let cp = parseInt(from!, 16); cp <= parseInt(to!, 16); cp++) setFlag(t, cp, flag);
  }
}

function addSequence(t: EmojiTables, cps: number[]): void {
  let level = t.trie;
  let node: TrieNode | undefined;
  for (const cp of cps) {
    node = level.get(cp);
    if (!node) level.set(cp, (node = { end: false, next: new Map() }));
    level = node.next;
  }
  node!.end = true;
  setFlag(t, cps[0]!, STARTS_SEQUENCE);
}

function build(): EmojiTables {
  const t: EmojiTables = { bmp: new Uint8Array(0x10000), astral: new Uint8Array(0x1000), trie: new Map() };
  addRanges(t, EMOJI_ALWAYS, ALWAYS);
  addRanges(t, EMOJI_UNLESS_TEXT_STYLE, UNLESS_TEXT_STYLE);
  for (const template of EMOJI_SEQUENCES.split(' ')) {
    const parts = template.split('.');
    const variants = parts.includes('~') ? SKIN_TONES : [0];
    for (const tone of variants)
      addSequence(
        t,
        parts.map((p) => (p === '~' ? tone : parseInt(p, 16))),
      );
  }
  return t;
}

function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * Per-BMP-code-unit table: non-zero where an emoji may start (surrogates: look closer).
 * @internal
 */
export function xEmojiStarts(): Uint8Array {
  const t = (tables ??= build());
  return t.bmp;
}

/**
 * Length in UTF-16 code units of the emoji (as X counts emoji) starting at `i`, or 0.
 * @internal
 */
export function xEmojiLengthAt(text: string, i: number): number {
  const t = (tables ??= build());
  const first = codePointAt(text, i);
  const flags = first < 0x10000 ? t.bmp[first]! : first >= 0x1f000 && first <= 0x1ffff ? t.astral[first - 0x1f000]! : 0;
  if (flags === 0) return 0;
  const firstLength = first > 0xffff ? 2 : 1;
  let best = 0;
  if (flags & ALWAYS) best = firstLength;
  else if (flags & UNLESS_TEXT_STYLE && text.charCodeAt(i + firstLength) !== TEXT_STYLE) best = firstLength;
  if (flags & STARTS_SEQUENCE) {
    let node = t.trie.get(first);
    let at = i + firstLength;
    while (node && at < text.length) {
      const cp = codePointAt(text, at);
      node = node.next.get(cp);
      if (!node) break;
      at += cp > 0xffff ? 2 : 1;
      if (node.end && at - i > best) best = at - i;
    }
  }
  return best;
}
