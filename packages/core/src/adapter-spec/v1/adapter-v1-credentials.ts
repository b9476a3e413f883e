import type { AdapterV1Account } from './adapter-v1-account.js';
import type { AdapterV1Clock } from './adapter-v1-clock.js';
import type { AdapterV1HttpClient } from './adapter-v1-http-client.js';
import type { AdapterV1Logger } from './adapter-v1-logger.js';
import type { AdapterV1Schema } from './adapter-v1-schema.js';

/** Turns credentials into request headers; `refresh` is called once after a 401. */
export interface AdapterV1CredentialsProvider {
  getHeaders(): Promise<Record<string, string>> | Record<string, string>;
  refresh?(): Promise<void>;
  /** Values to scrub from every error and log line. */
  secrets?(): readonly string[];
}

/** What a credentials factory receives to build the provider of one account. */
export interface AdapterV1CredentialsFactoryInput<TCredentials> {
  /** The account's credentials, already validated with `credentials.schema`. */
  credentials: TCredentials;
  account: AdapterV1Account;
  /**
   * A client for this account **without** credentials (same base URL, rate limits and error
   * mapping): for calls that obtain or refresh tokens.
   */
  http: AdapterV1HttpClient;
  clock: AdapterV1Clock;
  logger: AdapterV1Logger;
  /** Hand renewed credentials (a rotated refresh token) back to the app so it can store them. */
  saveCredentials(next: TCredentials): Promise<void>;
}

/** How an adapter turns an account's stored credentials into request headers. */
export interface AdapterV1Credentials<TCredentials = unknown> {
  /** Validates what the app stores for an account (tokens, app password, …). */
  schema: AdapterV1Schema<TCredentials>;
  createProvider(input: AdapterV1CredentialsFactoryInput<TCredentials>): AdapterV1CredentialsProvider;
}
