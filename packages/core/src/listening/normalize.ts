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
const SEPARATOR = /[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}#@_$\u200d\ufe0f]+/gu;

/**
 * Folds text for matching: NFKC; lower case; Latin and other diacritics removed (NFD, then
 * combining marks dropped — Romanian `ș`/`ş` and `ț`/`ţ`, comma or cedilla, both become
 * `s`/`t`); Arabic harakat and tatweel removed; Arabic/Persian letter variants unified
 * (`ي ی ى` → `ي`, `ك ک` → `ك`, `ة` → `ه`, `أ إ آ ٱ` → `ا`); Arabic and Persian digits
 * → `0–9`; ZWNJ removed; punctuation turned into single spaces. The result is for
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
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(DECORATIVE_MARKS, '')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(EASTERN_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
  return folded.replace(SEPARATOR, ' ').trim();
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
// Scripts written without spaces between words: a term matches anywhere inside a run.
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
// Arabic proclitics written joined to the next word (and, then, with, for, like, the): a
// rule for تسويق should find والتسويق. Already normalised (no hamza, no tashkeel).
const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل']);

/** Whether `char` belongs to a word (letter, digit, mark, underscore). @internal */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

function previousChar(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const code = text.charCodeAt(index - 1);
  // Step back over a surrogate pair as one character.
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

function leftBoundaryHolds(text: string, start: number, term: string): boolean {
  const before = previousChar(text, start);
  if (!isWordChar(before)) return true;
  if (SPACELESS.test(term[0] ?? '')) return true;
  if (ARABIC_LETTER.test(term[0] ?? '')) {
    let wordStart = start;
    while (isWordChar(previousChar(text, wordStart))) wordStart -= previousChar(text, wordStart)!.length;
    return ARABIC_PROCLITICS.has(text.slice(wordStart, start));
  }
  return false;
}

/**
 * Whether the already-normalised `term` occurs in the already-normalised `text` as a whole
 * word (or word sequence). A `prefix` term may continue into a longer word (`refund*`).
 * In scripts written without spaces (Chinese, Japanese, Thai, …) any occurrence counts.
 * @internal
 */
export function containsTerm(text: string, term: string, prefix = false): boolean {
  if (term.length === 0) return false;
  const lastChar = Array.from(term).at(-1) ?? '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(term, from);
    if (start < 0) return false;
    const end = start + term.length;
    const after = text.slice(end, end + 2);
    const rightHolds = prefix || SPACELESS.test(lastChar) || !isWordChar(Array.from(after)[0]);
    if (rightHolds && leftBoundaryHolds(text, start, term)) return true;
    from = start + 1;
  }
}
