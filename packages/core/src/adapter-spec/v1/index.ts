// Spec v1: every type and schema it uses is in this folder (see adapter-v1.ts).
export type { AdapterV1 } from './adapter-v1.js';
export type { AdapterV1Account } from './adapter-v1-account.js';
export { adapterV1CapabilitiesSchema, type AdapterV1Capabilities } from './adapter-v1-capabilities.js';
export type { AdapterV1Clock } from './adapter-v1-clock.js';
export { adapterV1ContentRulesSchema, type AdapterV1ContentRules } from './adapter-v1-content-rules.js';
export type {
  AdapterV1AppRegistrationInput,
  AdapterV1ClientAuthMethod,
  AdapterV1Connect,
  AdapterV1ConnectableAccount,
  AdapterV1ConnectableAccountKind,
  AdapterV1ConnectContext,
  AdapterV1ConnectSettings,
  AdapterV1OAuthConnect,
  AdapterV1OAuthEndpoints,
  AdapterV1PasswordConnect,
  AdapterV1RegisteredApp,
  AdapterV1TokenResponse,
} from './adapter-v1-connect.js';
export type { AdapterV1Context } from './adapter-v1-context.js';
export type { AdapterV1Credentials, AdapterV1CredentialsFactoryInput, AdapterV1CredentialsProvider } from './adapter-v1-credentials.js';
export type { AdapterV1DirectMessageInput } from './adapter-v1-direct-message-input.js';
export type { AdapterV1DirectMessageOutput } from './adapter-v1-direct-message-output.js';
export type { AdapterV1ErrorMapping, AdapterV1ErrorResponse } from './adapter-v1-error-mapping.js';
export type { AdapterV1FetchedPost } from './adapter-v1-fetched-post.js';
export type { AdapterV1FindPublishedInput } from './adapter-v1-find-published-input.js';
export type {
  AdapterV1HttpClient,
  AdapterV1HttpRequest,
  AdapterV1HttpResponse,
  AdapterV1RateLimitBucket,
  AdapterV1RateLimitState,
  AdapterV1SearchParams,
} from './adapter-v1-http-client.js';
export type { AdapterV1HttpSettings } from './adapter-v1-http-settings.js';
export { adapterV1IdempotencySchema, type AdapterV1Idempotency } from './adapter-v1-idempotency.js';
export type { AdapterV1ListMentionsInput } from './adapter-v1-list-mentions-input.js';
export type { AdapterV1LogFields, AdapterV1Logger } from './adapter-v1-logger.js';
export type { AdapterV1MediaBody, AdapterV1MediaChunk } from './adapter-v1-media-body.js';
export type { AdapterV1MediaRef, AdapterV1MediaSource } from './adapter-v1-media-ref.js';
export {
  adapterV1MediaFileRulesSchema,
  adapterV1MediaRulesSchema,
  type AdapterV1MediaFileRules,
  type AdapterV1MediaRules,
} from './adapter-v1-media-rules.js';
export type { AdapterV1Mention, AdapterV1MentionAuthor } from './adapter-v1-mention.js';
export { ADAPTER_V1_MENTION_ACTIONS, type AdapterV1MentionAction, type AdapterV1MentionActionInput } from './adapter-v1-mention-action.js';
export type { AdapterV1MetricSnapshot, AdapterV1MetricSubject, AdapterV1MetricValue } from './adapter-v1-metric-snapshot.js';
export type { AdapterV1Page } from './adapter-v1-page.js';
export {
  adapterV1PendingPublishCapabilitySchema,
  isAdapterV1PendingPublish,
  type AdapterV1Json,
  type AdapterV1PendingHandle,
  type AdapterV1PendingPublish,
  type AdapterV1PendingPublishCapability,
  type AdapterV1PublishAnswer,
  type AdapterV1PublishProgress,
  type AdapterV1PublishStatusInput,
} from './adapter-v1-pending-publish.js';
export type { AdapterV1Poll } from './adapter-v1-poll.js';
export type { AdapterV1PostDraft, AdapterV1ThreadPart } from './adapter-v1-post-draft.js';
export type { AdapterV1PostRef } from './adapter-v1-post-ref.js';
export type {
  AdapterV1PublicAccount,
  AdapterV1PublicAccountInput,
  AdapterV1PublicMetrics,
  AdapterV1PublicPost,
} from './adapter-v1-public-account.js';
export type { AdapterV1PostRefOutput } from './adapter-v1-post-ref-output.js';
export type { AdapterV1PublishInput } from './adapter-v1-publish-input.js';
export type { AdapterV1PublishOutput } from './adapter-v1-publish-output.js';
export type { AdapterV1PublishWarning } from './adapter-v1-publish-warning.js';
export type { AdapterV1RateLimitObservation, AdapterV1RateLimitParser, AdapterV1StaticLimit } from './adapter-v1-rate-limit-parser.js';
export type { AdapterV1Schema, AdapterV1SchemaIssue } from './adapter-v1-schema.js';
export { adapterV1TextRuleSchema, type AdapterV1TextRule } from './adapter-v1-text-rule.js';
export {
  ADAPTER_V1_LENGTH_METHODS,
  ADAPTER_V1_MEDIA_KINDS,
  ADAPTER_V1_MENTION_KINDS,
  ADAPTER_V1_METRICS,
  ADAPTER_V1_VISIBILITIES,
  type AdapterV1LengthMethod,
  type AdapterV1MediaKind,
  type AdapterV1MentionKind,
  type AdapterV1Metric,
  type AdapterV1Visibility,
} from './adapter-v1-vocabulary.js';
