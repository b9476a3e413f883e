import { z } from 'zod';
import type { Adapter } from '../adapter-spec/index.js';
import type { Clock } from '../clock/index.js';
import type { HttpClient, HttpClientOptions } from '../http/index.js';
import { AccountSchema, type Account, type AccountInput } from '../model/index.js';
import { isAdapter } from './is-adapter.js';
import type { Logger } from './logger.js';

/** HTTP options core passes through to every account's client. */
export type ClientHttpOptions = Pick<
  HttpClientOptions,
  'timeoutMs' | 'maxRetries' | 'maxRetryTimeMs' | 'maxWaitMs' | 'onRateLimited' | 'rateLimitStore' | 'concurrency' | 'bucketConcurrency'
>;

/** Options of {@link createClient}. */
export interface CreateClientOptions {
  /** One adapter per network. */
  adapters: readonly Adapter[];
  /** The connected accounts; each needs an adapter for its platform. */
  accounts: readonly AccountInput[];
  /**
   * Each account's stored credentials, keyed `"platform:id"`, or a function that loads them
   * (called once per account, on first use). Validated with the adapter's credentials schema.
   */
  credentials: Record<string, unknown> | ((account: Account) => unknown);
  /** Called when an adapter renews credentials (a rotated refresh token): store them. */
  onCredentialsChange?: (account: Account, credentials: unknown) => void | Promise<void>;
  clock?: Clock;
  logger?: Logger;
  httpOptions?: ClientHttpOptions;
  /** The fetch every HTTP client uses (a simulator's `fetch` in tests). */
  fetch?: typeof fetch;
  /** Builds each account's HTTP client; defaults to `createHttpClient` from `@smm/core/http`. */
  createHttpClient?: (options: HttpClientOptions) => HttpClient;
}

/** @internal Validates `createClient`'s options eagerly; unknown keys are errors (a typo would be ignored otherwise). */
export const CreateClientOptionsSchema = z.strictObject({
  adapters: z
    .array(z.custom<Adapter>(isAdapter, { error: 'must be an adapter made with defineAdapter (specificationVersion "v1")' }))
    .min(1, { error: 'must hold at least one adapter' }),
  accounts: z.array(AccountSchema),
  credentials: z.union([z.record(z.string(), z.unknown()), z.custom<(account: Account) => unknown>((v) => typeof v === 'function')], {
    error: 'must be an object keyed "platform:id" or a function (account) => credentials',
  }),
  onCredentialsChange: z.custom<NonNullable<CreateClientOptions['onCredentialsChange']>>((v) => typeof v === 'function').optional(),
  clock: z
    .custom<Clock>((v) => typeof (v as Clock)?.now === 'function' && typeof (v as Clock)?.sleep === 'function', {
      error: 'must be a Clock { now, sleep }',
    })
    .optional(),
  logger: z
    .custom<Logger>((v) => ['debug', 'info', 'warn', 'error'].every((m) => typeof (v as Record<string, unknown>)?.[m] === 'function'), {
      error: 'must have debug, info, warn and error methods',
    })
    .optional(),
  httpOptions: z.record(z.string(), z.unknown()).optional(),
  fetch: z.custom<typeof fetch>((v) => typeof v === 'function', { error: 'must be a fetch function' }).optional(),
  createHttpClient: z.custom<NonNullable<CreateClientOptions['createHttpClient']>>((v) => typeof v === 'function').optional(),
});
