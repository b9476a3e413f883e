// The closed vocabularies of spec v1. They live here, not in the model, so the published spec
// never changes when the model grows: the model takes these lists today (one source) and may
// extend them later; `client/model-satisfies-adapter-spec.test.ts` checks that it still fits.

/** Media kinds an adapter v1 can declare and receive. */
export const ADAPTER_V1_MEDIA_KINDS = ['image', 'video', 'gif', 'document', 'audio'] as const;
/** A media kind of spec v1. */
export type AdapterV1MediaKind = (typeof ADAPTER_V1_MEDIA_KINDS)[number];

/** Kinds of mention an adapter v1 can return. */
export const ADAPTER_V1_MENTION_KINDS = ['mention', 'reply', 'comment', 'quote', 'direct_message', 'review'] as const;
/** A mention kind of spec v1. */
export type AdapterV1MentionKind = (typeof ADAPTER_V1_MENTION_KINDS)[number];

/** Post visibilities of spec v1. */
export const ADAPTER_V1_VISIBILITIES = ['public', 'unlisted', 'followers', 'direct'] as const;
/** A visibility of spec v1. */
export type AdapterV1Visibility = (typeof ADAPTER_V1_VISIBILITIES)[number];

/** Canonical metric names an adapter v1 can report. */
export const ADAPTER_V1_METRICS = [
  'impressions',
  'reach',
  'views',
  'videoViews',
  'watchTimeMs',
  'likes',
  'comments',
  'shares',
  'quotes',
  'saves',
  'clicks',
  'linkClicks',
  'profileVisits',
  'followers',
  'following',
  'posts',
  'conversions',
  'spend',
] as const;
/** A canonical metric name of spec v1. */
export type AdapterV1Metric = (typeof ADAPTER_V1_METRICS)[number];

/** How text length is counted. */
export const ADAPTER_V1_LENGTH_METHODS = ['x-weighted', 'graphemes', 'code-points', 'utf16', 'utf8-bytes'] as const;
/** A length-counting method of spec v1. */
export type AdapterV1LengthMethod = (typeof ADAPTER_V1_LENGTH_METHODS)[number];
