// Spec v1.1 (optional addition): how an adapter connects an account. An adapter written for
// v1.0 has no `connect` member and keeps working unchanged. Depends on nothing else in core.

/**
 * Per-connection settings an app passes to the connect flow, e.g. the Mastodon instance the
 * user types in. Each adapter documents the keys it reads.
 */
export interface AdapterV1ConnectSettings {
  /** The server the account lives on (federated networks such as Mastodon). */
  instanceUrl?: string;
  readonly [key: string]: unknown;
}

/** The OAuth 2.0 endpoints of one authorization server (RFC 6749 §3, RFC 7009 §2). */
export interface AdapterV1OAuthEndpoints {
  /** The authorization server's identifier (default: the origin of `tokenUrl`). */
  issuer?: string;
  /** Where the user's browser goes to approve the app (RFC 6749 §3.1). */
  authorizationUrl: string;
  /** Where the code and refresh tokens are exchanged (RFC 6749 §3.2). */
  tokenUrl: string;
  /** Where tokens are revoked (RFC 7009 §2); absent when the network has none. */
  revocationUrl?: string;
}

/** How the client authenticates at the token endpoint (RFC 6749 §2.3). */
export type AdapterV1ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';

/** A successful token response (RFC 6749 §5.1), as the network sent it. */
export interface AdapterV1TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  readonly [field: string]: unknown;
}

/** What a connect helper gets to make requests: the app's fetch (or the global one), a clock, a signal. */
export interface AdapterV1ConnectContext {
  fetch: typeof fetch;
  /** Milliseconds since the epoch (turns `expires_in` into an instant). */
  now(): number;
  settings: AdapterV1ConnectSettings;
  signal?: AbortSignal;
}

/** The kind of account a login can act as. */
export type AdapterV1ConnectableAccountKind = 'user' | 'page' | 'organization' | 'channel';

/**
 * One account a login can publish as: the user themselves (X, Mastodon, Bluesky), or a
 * Facebook Page, a LinkedIn organisation, a YouTube channel behind it.
 */
export interface AdapterV1ConnectableAccount<TCredentials = unknown> {
  /** The account id on the network (what `Account.id` takes). */
  id: string;
  handle?: string;
  displayName?: string;
  kind: AdapterV1ConnectableAccountKind;
  /** Credentials of this account when they differ from the login's (a Page token); else use the login's. */
  credentials?: TCredentials;
}

/** Dynamic client registration (Mastodon's `POST /api/v1/apps`). */
export interface AdapterV1AppRegistrationInput {
  /** The app's name as users see it on the consent page. */
  appName: string;
  redirectUri: string;
  scopes: readonly string[];
  website?: string;
}

/** What a dynamic registration returns: the client the app uses from then on (store it per instance). */
export interface AdapterV1RegisteredApp {
  clientId: string;
  clientSecret?: string;
}

/** An OAuth 2.0 authorization-code connect flow (RFC 6749 §4.1 with PKCE, RFC 7636). */
export interface AdapterV1OAuthConnect<TCredentials = unknown> {
  readonly kind: 'oauth2';
  /** The endpoints, given the connection's settings (a Mastodon instance, or the adapter's base URL). */
  endpoints(settings: AdapterV1ConnectSettings): AdapterV1OAuthEndpoints;
  /** Scopes asked for when the app names none. */
  readonly defaultScopes: readonly string[];
  /** How `scope` joins scopes in the authorization URL (default `' '`, RFC 6749 §3.3; Pinterest and TikTok take `','`). */
  readonly scopeSeparator?: ' ' | ',';
  /** `S256` (RFC 7636 §4.2); `none` only for a network that refuses PKCE. */
  readonly pkce: 'S256' | 'none';
  /** How a confidential client (one with a secret) authenticates; public clients send only `client_id`. */
  readonly clientAuthentication: Exclude<AdapterV1ClientAuthMethod, 'none'>;
  /** Whether the network issues refresh tokens (and rotates them on each refresh). */
  readonly refresh: 'none' | 'static' | 'rotating';
  /**
   * The name the network gives the client id parameter in the authorization URL and token
   * requests (default `client_id`, RFC 6749; TikTok calls it `client_key`).
   */
  readonly clientIdParameter?: string;
  /**
   * Rewrites a successful token endpoint answer before it is checked as RFC 6749 §5.1 says, for a
   * network whose answer differs: Meta's Threads and Instagram logins leave out `token_type`
   * (and Instagram may nest the token in `data[0]`). Absent: the answer is read as sent.
   */
  readTokenResponse?(body: Record<string, unknown>): Record<string, unknown>;
  /** Turns a token response into the credentials the adapter's `credentials.schema` accepts. */
  toCredentials(tokens: AdapterV1TokenResponse, input: { clientId: string; clientSecret?: string; now: number }): TCredentials;
  /** The tokens inside stored credentials (for refresh and revoke). */
  tokensOf(credentials: TCredentials): { accessToken: string; refreshToken?: string };
  /** Registers the app on an instance (networks with dynamic registration only). */
  registerApp?(input: AdapterV1AppRegistrationInput, context: AdapterV1ConnectContext): Promise<AdapterV1RegisteredApp>;
  /** The accounts behind the login: the user, or their Pages, organisations, channels. */
  listConnectableAccounts(
    credentials: TCredentials,
    context: AdapterV1ConnectContext,
  ): Promise<AdapterV1ConnectableAccount<TCredentials>[]>;
}

/** A login with an identifier and an app password (Bluesky's `com.atproto.server.createSession`). */
export interface AdapterV1PasswordConnect<TCredentials = unknown> {
  readonly kind: 'app-password';
  /** What the identifier field is, for the app's form (e.g. "handle or email"). */
  readonly identifierLabel: string;
  /** Logs in and returns the credentials to store. The password is never kept in them unless the adapter needs it. */
  login(input: { identifier: string; password: string }, context: AdapterV1ConnectContext): Promise<TCredentials>;
  listConnectableAccounts(
    credentials: TCredentials,
    context: AdapterV1ConnectContext,
  ): Promise<AdapterV1ConnectableAccount<TCredentials>[]>;
}

/** How an adapter connects accounts (optional member `connect` of an adapter, spec v1.1). */
export type AdapterV1Connect<TCredentials = unknown> = AdapterV1OAuthConnect<TCredentials> | AdapterV1PasswordConnect<TCredentials>;
