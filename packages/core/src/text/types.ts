/**
 * THE CONTRACT of `@smm/core/text` rules (agreed before implementation; adapter capabilities
 * embed `ContentRules`). The implementation may add optional fields, not change these.
 */
import type { MediaKind } from '../model/index.js';

/** How a network measures text length. */
export type LengthMethod =
  /** twitter-text v3 weighted length (NFC, light ranges weigh 1, others 2, emoji 2, URLs `urlLength`). */
  | 'x-weighted'
  /** Extended grapheme clusters (Intl.Segmenter), URLs as `urlLength` when set. */
  | 'graphemes'
  /** Unicode code points. */
  | 'code-points'
  /** UTF-16 code units (JavaScript `.length`). */
  | 'utf16'
  /** UTF-8 bytes. */
  | 'utf8-bytes';

/** One network's text rule, as data, so an adapter can declare a new one. */
export interface TextRule {
  /** Rule id, e.g. `x`, `bluesky`, `mastodon`, `youtube-title`. */
  id: string;
  method: LengthMethod;
  /** The maximum length, measured by `method`. */
  maxLength: number;
  /** A second cap in UTF-8 bytes (Bluesky: 3000). */
  maxBytes?: number;
  /** Every URL counts as this many (X and Mastodon: 23). Unset: URLs count as written. */
  urlLength?: number;
  /** `@user@domain` counts only `@user` (Mastodon). */
  mentionCountsLocalPartOnly?: boolean;
  maxHashtags?: number;
  maxMentions?: number;
  maxLinks?: number;
  /** Characters the network refuses (YouTube: `<>`). */
  forbiddenCharacters?: string;
  /** Added by the implementation: only URLs written with `http(s)://` count as `urlLength` (Mastodon). */
  urlsRequireScheme?: boolean;
  /** Added by the implementation: an emoji grapheme counts its UTF-8 bytes (Threads' documented rule). */
  emojiCountsUtf8Bytes?: boolean;
  /**
   * Added by the implementation: whose grammar finds the links and mentions that `urlLength` and
   * `mentionCountsLocalPartOnly` apply to. `'x'` (default): twitter-text's. `'mastodon'`: Mastodon's
   * server (a scheme required — http(s), gemini, gopher, ipfs, ipns, dat, dweb, ssb — and any
   * non-space path; its own `@user@domain` rule; blank text counts 0).
   */
  entityRules?: 'x' | 'mastodon';
}

/** What media a network accepts on one post. */
export interface MediaRules {
  /** Most attachments on one post (0: no media). */
  maxItems: number;
  /** Added by the implementation: fewest attachments a post needs (Instagram, YouTube, TikTok, Pinterest: 1). */
  minItems?: number;
  /** Kinds accepted. */
  kinds: readonly MediaKind[];
  /** Per-kind caps (X: 4 images or 1 video). */
  maxPerKind?: Partial<Record<MediaKind, number>>;
  /** Whether kinds may be mixed on one post (default false). */
  mixKinds?: boolean;
  /** Whether alt text is required (a network's rule or a brand policy). */
  requireAltText?: boolean;
  maxAltTextLength?: number;
  /** Per-kind byte caps. */
  maxSizeBytes?: Partial<Record<MediaKind, number>>;
}

/** Everything a draft is checked against for one network. */
export interface ContentRules {
  text: TextRule;
  media: MediaRules;
  /** A separate title rule (YouTube, Pinterest); when set, the title is required to fit it. */
  title?: TextRule;
  /** Added by the implementation: whether a title must be given (YouTube). */
  titleRequired?: boolean;
  /** Whether follow-up thread parts are allowed. */
  threads: boolean;
  maxThreadParts?: number;
}

/** One problem found in a draft for one network. */
export interface DraftProblem {
  /** Stable code: `text_too_long`, `too_many_bytes`, `too_many_hashtags`, `too_many_mentions`,
   * `too_many_links`, `too_many_media`, `unsupported_media_kind`, `mixed_media_kinds`,
   * `missing_alt_text`, `alt_text_too_long`, `media_too_large`, `forbidden_character`,
   * `threads_unsupported`, `too_many_thread_parts`, `title_too_long`, `missing_title`, `empty_post`.
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
