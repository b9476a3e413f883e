import type { Adapter } from '../adapter-spec/index.js';
import type { Clock } from '../clock/index.js';
import type { TypedEmitter } from '../events/index.js';
import type { HttpClient, HttpClientOptions } from '../http/index.js';
import type { Account } from '../model/index.js';
import type { ClientEvents } from './client-events.js';
import type { ClientHttpOptions, CreateClientOptions } from './client-options.js';
import type { Logger } from './logger.js';

/**
 * @internal What every part of the client works with, passed explicitly so each part (bindings,
 * publish, output normalisation) can be unit-tested with a hand-built context, no simulator.
 */
export interface ClientContext {
  /** One adapter per platform. */
  adapters: ReadonlyMap<string, Adapter>;
  /** Accounts by `"platform:id"`. */
  accounts: ReadonlyMap<string, Account>;
  credentials: CreateClientOptions['credentials'];
  onCredentialsChange: CreateClientOptions['onCredentialsChange'];
  clock: Clock;
  logger: Logger;
  httpOptions: ClientHttpOptions | undefined;
  fetch: typeof fetch | undefined;
  createHttpClient: (options: HttpClientOptions) => HttpClient;
  /** Where `publish-pending` and `publish-progress` go (`client.on`). */
  emitter: TypedEmitter<ClientEvents>;
}
