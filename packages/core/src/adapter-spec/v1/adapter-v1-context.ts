import type { AdapterV1Account } from './adapter-v1-account.js';
import type { AdapterV1Clock } from './adapter-v1-clock.js';
import type { AdapterV1CredentialsProvider } from './adapter-v1-credentials.js';
import type { AdapterV1HttpClient } from './adapter-v1-http-client.js';
import type { AdapterV1Logger } from './adapter-v1-logger.js';

/** Everything an operation gets besides its input. */
export interface AdapterV1Context {
  /** The rate-limited, retrying HTTP client bound to this account (credentials applied). */
  http: AdapterV1HttpClient;
  account: AdapterV1Account;
  /** The account's credentials provider (the same one `http` uses). */
  credentials: AdapterV1CredentialsProvider;
  clock: AdapterV1Clock;
  logger: AdapterV1Logger;
  /** Aborts when the caller gives up; pass it on to `http.request`. */
  signal: AbortSignal;
  /**
   * The key that makes this publish idempotent (always set for `doPublish`/`doReply`).
   * `native-key`: put it on the creating request (`http.request({ idempotencyKey })`).
   * `lookup`: store it with the post so `doFindPublished` can find it.
   */
  idempotencyKey?: string;
}
