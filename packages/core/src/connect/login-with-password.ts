import { z } from 'zod';
import type { Adapter, AdapterV1ConnectableAccount, AdapterV1ConnectSettings } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import { parseWithSchema, toValidationIssues } from '../model/index.js';

/** Options of {@link loginWithPassword}. */
export interface PasswordLoginOptions {
  /** The handle or email (what the adapter's `connect.identifierLabel` says). */
  identifier: string;
  /** An app password (never the account's main password where the network offers app passwords). */
  password: string;
  settings?: AdapterV1ConnectSettings;
  fetch?: typeof fetch;
  now?: () => number;
  signal?: AbortSignal;
}

/** What {@link loginWithPassword} returns: the credentials to store and the accounts behind them. */
export interface PasswordLoginResult<TCredentials = unknown> {
  credentials: TCredentials;
  accounts: AdapterV1ConnectableAccount<TCredentials>[];
}

const OptionsSchema = z.object({
  identifier: z.string().min(1, { error: 'must be the handle or email to log in with (not empty)' }),
  password: z.string().min(1, { error: 'must be an app password (not empty)' }),
});

/**
 * Connects an account of a network that logs in with an app password (Bluesky's
 * `com.atproto.server.createSession`): returns the credentials to store and the accounts
 * behind the login. The password is only sent to the network.
 *
 * @throws ValidationError naming the field when input is wrong, or when the adapter has no password login.
 * @example
 * ```ts
 * const { credentials, accounts } = await loginWithPassword(createBlueskyAdapter(), { identifier: 'brand.bsky.social', password: appPassword });
 * ```
 */
export async function loginWithPassword<TCredentials = unknown>(
  adapter: Adapter,
  options: PasswordLoginOptions,
): Promise<PasswordLoginResult<TCredentials>> {
  const connect = adapter.connect;
  if (connect?.kind !== 'app-password') {
    throw new ValidationError(`password login of "${adapter.platform}"`, [
      {
        path: ['adapter', 'connect'],
        code: 'no_password_login',
        message: `${adapter.platform} has no app-password login${connect ? ' (it connects with OAuth: use createConnectFlow)' : ''}`,
      },
    ]);
  }
  // Only paths and messages come back from the schema: the password is never echoed.
  const parsed = parseWithSchema(
    OptionsSchema,
    { identifier: options.identifier, password: options.password },
    `loginWithPassword options for "${adapter.platform}"`,
  );
  const context = {
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    now: options.now ?? Date.now,
    settings: options.settings ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const raw = await connect.login(parsed, context);
  const result = adapter.credentials.schema.safeParse(raw);
  if (!result.success)
    throw new ValidationError(`credentials built by ${adapter.platform}'s login`, toValidationIssues(result.error.issues));
  const credentials = result.data as TCredentials;
  const accounts = (await connect.listConnectableAccounts(credentials, context)) as AdapterV1ConnectableAccount<TCredentials>[];
  return { credentials, accounts };
}
