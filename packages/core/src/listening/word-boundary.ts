/**
 * Where words start and end in already-normalised text, in every script.
 *
 * The rule (docs/listening.md, "Word boundaries"): between two characters there is a word
 * boundary when
 * 1. either side is not a word character (letter, digit, mark, `_`), or is the text's edge;
 * 2. either side belongs to a script written without spaces (Han, Hiragana, Katakana, Thai,
 *    Lao, Khmer, Myanmar — by Unicode script *extensions*, so the prolonged sound mark `ー`
 *    counts as Katakana); or
 * 3. the two sides are letters of two different scripts (`iPhoneが`, `Samsungใหม่`,
 *    `iPhoneها`). Digits and combining marks take no side: `iphone15` is one word.
 * Arabic additionally lets a word start after a joined proclitic (`و`, `ال`, `بال`, …).
 */

// Scripts written without spaces between words: every character edge is a possible boundary.
const SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const ASCII_WORD = /[a-z0-9_]/u;
// Letters of the scripts people mix most; any other letter is "other" (one group).
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
];
const NEUTRAL = /[\p{N}\p{M}_]/u;

// Arabic proclitics written joined to the next word (and, then, with, for, like, the): a
// rule for تسويق should find والتسويق. Already normalised (no hamza, no tashkeel).
const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل']);

// a–z, 0–9, _ (folded text has no upper case; A–Z count too for case-kept forms).
const isAsciiWord = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || (code >= 0x41 && code <= 0x5a);

/** Whether `char` belongs to a word (letter, digit, mark, underscore). @internal */
export function isWordChar(char: string | undefined): boolean {
  if (char === undefined || char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return ASCII_WORD.test(char);
  return WORD_CHAR.test(char);
}

/** The code point ending at `index` (a surrogate pair counts as one). @internal */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

/** The code point starting at `index`. @internal */
export function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) return text.slice(index, index + 2);
  return text[index];
}

function scriptOf(char: string): string | undefined {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 'latin' : undefined;
  if (NEUTRAL.test(char)) return undefined;
  for (const [name, pattern] of SCRIPTS) if (pattern.test(char)) return name;
  return 'other';
}

/** Whether `char` is in a script written without spaces (by script extensions). @internal */
export function isSpaceless(char: string | undefined): boolean {
  return char !== undefined && char.charCodeAt(0) >= 0x80 && SPACELESS.test(char);
}

/**
 * Whether a word boundary lies at UTF-16 offset `index` of normalised `text` (see the rule
 * at the top of this file). Arabic proclitics are not considered here; see
 * {@link wordStartsAt}.
 * @internal
 */
export function isBoundary(text: string, index: number): boolean {
  // ASCII on both sides (most text): a boundary unless both are word characters.
  const left = index > 0 ? text.charCodeAt(index - 1) : -1;
  const right = index < text.length ? text.charCodeAt(index) : -1;
  if (left < 0x80 && right < 0x80) return !(isAsciiWord(left) && isAsciiWord(right));
  const before = charBefore(text, index);
  const after = charAt(text, index);
  if (!isWordChar(before) || !isWordChar(after)) return true;
  if (isSpaceless(before) || isSpaceless(after)) return true;
  const leftScript = scriptOf(before!);
  const rightScript = scriptOf(after!);
  return leftScript !== undefined && rightScript !== undefined && leftScript !== rightScript;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * Whether a word (or a term starting with `firstChar`) may start at `index`: a boundary, or
 * an Arabic term right after a joined proclitic (`التسويق` holds `تسويق`).
 * @internal
 */
export function wordStartsAt(text: string, index: number): boolean {
  if (isBoundary(text, index)) return true;
  if (text.charCodeAt(index) < 0x80) return false;
  const first = charAt(text, index);
  if (first === undefined || first.charCodeAt(0) < 0x80 || !ARABIC_LETTER.test(first)) return false;
  let start = index;
  for (;;) {
    const previous = charBefore(text, start);
    if (!isWordChar(previous) || !ARABIC_LETTER.test(previous!)) break;
    start -= previous!.length;
  }
  return !isWordChar(charBefore(text, start)) && ARABIC_PROCLITICS.has(text.slice(start, index));
}
