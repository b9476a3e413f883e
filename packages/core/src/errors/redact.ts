/**
 * Redaction: the one place that decides what counts as a secret. Errors, events and logs
 * pass everything they show through here, so a token never leaves the process in text.
 */

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

// Header, field and query-parameter names whose values are secrets. Matched on the whole
// name, case-insensitively, after dropping `-` and `_`, so `X-Api-Key`, `api_key` and
// `apiKey` are all caught.
const SECRET_NAMES = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'accessjwt',
  'refreshjwt',
  'bearertoken',
  'oauthtoken',
  'oauthtokensecret',
  'oauthsignature',
  'oauthverifier',
  'apikey',
  'xapikey',
  'key',
  'secret',
  'clientsecret',
  'consumersecret',
  'appsecret',
  'password',
  'passwd',
  'pwd',
  'apppassword',
  'signature',
  'sig',
  'xamzsignature',
  'xamzcredential',
  'xamzsecuritytoken',
  'xgoogsignature',
  'codeverifier',
  'session',
  'sessionid',
  'xcsrftoken',
  'csrftoken',
  'fbexchangetoken',
  'inputtoken',
]);

/**
 * Tells whether a header, field or query-parameter name carries a secret.
 *
 * @example
 * ```ts
 * isSecretName('Authorization'); // true
 * isSecretName('access_token');  // true
 * isSecretName('max_results');   // false
 * ```
 */
export function isSecretName(name: string): boolean {
  const folded = name.toLowerCase().replace(/[-_\s]/g, '');
  if (SECRET_NAMES.has(folded)) return true;
  // Names such as `x-my-service-token` or `dbPassword` end in a secret word.
  return /(token|secret|password|passwd|apikey|signature|cookie|jwt)$/.test(folded);
}

/** Options for the redaction helpers. */
export interface RedactOptions {
  /**
   * Exact values known to be secret (a token the caller holds, say). Every occurrence is
   * replaced wherever it appears, even inside free text. Values shorter than 4 characters
   * are ignored so that redaction does not shred ordinary words.
   */
  secrets?: readonly string[];
}

const TEXT_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Authorization schemes written out in text: "Bearer abc", "Basic dXNlcjpwYXNz", "DPoP xyz".
  // Case-sensitive on purpose, so prose such as "token refresh" or "basic usage" survives.
  [/\b(Bearer|bearer|BEARER|Basic|Digest|DPoP)\s+[A-Za-z0-9\-._~+/=]+/g, `$1 ${REDACTED}`],
  // JSON Web Tokens anywhere.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from free text: authorization schemes, JWTs, `name=value` pairs and
 * JSON fields whose name is secret (see {@link isSecretName}), and any value listed in
 * `options.secrets`.
 *
 * @example
 * ```ts
 * redactText('GET /x?access_token=abc123&limit=5 with Bearer abc123');
 * // 'GET /x?access_token=[REDACTED]&limit=5 with Bearer [REDACTED]'
 * ```
 */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.secrets ?? []) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
    // A secret also travels URL-encoded in query strings.
    const encoded = secret ? encodeURIComponent(secret) : '';
    if (encoded !== secret && encoded.length >= 4) out = out.split(encoded).join(REDACTED);
  }
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  // name=value in query strings, form bodies and cookies.
  out = out.replace(/([A-Za-z0-9_.\-[\]]+)=([^&\s;,"'#]+)/g, (whole, name: string) =>
    isSecretName(name.replace(/\[\]$/, '')) ? `${name}=${REDACTED}` : whole,
  );
  // "name": "value" in JSON text, and name: value in header dumps.
  out = out.replace(/"([^"\\]{1,64})"\s*:\s*"((?:[^"\\]|\\.)*)"/g, (whole, name: string) =>
    isSecretName(name) ? `"${name}":"${REDACTED}"` : whole,
  );
  out = out.replace(/^([A-Za-z][A-Za-z0-9-]{0,63}):[ \t]*(.+)$/gm, (whole, name: string) =>
    isSecretName(name) ? `${name}: ${REDACTED}` : whole,
  );
  return out;
}

/**
 * Redacts a URL: the values of secret query parameters and any user-info password.
 * Returns the input run through {@link redactText} when it is not an absolute URL.
 *
 * @example
 * ```ts
 * redactUrl('https://graph.example/me?fields=id&access_token=EAAB');
 * // 'https://graph.example/me?fields=id&access_token=[REDACTED]'
 * ```
 */
export function redactUrl(url: string, options: RedactOptions = {}): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url, options);
  }
  if (parsed.password) parsed.password = REDACTED;
  const names = [...new Set([...parsed.searchParams.keys()])];
  for (const name of names) {
    // `code` is an OAuth authorization code in a query string (elsewhere it is an error code).
    if (isSecretName(name) || name === 'code') parsed.searchParams.set(name, REDACTED);
  }
  // URLSearchParams encodes the brackets of REDACTED; keep it readable.
  const out = parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
  return redactText(out, options);
}

