import ISO6391 from 'iso-639-1';

// Mastodon's LanguagesHelper::SUPPORTED_LOCALES beyond ISO 639-1: the ISO 639-3 and regional
// codes it also takes as a status `language` (app/helpers/languages_helper.rb).
const ISO_639_3 = ['ast', 'chr', 'ckb', 'cnr', 'jbo', 'kab', 'ldn', 'lfn', 'sco', 'sma', 'smj', 'szl', 'tok', 'xal', 'zba', 'zgh'];
const REGIONAL = ['zh-CN', 'zh-HK', 'zh-TW', 'zh-YUE'];

/**
 * Whether Mastodon takes `code` as a status language as given (case-sensitive, as its
 * `valid_locale?` is): an ISO 639-1 code, or one of the few ISO 639-3 and regional codes it lists.
 *
 * @example
 * ```ts
 * isPostingLanguage('fa'); // true
 * isPostingLanguage('english'); // false
 * ```
 */
export function isPostingLanguage(code: string): boolean {
  return ISO6391.validate(code) || ISO_639_3.includes(code) || REGIONAL.includes(code);
}

/**
 * The language a status gets: the one asked for when Mastodon knows it, else (as
 * `valid_locale_cascade` does) the account's posting language, else the instance's default
 * locale. Mastodon does not refuse an unknown `language`; it replaces it.
 *
 * @example
 * ```ts
 * statusLanguage('xx', 'en'); // 'en'
 * ```
 */
export function statusLanguage(asked: unknown, fallback: string): string {
  return typeof asked === 'string' && isPostingLanguage(asked) ? asked : fallback;
}
