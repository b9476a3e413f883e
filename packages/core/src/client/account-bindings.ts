import type { Adapter, AdapterV1Context } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import { createMemoryRateLimitStore, type CredentialsProvider, type HttpClient, type HttpClientOptions } from '../http/index.js';
import { toValidationIssues, type Account } from '../model/index.js';
import { accountKey, type AccountRef } from './account-key.js';
import type { ClientContext } from './client-context.js';

/** @internal One account with its adapter, credentials provider and HTTP client. */
export interface AccountBinding {
  adapter: Adapter;
  account: Account;
  provider: CredentialsProvider;
  http: HttpClient;
}

/** @internal Finds accounts by reference and binds them to their adapter on first use. */
export interface AccountBindings {
  /** The account `ref` names; a `ValidationError` listing the known ones when none. */
  resolve(ref: AccountRef): Account;
  /** The account's binding, created once (credentials loaded and checked) and shared by every call. */
  bind(ref: AccountRef): Promise<AccountBinding>;
}

/**
 * @internal The options core gives `createHttpClient` for one account of one adapter: the
 * adapter's HTTP settings, the app's pass-through options, and the credentials when given.
 */
export function httpOptionsFor(
  ctx: ClientContext,
  adapter: Adapter,
  account: Account,
  credentials?: CredentialsProvider,
): HttpClientOptions {
  const settings = adapter.http;
  const idempotency = adapter.capabilities.idempotency;
  return {
    ...ctx.httpOptions,
    platform: adapter.platform,
    accountId: account.id,
    baseUrl: typeof settings.baseUrl === 'function' ? settings.baseUrl(account) : settings.baseUrl,
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    ...(settings.headers ? { headers: settings.headers } : {}),
    ...(credentials ? { credentials } : {}),
    ...(settings.parseRateLimit ? { parseRateLimit: settings.parseRateLimit } : {}),
    ...(settings.staticLimits ? { staticLimits: settings.staticLimits } : {}),
    ...(settings.mapError ? { mapError: settings.mapError } : {}),
    idempotencyKeyHeader: settings.idempotencyKeyHeader ?? (idempotency.strategy === 'native-key' ? idempotency.header : undefined),
    ...(settings.requestIdHeader ? { requestIdHeader: settings.requestIdHeader } : {}),
    clock: ctx.clock,
  };
}

async function createBinding(ctx: ClientContext, account: Account): Promise<AccountBinding> {
  const adapter = ctx.adapters.get(account.platform)!;
  const raw = typeof ctx.credentials === 'function' ? await ctx.credentials(account) : ctx.credentials[accountKey(account)];
  const result = adapter.credentials.schema.safeParse(raw);
  // Only paths and messages: never echo the (secret) values.
  if (!result.success) throw new ValidationError(`credentials of ${accountKey(account)}`, toValidationIssues(result.error.issues));
  // The auth client and the credentialed client spend the same account's limits: one store
  // (the app's, or one per binding) so they plan as one.
  const rateLimitStore = ctx.httpOptions?.rateLimitStore ?? createMemoryRateLimitStore();
  const authHttp = ctx.createHttpClient({ ...httpOptionsFor(ctx, adapter, account), rateLimitStore });
  const provider = adapter.credentials.createProvider({
    credentials: result.data,
    account,
    http: authHttp,
    clock: ctx.clock,
    logger: ctx.logger,
    saveCredentials: async (next) => {
      await ctx.onCredentialsChange?.(account, next);
    },
  });
  const http = ctx.createHttpClient({ ...httpOptionsFor(ctx, adapter, account, provider), rateLimitStore });
  return { adapter, account, provider, http };
}

/**
 * @internal Account lookup and lazy binding over a client context.
 *
 * @example
 * ```ts
 * const bindings = createAccountBindings(ctx);
 * const { adapter, http } = await bindings.bind('mastodon:1091');
 * ```
 */
export function createAccountBindings(ctx: ClientContext): AccountBindings {
  const bindings = new Map<string, Promise<AccountBinding>>();
  function resolve(ref: AccountRef): Account {
    const key = typeof ref === 'string' ? ref : accountKey(ref);
    const account = ctx.accounts.get(key);
    if (!account) {
      throw new ValidationError('account reference', [
        {
          path: [],
          code: 'unknown_account',
          message: `no account "${key}" was given to createClient (known: ${[...ctx.accounts.keys()].join(', ') || 'none'})`,
        },
      ]);
    }
    return account;
  }
  return {
    resolve,
    bind(ref) {
      const account = resolve(ref);
      const key = accountKey(account);
      let binding = bindings.get(key);
      if (!binding) {
        binding = createBinding(ctx, account);
        bindings.set(key, binding);
        // A failed binding (credentials not loadable) is tried again next time.
        binding.catch(() => bindings.delete(key));
      }
      return binding;
    },
  };
}

/**
 * @internal The context one adapter operation gets.
 *
 * @example
 * ```ts
 * await adapter.doDelete({ post }, operationContext(ctx, binding, signal));
 * ```
 */
export function operationContext(
  ctx: Pick<ClientContext, 'clock' | 'logger'>,
  binding: AccountBinding,
  signal: AbortSignal | undefined,
  idempotencyKey?: string,
): AdapterV1Context {
  return {
    http: binding.http,
    account: binding.account,
    credentials: binding.provider,
    clock: ctx.clock,
    logger: ctx.logger,
    // A fresh never-aborted signal per call: one shared signal would collect every concurrent
    // call's abort listeners (and Node's MaxListenersExceededWarning past ten).
    signal: signal ?? new AbortController().signal,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}
