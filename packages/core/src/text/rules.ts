import type { ContentRules, MediaRules, TextRule } from './types.js';

// Values from each network's documentation (see /docs/text.md for sources and the ones that are
// unconfirmed). Where a network does not say how it counts, we count UTF-16 units: never fewer
// than the network, so a post we pass is not refused for length.

const MB = 1024 * 1024;

/**
 * Built-in text rules, one per network (and per field where a network has two: YouTube and
 * Pinterest titles and descriptions). Plain data: copy and change one for an instance with
 * other limits, or declare your own for a new network.
 *
 * @example
 * ```ts
 * countLength(text, TEXT_RULES.x);
 * const myInstance = { ...TEXT_RULES.mastodon, maxLength: 5000 }; // instance configuration
 * ```
 */
export const TEXT_RULES = {
  x: { id: 'x', method: 'x-weighted', maxLength: 280, urlLength: 23 },
  bluesky: { id: 'bluesky', method: 'graphemes', maxLength: 300, maxBytes: 3000 },
  mastodon: {
    id: 'mastodon',
    method: 'graphemes',
    maxLength: 500,
    urlLength: 23,
    urlsRequireScheme: true,
    mentionCountsLocalPartOnly: true,
    entityRules: 'mastodon',
  },
  // "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes."
  // (https://developers.facebook.com/documentation/threads/posts); more than 5 links fail with
  // THREADS_API__LINK_LIMIT_EXCEEDED (…/threads/create-posts/text-attachments). Threads counts unique
  // URLs; every URL counts here, never fewer than Threads.
  threads: { id: 'threads', method: 'graphemes', maxLength: 500, emojiCountsUtf8Bytes: true, maxLinks: 5 },
  linkedin: { id: 'linkedin', method: 'utf16', maxLength: 3000 },
  instagram: { id: 'instagram', method: 'utf16', maxLength: 2200, maxHashtags: 30, maxMentions: 20 },
  facebook: { id: 'facebook', method: 'utf16', maxLength: 63206 },
  youtubeTitle: { id: 'youtube-title', method: 'utf16', maxLength: 100, forbiddenCharacters: '<>' },
  youtubeDescription: { id: 'youtube-description', method: 'utf8-bytes', maxLength: 5000, forbiddenCharacters: '<>' },
  tiktok: { id: 'tiktok', method: 'utf16', maxLength: 2200 },
  pinterestTitle: { id: 'pinterest-title', method: 'utf16', maxLength: 100 },
  // PinCreate.description maxLength 800 in Pinterest's OpenAPI (pinterest/api-description v5/openapi.json, 5.23.0).
  pinterestDescription: { id: 'pinterest-description', method: 'utf16', maxLength: 800 },
} as const satisfies Record<string, TextRule>;

const X_MEDIA: MediaRules = {
  maxItems: 4,
  kinds: ['image', 'gif', 'video'],
  maxPerKind: { image: 4, gif: 1, video: 1 },
  mixKinds: false,
  maxAltTextLength: 1000,
  maxSizeBytes: { image: 5 * MB, gif: 15 * MB, video: 512 * MB },
};

/**
 * Built-in content rules per network: the text rule, media limits, titles, and whether threads
 * are allowed. Adapters embed these in their capabilities; `validateDraft` checks against them.
 *
 * @example
 * ```ts
 * validateDraft(draft, CONTENT_RULES.bluesky); // DraftProblem[]
 * const strict = { ...CONTENT_RULES.x, media: { ...CONTENT_RULES.x.media, requireAltText: true } };
 * ```
 */
export const CONTENT_RULES = {
  x: { text: TEXT_RULES.x, media: X_MEDIA, threads: true, maxThreadParts: 25 },
  bluesky: {
    text: TEXT_RULES.bluesky,
    media: {
      maxItems: 4,
      kinds: ['image', 'video'],
      maxPerKind: { image: 4, video: 1 },
      mixKinds: false,
      maxAltTextLength: 2000,
      maxSizeBytes: { image: 1_000_000, video: 100 * MB },
    },
    threads: true,
  },
  mastodon: {
    text: TEXT_RULES.mastodon,
    media: {
      maxItems: 4,
      kinds: ['image', 'gif', 'video', 'audio'],
      maxPerKind: { video: 1, audio: 1 },
      mixKinds: false,
      maxAltTextLength: 1500,
      maxSizeBytes: { image: 16 * MB, gif: 16 * MB, video: 99 * MB, audio: 99 * MB },
    },
    threads: true,
  },
  threads: {
    text: TEXT_RULES.threads,
    media: { maxItems: 20, kinds: ['image', 'video'], mixKinds: true, maxSizeBytes: { image: 8 * MB, video: 1024 * MB } },
    threads: true,
  },
  linkedin: {
    text: TEXT_RULES.linkedin,
    media: { maxItems: 20, kinds: ['image', 'video', 'document'], maxPerKind: { video: 1, document: 1 }, mixKinds: false },
    threads: false,
  },
  instagram: {
    text: TEXT_RULES.instagram,
    media: { minItems: 1, maxItems: 10, kinds: ['image', 'video'], mixKinds: true, maxSizeBytes: { image: 8 * MB, video: 300 * MB } },
    threads: false,
  },
  facebook: {
    text: TEXT_RULES.facebook,
    media: { maxItems: 10, kinds: ['image', 'video'], maxPerKind: { video: 1 }, mixKinds: false },
    threads: false,
  },
  youtube: {
    text: TEXT_RULES.youtubeDescription,
    title: TEXT_RULES.youtubeTitle,
    titleRequired: true,
    media: { minItems: 1, maxItems: 1, kinds: ['video'] },
    threads: false,
  },
  tiktok: {
    text: TEXT_RULES.tiktok,
    media: {
      minItems: 1,
      maxItems: 35,
      kinds: ['video', 'image'],
      maxPerKind: { video: 1 },
      mixKinds: false,
      maxSizeBytes: { video: 4096 * MB },
    },
    threads: false,
  },
  pinterest: {
    text: TEXT_RULES.pinterestDescription,
    title: TEXT_RULES.pinterestTitle,
    media: { minItems: 1, maxItems: 5, kinds: ['image', 'video'], mixKinds: false, maxAltTextLength: 500 },
    threads: false,
  },
} as const satisfies Record<string, ContentRules>;

/** The networks that have built-in rules. */
export type BuiltInNetwork = keyof typeof CONTENT_RULES;
