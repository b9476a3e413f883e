import { randomBytes } from 'node:crypto';
import type { Clock } from '@smm/core/clock';
import type { SimRequest } from '../simulator/index.js';
import { graphError } from './graph-error.js';
import { graphParams } from './graph-params.js';

/** Which Meta host family issued a token (they do not mix: a Threads token is refused on graph.facebook.com). */
export type GraphTokenKind = 'facebook' | 'instagram' | 'threads';

/** How long a token lives. */
export type GraphTokenLifetime = 'short' | 'long' | 'never';

/** A token the simulator issued. */
export interface GraphTokenRecord {
  token: string;
  /** The user (or Page) the token acts as. */
  subject: string;
  lifetime: GraphTokenLifetime;
  scopes: string[];
  issuedAtMs: number;
  /** Absent for tokens that do not expire (a Page token derived from a long-lived user token). */
  expiresAtMs?: number;
  revoked: boolean;
}

/** The outcome of reading a request's token. */
export type GraphAuthResult = { ok: true; record: GraphTokenRecord } | { ok: false; response: Response };

/** Options of {@link createGraphTokens}. */
export interface GraphTokensOptions {
  clock: Clock;
  kind: GraphTokenKind;
  /** Short-lived lifetime; default 1 h (Instagram and Threads document one hour; Facebook "hours"). */
  shortTtlMs?: number;
  /** Long-lived lifetime; default 60 days (all three document about 60 days). */
  longTtlMs?: number;
  /** App id named in a revoked token's message. Default `'1234567890'`. */
  appId?: string;
}

/** The tokens a Graph simulator accepts. */
export interface GraphTokens {
  readonly kind: GraphTokenKind;
  readonly shortTtlMs: number;
  readonly longTtlMs: number;
  /** Issues a token for `subject`. */
  issue(subject: string, lifetime: GraphTokenLifetime, scopes?: readonly string[]): GraphTokenRecord;
  get(token: string): GraphTokenRecord | undefined;
  /** Reads the token from `access_token` (query or body) or `Authorization: Bearer|OAuth <token>` and checks it. */
  authenticate(request: SimRequest): GraphAuthResult;
  /** Fault hook: the token expires now (the next use answers code 190 subcode 463). */
  expire(token: string): void;
  /** Fault hook: the person removed the app (code 190 subcode 458). */
  revoke(token: string): void;
  /** The token a request carries, if any. */
  tokenOf(request: SimRequest): string | undefined;
}

// Graph's date format in the 463 message: "Tuesday, 02-Dec-26 10:00:00 PST" (Pacific time).
function pacific(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'long',
      day: '2-digit',
      month: 'short',
      year: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZoneName: 'short',
    })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

/**
 * Graph's answer to an expired token: 400, code 190, subcode 463, `OAuthException`, "Error
 * validating access token: Session has expired on <when>. The current time is <now>."
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling — subcode 463 "Expired").
 *
 * @example
 * ```ts
 * return expiredTokenError(record.expiresAtMs!, clock.now());
 * ```
 */
export function expiredTokenError(expiredAtMs: number, nowMs: number): Response {
  return graphError(400, {
    code: 190,
    subcode: 463,
    message: `Error validating access token: Session has expired on ${pacific(expiredAtMs)}. The current time is ${pacific(nowMs)}.`,
  });
}

/**
 * Graph's answer to a token it cannot read: 400, code 190, "Invalid OAuth access token - Cannot
 * parse access token" (error-handling guide: 190 without a subcode — get a new token).
 *
 * @example
 * ```ts
 * return invalidTokenError();
 * ```
 */
export function invalidTokenError(): Response {
  return graphError(400, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
}

/**
 * The tokens of a Graph simulator: issued short-lived (1 h), long-lived (60 days) or non-expiring
 * (Page tokens), checked on every request the way Graph checks them — missing → code 104
 * ("An access token is required to request this resource."; on `/me`, code 2500 "An active access
 * token must be used to query information about the current user."), unknown → 190, expired → 190/463,
 * revoked → 190/458 ("The user has not authorized application …").
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived ·
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 *
 * @example
 * ```ts
 * const tokens = createGraphTokens({ clock, kind: 'facebook' });
 * const user = tokens.issue('10001', 'long', ['pages_manage_posts']);
 * const auth = tokens.authenticate(request);
 * if (!auth.ok) return auth.response;
 * ```
 */
export function createGraphTokens(options: GraphTokensOptions): GraphTokens {
  const records = new Map<string, GraphTokenRecord>();
  const shortTtlMs = options.shortTtlMs ?? 3_600_000;
  const longTtlMs = options.longTtlMs ?? 60 * 86_400_000;
  const prefix = { facebook: 'EAAG', instagram: 'IGAA', threads: 'THAA' }[options.kind];

  function tokenOf(request: SimRequest): string | undefined {
    const header = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (header) return header.trim();
    const value = graphParams(request).access_token;
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  return {
    kind: options.kind,
    shortTtlMs,
    longTtlMs,
    issue(subject, lifetime, scopes = []) {
      const now = options.clock.now();
      const record: GraphTokenRecord = {
        token: `${prefix}${randomBytes(24).toString('base64url')}`,
        subject,
        lifetime,
        scopes: [...scopes],
        issuedAtMs: now,
        ...(lifetime === 'never' ? {} : { expiresAtMs: now + (lifetime === 'short' ? shortTtlMs : longTtlMs) }),
        revoked: false,
      };
      records.set(record.token, record);
      return record;
    },
    get: (token) => records.get(token),
    tokenOf,
    authenticate(request) {
      const token = tokenOf(request);
      if (token === undefined) {
        // `/me` without a token names the current user (code 2500); any other object, code 104
        // (both as Graph answers: github.com/fbsamples/messenger-platform-samples/issues/125,
        // github.com/spring-guides/gs-consuming-rest/issues/10).
        const me = /^\/(?:v\d+\.\d+\/)?me(?:\/|$)/.test(request.path);
        return {
          ok: false,
          response: me
            ? graphError(400, { code: 2500, message: 'An active access token must be used to query information about the current user.' })
            : graphError(400, { code: 104, message: 'An access token is required to request this resource.' }),
        };
      }
      const record = records.get(token);
      if (!record) return { ok: false, response: invalidTokenError() };
      if (record.revoked) {
        return {
          ok: false,
          response: graphError(400, {
            code: 190,
            subcode: 458,
            message: `Error validating access token: The user has not authorized application ${options.appId ?? '1234567890'}.`,
          }),
        };
      }
      const now = options.clock.now();
      if (record.expiresAtMs !== undefined && now >= record.expiresAtMs)
        return { ok: false, response: expiredTokenError(record.expiresAtMs, now) };
      return { ok: true, record };
    },
    expire(token) {
      const record = records.get(token);
      if (record) record.expiresAtMs = Math.min(record.expiresAtMs ?? Number.POSITIVE_INFINITY, options.clock.now());
    },
    revoke(token) {
      const record = records.get(token);
      if (record) record.revoked = true;
    },
  };
}