/** Headers in any of the shapes fetch accepts. */
export type HeadersLike = Headers | Record<string, string | readonly string[] | undefined> | Array<[string, string]>;

/**
 * Copies headers into a plain object with secret values replaced.
 *
 * @example
 * ```ts
 * redactHeaders({ Authorization: 'Bearer abc123', Accept: 'application/json' });
 * // { authorization: '[REDACTED]', accept: 'application/json' }
 * ```
 */
export function redactHeaders(headers: HeadersLike | undefined, options: RedactOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries: Array<[string, string]> =
    typeof Headers !== 'undefined' && headers instanceof Headers
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? (headers as Array<[string, string]>)
        : Object.entries(headers as Record<string, string | readonly string[] | undefined>)
            .filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined)
            .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
  for (const [name, value] of entries) {
    out[name.toLowerCase()] = isSecretName(name) ? REDACTED : redactText(value, options);
  }
  return out;
}

/**
 * Deep-copies a JSON-like value, replacing the values of secret-named fields and scrubbing
 * every string with {@link redactText}. Cycles become `'[Circular]'`.
 *
 * @example
 * ```ts
 * redact({ user: 'ana', password: 'hunter2', nested: { refresh_token: 'r1' } });
 * // { user: 'ana', password: '[REDACTED]', nested: { refresh_token: '[REDACTED]' } }
 * ```
 */
export function redact<T>(value: T, options: RedactOptions = {}): T {
  const seen = new WeakSet<object>();
  const walk = (input: unknown): unknown => {
    if (typeof input === 'string') return redactText(input, options);
    if (input === null || typeof input !== 'object') return input;
    if (seen.has(input)) return '[Circular]';
    seen.add(input);
    if (Array.isArray(input)) return input.map(walk);
    if (typeof Headers !== 'undefined' && input instanceof Headers) return redactHeaders(input, options);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      out[key] = isSecretName(key) && item !== undefined && item !== null ? REDACTED : walk(item);
    }
    return out;
  };
  return walk(value) as T;
}

/** A request as it may appear in an error or an event: method, redacted URL and headers. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A request as an error may be given it: it is redacted on the way in and never kept raw. */
export interface RequestLike {
  method?: string;
  url: string;
  headers?: HeadersLike;
}

/**
 * Describes a request for an error or an event with every secret removed.
 *
 * @example
 * ```ts
 * describeRequest({ method: 'POST', url: 'https://api.x.com/2/tweets', headers: { Authorization: 'Bearer t' } });
 * // { method: 'POST', url: 'https://api.x.com/2/tweets', headers: { authorization: '[REDACTED]' } }
 * ```
 */
export function describeRequest(request: RequestLike, options: RedactOptions = {}): RedactedRequest {
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    url: redactUrl(request.url, options),
    headers: redactHeaders(request.headers, options),
  };
}
