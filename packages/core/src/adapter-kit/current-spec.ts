// Short names for the current spec version's types, so an adapter reads `AdapterContext`
// rather than `AdapterV1Context`. When v2 arrives these point at v2 and v1 adapters keep
// importing the versioned names from `@smm/core/adapter-spec`.
import type {
  AdapterV1,
  AdapterV1Capabilities,
  AdapterV1ContentRules,
  AdapterV1Context,
  AdapterV1Credentials,
  AdapterV1CredentialsFactoryInput,
  AdapterV1CredentialsProvider,
  AdapterV1DirectMessageInput,
  AdapterV1DirectMessageOutput,
  AdapterV1ErrorMapping,
  AdapterV1ErrorResponse,
  AdapterV1FetchedPost,
  AdapterV1FindPublishedInput,
  AdapterV1HttpClient,
  AdapterV1HttpSettings,
  AdapterV1Idempotency,
  AdapterV1ListMentionsInput,
  AdapterV1MediaBody,
  AdapterV1MediaChunk,
  AdapterV1MediaFileRules,
  AdapterV1MediaRef,
  AdapterV1MediaRules,
  AdapterV1MentionAction,
  AdapterV1MentionActionInput,
  AdapterV1MetricSnapshot,
  AdapterV1PendingHandle,
  AdapterV1PendingPublish,
  AdapterV1PendingPublishCapability,
  AdapterV1Poll,
  AdapterV1PostRefOutput,
  AdapterV1PublishAnswer,
  AdapterV1PublishInput,
  AdapterV1PublishOutput,
  AdapterV1PublishWarning,
  AdapterV1PublishProgress,
  AdapterV1PublishStatusInput,
  AdapterV1PublicAccount,
  AdapterV1PublicAccountInput,
  AdapterV1PublicPost,
  AdapterV1RateLimitObservation,
  AdapterV1RateLimitParser,
  AdapterV1StaticLimit,
  AdapterV1TextRule,
} from '../adapter-spec/index.js';
import type {
  AdapterV1AppRegistrationInput,
  AdapterV1Connect,
  AdapterV1ConnectableAccount,
  AdapterV1ConnectContext,
  AdapterV1ConnectSettings,
  AdapterV1OAuthConnect,
  AdapterV1OAuthEndpoints,
  AdapterV1PasswordConnect,
  AdapterV1RegisteredApp,
  AdapterV1TokenResponse,
} from '../adapter-spec/index.js';

/** The adapter contract of the current spec version (v1). */
export type AdapterSpec<TOptions = unknown, TCredentials = unknown> = AdapterV1<TOptions, TCredentials>;
export type AdapterCapabilities = AdapterV1Capabilities;
export type AdapterContentRules = AdapterV1ContentRules;
export type AdapterTextRule = AdapterV1TextRule;
export type AdapterMediaRules = AdapterV1MediaRules;
export type AdapterMediaFileRules = AdapterV1MediaFileRules;
export type AdapterMediaRef = AdapterV1MediaRef;
export type AdapterMediaBody = AdapterV1MediaBody;
export type AdapterMediaChunk = AdapterV1MediaChunk;
export type AdapterContext = AdapterV1Context;
export type AdapterCredentials<TCredentials = unknown> = AdapterV1Credentials<TCredentials>;
export type CredentialsFactoryInput<TCredentials> = AdapterV1CredentialsFactoryInput<TCredentials>;
export type AdapterCredentialsProvider = AdapterV1CredentialsProvider;
export type AdapterHttpClient = AdapterV1HttpClient;
export type AdapterHttpSettings = AdapterV1HttpSettings;
export type AdapterErrorMapping = AdapterV1ErrorMapping;
export type AdapterErrorResponse = AdapterV1ErrorResponse;
export type AdapterRateLimitParser = AdapterV1RateLimitParser;
export type AdapterRateLimitObservation = AdapterV1RateLimitObservation;
export type AdapterStaticLimit = AdapterV1StaticLimit;
export type IdempotencyStrategy = AdapterV1Idempotency;
export type PublishInput<TOptions = unknown> = AdapterV1PublishInput<TOptions>;
export type PublishOutput = AdapterV1PublishOutput;
/** v1.1: a warning an adapter reports with its publish answer. */
export type PublishWarningOutput = AdapterV1PublishWarning;
export type PostRefOutput = AdapterV1PostRefOutput;
export type PollInput = AdapterV1Poll;
export type FetchedPost = AdapterV1FetchedPost;
export type ListMentionsInput = AdapterV1ListMentionsInput;
export type FindPublishedInput = AdapterV1FindPublishedInput;
export type DirectMessageInput = AdapterV1DirectMessageInput;
export type DirectMessageOutput = AdapterV1DirectMessageOutput;
export type MetricSnapshotOutput = AdapterV1MetricSnapshot;
// v1.1: connecting accounts.
export type AdapterConnect<TCredentials = unknown> = AdapterV1Connect<TCredentials>;
export type OAuthConnect<TCredentials = unknown> = AdapterV1OAuthConnect<TCredentials>;
export type PasswordConnect<TCredentials = unknown> = AdapterV1PasswordConnect<TCredentials>;
export type OAuthEndpoints = AdapterV1OAuthEndpoints;
export type ConnectContext = AdapterV1ConnectContext;
export type ConnectSettings = AdapterV1ConnectSettings;
export type ConnectableAccount<TCredentials = unknown> = AdapterV1ConnectableAccount<TCredentials>;
export type AppRegistrationInput = AdapterV1AppRegistrationInput;
export type RegisteredApp = AdapterV1RegisteredApp;
export type TokenResponse = AdapterV1TokenResponse;
// v1.1: pending publishes.
export type PendingHandle = AdapterV1PendingHandle;
export type PendingPublishOutput = AdapterV1PendingPublish;
export type PendingPublishCapability = AdapterV1PendingPublishCapability;
export type PublishAnswer = AdapterV1PublishAnswer;
export type PublishProgress = AdapterV1PublishProgress;
export type PublishStatusInput = AdapterV1PublishStatusInput;
// v1.1: public accounts (competitors).
export type PublicAccountInput = AdapterV1PublicAccountInput;
export type PublicAccountOutput = AdapterV1PublicAccount;
export type PublicPostOutput = AdapterV1PublicPost;
// v1.1: actions on mentions.
export type MentionAction = AdapterV1MentionAction;
export type MentionActionInput = AdapterV1MentionActionInput;
