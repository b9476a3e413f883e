/** What an adapter reads from a network's error response; core turns it into an smm error. */
export interface AdapterV1ErrorMapping {
  /** The network's own error code. */
  platformCode?: string | number | undefined;
  /** A human message (never a secret). */
  message?: string | undefined;
  /** The response means a rate limit even without a 429. */
  rateLimited?: boolean | undefined;
  /** The credentials were refused; `refreshable` when a refresh may fix it. */
  auth?: { refreshable: boolean } | undefined;
  retryable?: boolean | undefined;
  /** The network proves it did not act on the request (safe to retry a creating request). */
  notActedOn?: boolean | undefined;
}

/** The response an error mapper reads. */
export interface AdapterV1ErrorResponse {
  status: number;
  headers: Headers;
  body: unknown;
}
