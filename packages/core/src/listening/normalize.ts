import { isBoundary, wordStartsAt } from './word-boundary.js';

/**
 * Text folding for matching: two spellings a reader sees as the same word fold to the same
 * string, so a rule written once matches every way people type it.
 */

// Combining marks that decorate a letter without changing which word it spells: Latin/Greek/
// Cyrillic diacritics, Hebrew points, Arabic harakat/tashkeel (incl. the hamza and madda NFD
// splits off alef/waw/yeh) and Quranic annotation signs. Indic vowel signs are NOT here:
// dropping them would change the word.
const DECORATIVE_MARKS =
  /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

// Invisible characters that only shape or direct text: tatweel (kashida), ZWNJ, soft hyphen,
// bidi marks, Arabic letter mark, word joiner, BOM.
const INVISIBLE = /[\u0640\u200c\u00ad\u200e\u200f\u061c\u2060\ufeff]/gu;

// Letters written differently in Arabic and Persian (or by habit) for the same word.
const LETTER_FOLDS: Record<string, string> = {
  '\u06cc': '\u064a', // Persian yeh ی → Arabic yeh ي
  '\u0649': '\u064a', // alef maksura ى → ي
  '\u06d2': '\u064a', // yeh barree ے → ي
  '\u06a9': '\u0643', // keheh ک → kaf ك
  '\u0629': '\u0647', // teh marbuta ة → heh ه (commonly typed as ه at a word's end)
  '\u06c0': '\u0647', // heh with yeh above ۀ → ه (its NFD form already drops the hamza)
  '\u06d5': '\u0647', // ae ە → ه
  '\u06c1': '\u0647', // heh goal ہ → ه
  '\u0671': '\u0627', // alef wasla ٱ → ا (أ إ آ fold to ا through NFD + mark stripping)
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  œ: 'oe',
  æ: 'ae',
  ς: 'σ',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

// Arabic-Indic (٠–٩) and extended Arabic-Indic / Persian (۰–۹) digits → ASCII digits.
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/gu;

// Anything that is not part of a word (letters, digits, marks), a hashtag/mention sigil,
// or an emoji separates words for matching.
const ASCII_SEPARATOR = /[^a-z0-9#@_$]+/g;
const ASCII_SEPARATOR_KEEPING_CASE = /[^A-Za-z0-9#@_$]+/g;
const ASCII_CLITIC_APOSTROPHE = /([a-z])'([a-z]{1,2})(?![a-z0-9])/gi;
const NON_ASCII = /[^\u0000-\u007f]/u;
// Regional indicators (flags such as 🇫🇷) and tag characters (🏴󠁧󠁢󠁳󠁣󠁴󠁿) are emoji parts too.
const SEPARATOR = /[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\u{e0020}-\u{e007f}#@_$\u200d\ufe0f]+/gu;
// English clitics after an apostrophe stay in the word: McDonald's → mcdonalds, don't → dont,
// we're → were. A longer tail is another word (French l'amour → l amour).
const CLITIC_APOSTROPHE = /(\p{L})['\u2019](\p{L}{1,2})(?![\p{L}\p{N}\p{M}])/gu;

/**
 * Folds text for matching: NFKC; lower case; Latin and other diacritics removed (NFD, then
 * combining marks dropped — Romanian `ș`/`ş` and `ț`/`ţ`, comma or cedilla, both become
 * `s`/`t`); Arabic harakat and tatweel removed; Arabic/Persian letter variants unified
 * (`ي ی ى` → `ي`, `ك ک` → `ك`, `ة` → `ه`, `أ إ آ ٱ` → `ا`); Arabic and Persian digits
 * → `0–9`; ZWNJ removed; an apostrophe before a one- or two-letter ending dropped
 * (`McDonald's` → `mcdonalds`); punctuation turned into single spaces. The result is for
 * comparing, never for display.
 *
 * @example
 * ```ts
 * normalizeForMatching('تَسْوِيق');        // 'تسويق'
 * normalizeForMatching('Ștefan Şerban'); // 'stefan serban'
 * normalizeForMatching('می‌خواهم');      // 'ميخواهم'
 * ```
 */
export function normalizeForMatching(text: string): string {
  return foldText(text, 'folded');
}

// Characters the separator rule keeps that are not ASCII: emoji, flags' regional indicators,
// tag characters, ZWJ and the emoji presentation selector.
const KEPT_SYMBOL = /^[\p{Extended_Pictographic}\p{Regional_Indicator}\u{e0020}-\u{e007f}\u200d\ufe0f]$/u;
let buffer = new Uint16Array(256);
const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isAsciiKept = (code: number) =>
  isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x23 || code === 0x40 || code === 0x5f || code === 0x24;

/**
 * The fold of text made of ASCII and emoji only, in one pass; `undefined` as soon as another
 * character shows up (it needs NFKC, mark stripping and letter folds). Gives exactly what the
 * full path gives (a property test holds them together).
 */
function foldAsciiAndEmoji(text: string, keepCase: boolean): string | undefined {
  if (buffer.length < text.length) buffer = new Uint16Array(text.length * 2);
  let length = 0;
  let gap = false;
  let cliticEnd = -1;
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      if (!keepCase && code >= 0x41 && code <= 0x5a) code += 0x20;
      if (isAsciiKept(code)) {
        if (gap && length > 0) buffer[length++] = 0x20;
        gap = false;
        buffer[length++] = code;
      } else if (code === 0x27 && index > cliticEnd && length > 0 && !gap && isAsciiLetter(buffer[length - 1]!)) {
        // McDonald's → mcdonalds: the apostrophe before a one- or two-letter ending goes (the
        // letter before it must not be one an earlier ending used up, as in the regex).
        const letters = cliticLetters(text, index + 1);
        if (letters > 0) cliticEnd = index + letters + 1;
        else gap = true;
      } else {
        gap = true;
      }
      continue;
    }
    // Not ASCII: only emoji parts that no later step changes stay on this path.
    const wide = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
    const char = wide ? text.slice(index, index + 2) : text[index]!;
    if (!KEPT_SYMBOL.test(char) || char.normalize('NFKC') !== char || char.toLowerCase() !== char) return undefined;
    if (gap && length > 0) buffer[length++] = 0x20;
    gap = false;
    buffer[length++] = code;
    if (wide) buffer[length++] = text.charCodeAt(++index);
  }
  let out = '';
  for (let start = 0; start < length; start += 8192) {
    out += String.fromCharCode.apply(null, buffer.subarray(start, Math.min(length, start + 8192)) as unknown as number[]);
  }
  return out;
}

// After an apostrophe, at `index`: how many (1 or 2) ASCII letters end the word there, else 0.
function cliticLetters(text: string, index: number): number {
  let letters = 0;
  while (letters < 3 && index + letters < text.length && isAsciiLetter(text.charCodeAt(index + letters))) letters += 1;
  if (letters === 0 || letters > 2) return 0;
  const next = text.codePointAt(index + letters);
  if (next === undefined) return letters;
  if (next < 0x80) return isAsciiLetter(next) || (next >= 0x30 && next <= 0x39) ? 0 : letters;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(next)) ? 0 : letters;
}

/**
 * How much a text is folded: `folded` (everything, the default), `case` (letter case kept:
 * `case:"Apple"` queries), `accents` (marks kept: `accents:"café"`), `exact` (both kept:
 * `raw:"Café"`). Every form splits words the same way, so word positions agree.
 */
export type FoldForm = 'folded' | 'case' | 'accents' | 'exact';

/** {@link normalizeForMatching} with case and/or accents optionally kept. @internal */
export function foldText(text: string, form: FoldForm): string {
  const keepCase = form === 'case' || form === 'exact';
  const keepAccents = form === 'accents' || form === 'exact';
  // ASCII text, with or without emoji, is unchanged by every step but case, apostrophes and
  // separators: one pass does those (most social text); anything else takes the full path.
  if (!NON_ASCII.test(text)) {
    // Pure ASCII: V8's regular expressions beat a hand-written loop here.
    const cased = keepCase ? text : text.toLowerCase();
    const joined = cased.includes("'") ? cased.replace(ASCII_CLITIC_APOSTROPHE, '$1$2') : cased;
    return joined.replace(keepCase ? ASCII_SEPARATOR_KEEPING_CASE : ASCII_SEPARATOR, ' ').trim();
  }
  const fast = foldAsciiAndEmoji(text, keepCase);
  if (fast !== undefined) return fast;
  const compatible = text.normalize('NFKC');
  const folded = (keepCase ? compatible : compatible.toLowerCase())
    .normalize('NFD')
    .replace(keepAccents ? INVISIBLE : DECORATIVE_MARKS, '')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(EASTERN_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf))
    .replace(CLITIC_APOSTROPHE, '$1$2');
  return folded.replace(SEPARATOR, ' ').trim();
}

/**
 * Whether the already-normalised `term` occurs in the already-normalised `text` as a whole
 * word (or word sequence): a word boundary (see `word-boundary.ts`) at both ends. A `prefix`
 * term may continue into a longer word (`refund*`).
 * @internal
 */
export function containsTerm(text: string, term: string, prefix = false): boolean {
  if (term.length === 0) return false;
  let from = 0;
  for (;;) {
    const start = text.indexOf(term, from);
    if (start < 0) return false;
    const end = start + term.length;
    if ((prefix || isBoundary(text, end)) && wordStartsAt(text, start)) return true;
    from = start + 1;
  }
}
