import type { z } from 'zod';
import type { AdapterV1ConnectContext } from '../adapter-spec/index.js';
import { ApiCallError, AuthError, NetworkError } from '../errors/index.js';
import { parseApiResponse } from './parse-api-response.js';

/** One request of a connect helper: see {@link connectRequest}. */
export interface ConnectRequest<S extends z.ZodType> {
  platform: string;
  /** What the call does, for error messages (`GET /2/users/me`). */
  what: string;
  method?: 'GET' | 'POST';
  url: string;
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  /** Sent as a JSON body. */
  json?: unknown;
  /** More request headers (LinkedIn's `Linkedin-Version`, Rest.li's protocol version). */
  headers?: Record<string, string>;
  schema: S;
  /** Values to scrub from every error (passwords, tokens, client secrets). */
  secrets?: readonly string[];
}

/**
 * The one HTTP call a connect helper makes (list the accounts behind a login, register an app,
 * open a session) with the connect context's fetch, its answer parsed with `schema`: 401/403 →
 * `AuthError` (reconnect), other errors → `ApiCallError`, transport failures → `NetworkError`,
 * every secret scrubbed.
 *
 * @example
 * ```ts
 * const me = await connectRequest(context, { platform: 'x', what: 'GET /2/users/me', url: `${base}/2/users/me`, bearer: token, schema: MeSchema });
 * ```
 */
export async function connectRequest<S extends z.ZodType>(
  context: AdapterV1ConnectContext,
  request: ConnectRequest<S>,
): Promise<z.output<S>> {
  const secrets = [...(request.secrets ?? []), ...(request.bearer ? [request.bearer] : [])];
  let response: Response;
  try {
    response = await context.fetch(request.url, {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...request.headers,
        ...(request.bearer ? { authorization: `Bearer ${request.bearer}` } : {}),
        ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
      ...(context.signal ? { signal: context.signal } : {}),
    });
  } catch (error) {
    throw new NetworkError(`${request.platform} could not be reached (${request.what})`, {
      platform: request.platform,
      cause: error,
      secrets,
    });
  }
  const text = await response.text();
  if (response.status === 401 || response.status === 403) {
    throw new AuthError(
      `${request.platform} refused the credentials (${request.what}, status ${response.status}): connect the account again`,
      {
        platform: request.platform,
        status: response.status,
        refreshable: false,
        secrets,
      },
    );
  }
  if (!response.ok) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text
    }
    throw new ApiCallError(`${request.platform} answered ${request.what} with status ${response.status}`, {
      platform: request.platform,
      status: response.status,
      body,
      secrets,
    });
  }
  return parseApiResponse(request.schema, { status: response.status, data: text }, request.platform, request.what);
}
