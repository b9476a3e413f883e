/**
 * A small, dependency-free language guess for short social texts: enough to tell English
 * from "not English" and to name Arabic, Persian, Hebrew, Greek, Cyrillic, CJK and Thai texts
 * by script. It answers `undefined` rather than guess when the text gives too little to go on.
 */

// English function words: frequent, short and rarely words in other Latin-script languages.
const ENGLISH_WORDS = new Set(
  (
    'the a an and or but is are was were be been being am i me my mine you your yours he she it its we our they their them ' +
    'this that these those to of in on at for with from by about as not no never do does did don t doesn didn isn wasn ' +
    'aren can can t cannot could would should will won have has had haven hasn hadn what why how when where who which ' +
    'there here please thanks thank just still again very so too also any some all get got my your order'
  ).split(' '),
);

// Romanian words rarely used in other languages (folded: no diacritics), and its letters.
const ROMANIAN_WORDS = new Set(
  (
    'si nu este sunt foarte pentru vreau multumesc mersi unde cand comanda mea meu mei mele nici niciodata ' +
    'dar sau asta acesta aceasta acum inca deja am ati avem aveti puteti poate trebuie banii ziua buna'
  ).split(' '),
);
// ă and the comma-below ș ț (and legacy cedilla ţ) — not â, î or ş, which French and Turkish share.
const ROMANIAN_LETTERS = /[ășțţĂȘȚŢ]/u;

/**
 * Guesses a BCP 47 primary language subtag from the letters of `text`, or `undefined` when it
 * cannot tell. Latin-script text counts as English only when English function words make up
 * at least a fifth of its words, as Romanian when it has Romanian letters (ă ș ț) or
 * Romanian words make up a fifth and outnumber the English ones; other Latin-script
 * languages come back `undefined`.
 *
 * @example
 * ```ts
 * guessLanguage('Where is my order?');   // 'en'
 * guessLanguage('سفارش من کجاست؟');     // 'fa'
 * guessLanguage('Unde este comanda mea?'); // 'ro'
 * guessLanguage('Où est ma commande ?'); // undefined
 * ```
 */
export function guessLanguage(text: string): string | undefined {
  const counts = { arabic: 0, latin: 0, hebrew: 0, greek: 0, cyrillic: 0, han: 0, kana: 0, hangul: 0, thai: 0 };
  for (const char of text) {
    if (/\p{Script=Arabic}/u.test(char)) counts.arabic += 1;
    else if (/\p{Script=Latin}/u.test(char)) counts.latin += 1;
    else if (/\p{Script=Hebrew}/u.test(char)) counts.hebrew += 1;
    else if (/\p{Script=Greek}/u.test(char)) counts.greek += 1;
    else if (/\p{Script=Cyrillic}/u.test(char)) counts.cyrillic += 1;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) counts.kana += 1;
    else if (/\p{Script=Han}/u.test(char)) counts.han += 1;
    else if (/\p{Script=Hangul}/u.test(char)) counts.hangul += 1;
    else if (/\p{Script=Thai}/u.test(char)) counts.thai += 1;
  }
  const [script, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  if (count === 0) return undefined;
  switch (script) {
    case 'arabic':
      // Letters Persian has and Arabic lacks (پ چ ژ گ, Persian yeh/keheh) versus Arabic-only ة.
      if (/[\u067e\u0686\u0698\u06af\u06cc\u06a9]/u.test(text)) return 'fa';
      if (/[\u0629\u064a\u0643\u0649]/u.test(text)) return 'ar';
      return undefined;
    case 'hebrew':
      return 'he';
    case 'greek':
      return 'el';
    case 'hangul':
      return 'ko';
    case 'thai':
      return 'th';
    case 'kana':
      return 'ja';
    case 'han':
      return counts.kana > 0 ? 'ja' : 'zh';
    case 'cyrillic':
      return undefined; // Russian, Ukrainian, Bulgarian, Serbian, … share the script.
    default: {
      const folded = text
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/gu, '');
      const latinWords = folded.match(/[a-z]+/gu) ?? [];
      const romanian = latinWords.filter((word) => ROMANIAN_WORDS.has(word)).length;
      const englishCount = latinWords.filter((word) => ENGLISH_WORDS.has(word)).length;
      if (latinWords.length > 0 && (ROMANIAN_LETTERS.test(text) || (romanian / latinWords.length >= 0.2 && romanian > englishCount))) {
        return 'ro';
      }
      const words = text.toLowerCase().match(/[a-z]+/gu) ?? [];
      if (/[^\u0000-\u024f\s\p{P}\p{S}\p{N}]/u.test(text) === false && words.length > 0) {
        const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
        if (english > 0 && english / words.length >= 0.2) return 'en';
      }
      return undefined;
    }
  }
}

/** The primary subtag of a BCP 47 tag, lower-cased (`en-GB` → `en`). @internal */
export function primaryLanguage(tag: string | undefined): string | undefined {
  if (tag === undefined || tag.trim() === '') return undefined;
  return tag.trim().split(/[-_]/u)[0]!.toLowerCase();
}
