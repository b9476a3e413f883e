/**
 * Types of `@smm/core/text`. The content rules are the adapter spec's (`@smm/core/adapter-spec`,
 * one schema, the type inferred from it), so what an adapter declares and what the toolkit
 * checks cannot drift apart.
 */
import type { AdapterV1ContentRules, AdapterV1LengthMethod, AdapterV1MediaRules, AdapterV1TextRule } from '../adapter-spec/index.js';

/** How a network measures text length: `x-weighted` (twitter-text v3), `graphemes`, `code-points`, `utf16`, `utf8-bytes`. */
export type LengthMethod = AdapterV1LengthMethod;

/** One network's text rule, as data, so an adapter can declare a new one. */
export type TextRule = AdapterV1TextRule;

/** What media a post may carry on a network. */
export type MediaRules = AdapterV1MediaRules;

/** A network's content rules: text, media, title and threads. */
export type ContentRules = AdapterV1ContentRules;

/** One problem found in a draft for one network. */
export interface DraftProblem {
  /** Stable code: `text_too_long`, `too_many_bytes`, `too_many_hashtags`, `too_many_mentions`,
   * `too_many_links`, `too_many_media`, `unsupported_media_kind`, `mixed_media_kinds`,
   * `missing_alt_text`, `alt_text_too_long`, `media_too_large`, `forbidden_character`,
   * `threads_unsupported`, `too_many_thread_parts`, `title_too_long`, `missing_title`, `empty_post`.
   * Media file rules (spec v1.1): `media_format`, `media_too_small`, `media_too_wide`, `media_too_narrow`, `media_too_tall`,
   * `media_too_short`, `media_aspect_ratio`, `media_too_long`, `media_too_brief`, `media_codec`; unreadable sources: `file_not_found`, …
   * Added by the implementation: `too_few_media` (a network that needs media), `invalid_character`
   * (a character the network refuses in any post: X's U+FFFE, U+FEFF, U+FFFF). */
  code: string;
  /** Human message: what is wrong and how to fix it, e.g. "text is 312 of 280 allowed (x-weighted): shorten by 32". */
  message: string;
  /** Path in the draft, e.g. `['thread', 2, 'text']`. */
  path: Array<string | number>;
  measured?: number;
  allowed?: number;
}
