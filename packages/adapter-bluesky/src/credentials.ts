import { z } from 'zod';
import { parseApiResponse, type AdapterCredentials, type CredentialsFactoryInput } from '@smm/core/adapter-kit';
import { AuthError, SmmError } from '@smm/core/adapter-kit';
import type { CredentialsProvider } from '@smm/core/adapter-kit';
import { SessionSchema } from './api-schemas.js';
import { BLUESKY_BUCKETS } from './rate-limits.js';

/**
 * What an app stores for a Bluesky account: an app password (`identifier` + `password`, from
 * Settings → App passwords), a session (`accessJwt` + `refreshJwt`), or both. With a password
 * the adapter opens sessions itself and opens a new one when the refresh JWT has expired; with
 * a session alone, an expired refresh JWT means the account must be reconnected. Renewed
 * sessions are handed back through `onCredentialsChange`, so the app can keep them.
 *
 * @example
 * ```ts
 * BlueskyCredentialsSchema.parse({ identifier: 'brand.bsky.social', password: 'abcd-efgh-ijkl-mnop' });
 * ```
 */
export const BlueskyCredentialsSchema = z
  .object({
    /** The handle (`brand.bsky.social`), DID or email the app password belongs to. */
    identifier: z.string().min(1, { error: 'must be the account handle, DID or email' }).optional(),
    /** An app password (never the main password). */
    password: z.string().min(1, { error: 'must be an app password (Settings → App passwords)' }).optional(),
    /** The access JWT of a session. */
    accessJwt: z.string().min(1, { error: 'must be the session access JWT' }).optional(),
    /** The refresh JWT of a session. */
    refreshJwt: z.string().min(1, { error: 'must be the session refresh JWT' }).optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.password !== undefined && value.identifier === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['identifier'],
        message: 'is needed with password: give the handle or DID the app password belongs to',
      });
    }
    if (value.password === undefined && value.refreshJwt === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'give an app password (identifier + password) or a session (accessJwt + refreshJwt)',
      });
    }
  });

/** What an app stores for a Bluesky account. */
export interface BlueskyCredentials extends z.infer<typeof BlueskyCredentialsSchema> {}

type Session = z.infer<typeof SessionSchema>;

/** Runs `task` once at a time: callers arriving while it runs share its outcome. */
function singleFlight(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= task().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/**
 * Builds the credentials provider of one account: sessions are opened lazily with
 * `com.atproto.server.createSession` on the first request, and renewed with `refreshSession`
 * (falling back to a new session when an app password is known) when a request is refused for
 * an expired token. Every renewed session is saved through `saveCredentials`; the password and
 * both JWTs are scrubbed from every error.
 * @internal
 */
export function createBlueskyCredentialsProvider(input: CredentialsFactoryInput<BlueskyCredentials>): CredentialsProvider {
  const { credentials, http, logger, account } = input;
  let current: BlueskyCredentials = { ...credentials };
  const secrets = () => [current.password, current.accessJwt, current.refreshJwt].filter((value): value is string => value !== undefined);

  const adopt = async (session: Session) => {
    current = { ...current, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt };
    if (session.did !== account.id && session.handle !== account.id) {
      logger.warn('the Bluesky session belongs to another DID than the account id: use the DID as the account id', {
        platform: 'bluesky',
        accountId: account.id,
      });
    }
    await input.saveCredentials({ ...current });
  };

  const refused = (what: string, cause: unknown) =>
    new AuthError(`Bluesky refused to ${what}: reconnect the account (a new app password, or a new session)`, {
      platform: 'bluesky',
      refreshable: false,
      cause,
      secrets: secrets(),
      ...(SmmError.isInstance(cause) && 'status' in cause && typeof cause.status === 'number' ? { status: cause.status } : {}),
    });

  const createSession = async () => {
    if (current.password === undefined || current.identifier === undefined) {
      throw new AuthError('the Bluesky session expired and no app password is stored: reconnect the account', {
        platform: 'bluesky',
        refreshable: false,
        secrets: secrets(),
      });
    }
    let response;
    try {
      response = await http.request({
        method: 'POST',
        path: '/xrpc/com.atproto.server.createSession',
        json: { identifier: current.identifier, password: current.password },
        bucket: BLUESKY_BUCKETS.session,
        // Opening a session twice is harmless.
        idempotent: true,
      });
    } catch (error) {
      throw refused('open a session with the app password', error);
    }
    await adopt(parseApiResponse(SessionSchema, response, 'bluesky', 'POST com.atproto.server.createSession'));
  };

  const refreshSession = async () => {
    if (current.refreshJwt === undefined) return createSession();
    let response;
    try {
      response = await http.request({
        method: 'POST',
        path: '/xrpc/com.atproto.server.refreshSession',
        headers: { authorization: `Bearer ${current.refreshJwt}` },
        idempotent: true,
      });
    } catch (error) {
      if (current.password === undefined) throw refused('renew the session', error);
      logger.info('the Bluesky refresh token was refused: opening a new session with the app password', {
        platform: 'bluesky',
        accountId: account.id,
      });
      return createSession();
    }
    await adopt(parseApiResponse(SessionSchema, response, 'bluesky', 'POST com.atproto.server.refreshSession'));
  };

  const login = singleFlight(createSession);
  const refresh = singleFlight(refreshSession);

  return {
    async getHeaders() {
      if (current.accessJwt === undefined) await login();
      return { authorization: `Bearer ${current.accessJwt!}` };
    },
    refresh,
    secrets,
  };
}

/**
 * The Bluesky adapter's credentials: the schema apps' stored credentials must fit and the
 * provider factory core calls once per account.
 *
 * @example
 * ```ts
 * const adapter = createBlueskyAdapter();
 * adapter.credentials.schema.parse({ identifier: 'brand.bsky.social', password: 'abcd-efgh-ijkl-mnop' });
 * ```
 */
export const blueskyCredentials: AdapterCredentials<BlueskyCredentials> = {
  schema: BlueskyCredentialsSchema,
  createProvider: createBlueskyCredentialsProvider,
};
