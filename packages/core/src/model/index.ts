/**
 * The platform-neutral model: zod schemas (the source of truth) and the types inferred from
 * them. Everything is plain JSON: ISO-8601 UTC instants, IANA zones, durations in ms.
 *
 * @packageDocumentation
 */
export {
  DurationMsSchema,
  HttpUrlSchema,
  InstantSchema,
  KNOWN_NETWORKS,
  NetworkIdSchema,
  TimeZoneSchema,
  isValidTimeZone,
  type NetworkId,
} from './primitives.js';
export { AccountSchema, type Account, type AccountInput } from './account.js';
export {
  MEDIA_KINDS,
  MediaRefSchema,
  MediaSourceSchema,
  STORABLE_MEDIA_SOURCE_TYPES,
  type MediaKind,
  type LocalMediaSource,
  type MediaRef,
  type MediaRefInput,
  type MediaSource,
  type StoredSource,
} from './media-ref.js';
export { PostRefSchema, PublishedPostSchema, type PostRef, type PublishedPost } from './post-ref.js';
export { PendingPublishSchema, PublishProgressSchema, type PendingPublish, type PublishProgress } from './pending-publish.js';
export {
  PostDraftSchema,
  PostVariantSchema,
  ThreadPartSchema,
  VARIANT_FIELDS,
  VISIBILITIES,
  draftFor,
  overriddenFields,
  variantPath,
  type PostVariant,
  type VariantField,
  type NetworkOptions,
  type NetworkOptionsRegistry,
  type PostDraft,
  type PostDraftInput,
  type ThreadPart,
  type Visibility,
} from './post-draft.js';
export { MENTION_KINDS, MentionAuthorSchema, MentionSchema, type Mention, type MentionAuthor, type MentionKind } from './mention.js';
export {
  CANONICAL_METRICS,
  MetricSnapshotSchema,
  MetricSubjectSchema,
  MetricValueSchema,
  type CanonicalMetric,
  type MetricSnapshot,
  type MetricSubject,
  type MetricValue,
} from './metric-snapshot.js';
export { pageSchema, type Page } from './page.js';
export { unstorableMedia } from './storable-media.js';
export { PublicAccountSchema, PublicPostSchema, type PublicAccount, type PublicPost } from './public-account.js';
export {
  parseAccount,
  parseMediaRef,
  parseMention,
  parseMetricSnapshot,
  parsePage,
  parsePostDraft,
  parsePostRef,
  parsePublishedPost,
  parseWithSchema,
  safeParseWithSchema,
  toValidationIssues,
  type SafeParser,
} from './parse.js';
