import { randomBytes } from 'node:crypto';
import { json } from '../simulator/index.js';

/** What {@link graphError} puts in Meta's error object. */
export interface GraphErrorOptions {
  /** `error.code` (100 invalid parameter, 190 token, 4/17/32/613/800xx throttling, …). */
  code: number;
  /** `error.error_subcode`, when Meta sends one (463 expired token, 2207042 publishing cap, …). */
  subcode?: number;
  /** `error.message`, as Graph words it (e.g. `(#100) The parameter creation_id is required`). */
  message: string;
  /** `error.type`; default `OAuthException` (what Graph sends for most errors). */
  type?: string;
  /** `error.error_user_title`: the title Meta means to show to the person. */
  userTitle?: string;
  /** `error.error_user_msg`: the message Meta means to show to the person. */
  userMessage?: string;
  /** `error.is_transient`: present only when given (Instagram's errors carry it, many Graph errors do not). */
  transient?: boolean;
  /** A fixed `fbtrace_id` (default: a fresh random one, as Graph sends on every error). */
  fbtraceId?: string;
  /** Extra response headers (usage headers, `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/** Meta's error object, exactly as Graph sends it (`{ error: { … } }`). */
export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    is_transient?: boolean;
    error_user_title?: string;
    error_user_msg?: string;
    fbtrace_id: string;
  };
}

/**
 * A fresh `fbtrace_id`: Graph's are 11–27 characters of URL-safe base64 (the docs show
 * `EJplcsCHuLu` and `A6LJylpZRKw2xKLFsAP-cJh`), and differ on every answer.
 *
 * @example
 * ```ts
 * newFbtraceId(); // 'A3kq0ZxW9v_LrB2mNpQe7sT'
 * ```
 */
export function newFbtraceId(): string {
  return `A${randomBytes(16).toString('base64url').slice(0, 22)}`;
}

/**
 * The body of a Graph error: the fields Meta documents, in its order, with only the optional
 * ones that were given. https://developers.facebook.com/docs/graph-api/guides/error-handling
 *
 * @example
 * ```ts
 * graphErrorBody({ code: 190, subcode: 463, message: 'Error validating access token: Session has expired …' }).error.type; // 'OAuthException'
 * ```
 */
export function graphErrorBody(options: GraphErrorOptions): GraphErrorBody {
  return {
    error: {
      message: options.message,
      type: options.type ?? 'OAuthException',
      code: options.code,
      ...(options.subcode !== undefined ? { error_subcode: options.subcode } : {}),
      ...(options.transient !== undefined ? { is_transient: options.transient } : {}),
      ...(options.userTitle !== undefined ? { error_user_title: options.userTitle } : {}),
      ...(options.userMessage !== undefined ? { error_user_msg: options.userMessage } : {}),
      fbtrace_id: options.fbtraceId ?? newFbtraceId(),
    },
  };
}

/**
 * A Graph error answer: `status` with Meta's error object
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling) and its `fbtrace_id` in the
 * `x-fb-trace-id` header too. A token error (code 190
 * and 102) also carries `WWW-Authenticate: OAuth "Facebook Platform" "invalid_token" "<message>"`,
 * as Graph sends with it (RFC 6750 §3 names the header; the realm is Graph's).
 *
 * @example
 * ```ts
 * return graphError(400, { code: 100, message: '(#100) The parameter creation_id is required' });
 * ```
 */
export function graphError(status: number, options: GraphErrorOptions): Response {
  const body = graphErrorBody(options);
  // Graph repeats the trace id in the x-fb-trace-id header (SDKs log it from there:
  // github.com/arsduo/koala/issues/611 "x-fb-trace-id: Fdl5cjt9fLC [HTTP 400]").
  const headers: Record<string, string> = { 'x-fb-trace-id': body.error.fbtrace_id, ...(options.headers ?? {}) };
  if (options.code === 190 || options.code === 102) {
    headers['www-authenticate'] ??= `OAuth "Facebook Platform" "invalid_token" "${options.message.replace(/"/g, "'")}"`;
  }
  return json(status, body, headers);
}
