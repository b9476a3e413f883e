/**
 * Everything an adapter author needs, behind one import: the current adapter spec under short
 * names, `defineAdapter`, response parsing, the errors to throw, the model types an adapter
 * reads and writes, rate-limit header parsers, and the text toolkit's counting and facets.
 * Apps use `@smm/core/client` instead. See docs/writing-an-adapter.md.
 *
 * @example
 * ```ts
 * import { defineAdapter, parseApiResponse, ApiCallError, type AdapterContext } from '@smm/core/adapter-kit';
 * ```
 *
 * @packageDocumentation
 */
export type {
  AdapterCapabilities,
  AdapterConnect,
  AppRegistrationInput,
  ConnectableAccount,
  ConnectContext,
  ConnectSettings,
  OAuthConnect,
  OAuthEndpoints,
  PasswordConnect,
  RegisteredApp,
  TokenResponse,
  AdapterContentRules,
  AdapterContext,
  AdapterCredentials,
  AdapterCredentialsProvider,
  AdapterErrorMapping,
  AdapterErrorResponse,
  AdapterHttpClient,
  AdapterHttpSettings,
  AdapterMediaFileRules,
  AdapterMediaRef,
  AdapterMediaRules,
  AdapterRateLimitObservation,
  AdapterRateLimitParser,
  AdapterSpec,
  AdapterStaticLimit,
  AdapterTextRule,
  CredentialsFactoryInput,
  DirectMessageInput,
  DirectMessageOutput,
  FetchedPost,
  FindPublishedInput,
  IdempotencyStrategy,
  ListMentionsInput,
  AdapterMediaChunk,
  AdapterMediaBody,
  MetricSnapshotOutput,
  PollInput,
  PostRefOutput,
  PublishInput,
  PublishOutput,
  PublishWarningOutput,
} from './current-spec.js';
export type {
  PendingHandle,
  PendingPublishCapability,
  PendingPublishOutput,
  PublishAnswer,
  PublishProgress,
  PublishStatusInput,
} from './current-spec.js';
export type { PublicAccountInput, PublicAccountOutput, PublicPostOutput } from './current-spec.js';
export type { MentionAction, MentionActionInput } from './current-spec.js';
export type { Adapter, AdapterV1 } from '../adapter-spec/index.js';
export { isAdapterV1PendingPublish as isPendingPublish } from '../adapter-spec/index.js';
export { ADAPTER_V1_MENTION_ACTIONS as MENTION_ACTIONS } from '../adapter-spec/index.js';
export { defineAdapter, type AdapterDefinition } from './define-adapter.js';
export { parseApiResponse } from './parse-api-response.js';
export { connectRequest, type ConnectRequest } from './connect-request.js';
export {
  checkMediaAgainstRules,
  probeMedia,
  uploadInChunks,
  type MediaProbe,
  type UploadChunk,
  type UploadInChunksOptions,
} from '../media/index.js';
export { pickMetrics } from './pick-metrics.js';
export { bearerWithRefresh, type BearerTokens } from './bearer-with-refresh.js';
export {
  refreshTokenGrant,
  type RefreshTokenEndpoint,
  type RefreshTokenGrantOptions,
  type RefreshedTokens,
} from './refresh-token-grant.js';
export { bearerTokensOf, tokensFromAnswer, type OAuthTokenAnswer, type StoredTokens } from './oauth-tokens.js';
export { refreshTokenBearer, type RefreshableCredentials, type RefreshTokenBearerOptions } from './refresh-token-bearer.js';
export { fetchSettingSchema, httpUrlSchema, positiveMsSchema } from './settings-schemas.js';
export { noopLogger, type LogFields, type Logger } from '../client/index.js';
export {
  ApiCallError,
  AuthError,
  NetworkError,
  PublishOutcomeUnknownError,
  PublishPendingTimeoutError,
  RateLimitError,
  SmmError,
  TimeoutError,
  UnsupportedFeatureError,
  ValidationError,
  formatIssuePath,
  redactUrl,
  type ValidationIssue,
} from '../errors/index.js';
export {
  InstantSchema,
  MediaRefSchema,
  parsePostDraft,
  parseWithSchema,
  type Account,
  type AccountInput,
  type CanonicalMetric,
  type MediaKind,
  type MediaRef,
  type Mention,
  type MentionKind,
  type MetricSnapshot,
  type MetricValue,
  type Page,
  type PostDraft,
  type PostDraftInput,
  type PostRef,
  type PublishedPost,
  type Visibility,
} from '../model/index.js';
export {
  composeRateLimitParsers,
  parseEpochResetHeaders,
  parseIetfRateLimitHeaders,
  parseIsoResetHeaders,
  parseRetryAfter,
  parseUsagePercentHeaders,
  retryAfterMs,
  type CredentialsProvider,
  type ErrorMapping,
  type HttpClient,
  type RateLimitObservation,
  type RateLimitParser,
  type StaticLimit,
} from '../http/index.js';
export {
  CONTENT_RULES,
  TEXT_RULES,
  countGraphemes,
  countLength,
  measureText,
  splitThread,
  toBlueskyFacets,
  utf8Length,
  validateDraft,
  type ContentRules,
  type HandleResolver,
  type TextRule,
} from '../text/index.js';
export { streamedMultipart, type MultipartFile, type StreamedMultipart } from './streamed-multipart.js';
