import type { Adapter } from '@smm/core/adapter-spec';
import { createClient, type ClientHttpOptions, type SmmClient } from '@smm/core/client';
import { createFakeClock, type FakeClock } from '@smm/core/clock';
import type { HttpClient, HttpClientOptions } from '@smm/core/http';
import type { AccountInput } from '@smm/core/model';
import type { NetworkSimulator } from '../simulator/index.js';

/** Options of {@link createAdapterTestEnv}. */
export interface AdapterTestEnvOptions<TSim extends NetworkSimulator, TAdapter extends Adapter = Adapter> {
  /** A fresh simulator on the env's clock (pass it on: `createMastodonSimulator({ clock, seed: 7 })`). */
  simulator: (clock: FakeClock) => TSim;
  /** The adapter under test, pointed at the simulator (`baseUrl: sim.baseUrl`). */
  createAdapter: (simulator: TSim) => TAdapter;
  /** The simulated account (default: `sim.account` on the adapter's platform). */
  account?: AccountInput | ((simulator: TSim) => AccountInput);
  /** The account's credentials, or a function of the simulator giving them (default: `sim.credentials`). */
  credentials?: object | ((simulator: TSim) => unknown);
  /**
   * Answers some requests itself (an OAuth server, another host) before they reach the
   * simulator: return a Response to answer, `undefined` to pass the request on. Answered
   * requests are kept in `intercepted`.
   */
  intercept?: (request: Request) => Response | undefined | Promise<Response | undefined>;
  /** Wraps the simulator's fetch (after `intercept`), to change or observe what reaches it. */
  fetch?: (simulatorFetch: typeof fetch, simulator: TSim) => typeof fetch;
  /** Where the clock starts (default `2026-01-05T09:00:00.000Z`). It advances by itself through every wait. */
  now?: number | string | Date;
  /** HTTP options of the client (defaults: 5 s timeout, 3 retries, waits up to 30 min of simulated time). */
  httpOptions?: ClientHttpOptions;
  /** Another HTTP client factory (default: `createHttpClient` from `@smm/core/http`). */
  createHttpClient?: (options: HttpClientOptions) => HttpClient;
}

/** What {@link createAdapterTestEnv} returns. */
export interface AdapterTestEnv<TSim extends NetworkSimulator, TAdapter extends Adapter = Adapter> {
  /** A self-advancing fake clock shared by the simulator and the client. */
  clock: FakeClock;
  sim: TSim;
  adapter: TAdapter;
  /** Core's client, as an app builds it, with only this adapter and account. */
  client: SmmClient;
  /** `platform:id` of the account under test, as client calls take it. */
  account: string;
  accountId: string;
  /** Every credentials object the client handed to `onCredentialsChange`, in order. */
  savedCredentials: unknown[];
  /** Requests `intercept` answered, in order (the simulator never saw them). */
  intercepted: Request[];
  /** Requests the simulator received from index `from` on, as `METHOD /path`. */
  requests(from?: number): string[];
}

/** What a package's own test helper lets each test change: everything but the simulator and the adapter. */
export type AdapterTestEnvOverrides<TSim extends NetworkSimulator> = Omit<AdapterTestEnvOptions<TSim>, 'simulator' | 'createAdapter'>;

/** The client's HTTP options in tests: waits run in simulated time, so they may be long. */
const TEST_HTTP_OPTIONS: ClientHttpOptions = { timeoutMs: 5_000, maxRetries: 3, maxWaitMs: 30 * 60_000, maxRetryTimeMs: 60 * 60_000 };

function resolve<TSim, T>(value: T | ((simulator: TSim) => T) | undefined, simulator: TSim): T | undefined {
  return typeof value === 'function' ? (value as (simulator: TSim) => T)(simulator) : value;
}

/**
 * The one set-up of an adapter's own tests (and of each conformance check): a network
 * simulator on a self-advancing fake clock, the adapter pointed at it, and core's
 * `createClient` in front of both, exactly as an app would build it — so a test drives the
 * adapter through validation, rate limits, retries and output parsing, in no real time.
 *
 * @example
 * ```ts
 * import { createAdapterTestEnv } from '@smm/testkit/adapter-test-env';
 * import { createMastodonSimulator } from '@smm/testkit/mastodon';
 * import { createMastodonAdapter } from '@smm/adapter-mastodon';
 *
 * const env = createAdapterTestEnv({
 *   simulator: (clock) => createMastodonSimulator({ clock, seed: 7 }),
 *   createAdapter: (sim) => createMastodonAdapter({ baseUrl: sim.baseUrl }),
 * });
 * const { published } = await env.client.publish(env.account, { text: 'Hello' });
 * env.requests(); // ['POST /api/v1/statuses']
 * ```
 */
export function createAdapterTestEnv<TSim extends NetworkSimulator, TAdapter extends Adapter = Adapter>(
  options: AdapterTestEnvOptions<TSim, TAdapter>,
): AdapterTestEnv<TSim, TAdapter> {
  const clock = createFakeClock({ now: options.now ?? '2026-01-05T09:00:00.000Z', autoAdvance: true });
  const sim = options.simulator(clock);
  const adapter = options.createAdapter(sim);
  const account = resolve(options.account, sim) ?? { platform: adapter.platform, id: sim.account.id, handle: sim.account.handle };
  const key = `${account.platform}:${account.id}`;
  const savedCredentials: unknown[] = [];
  const intercepted: Request[] = [];
  const wrapped = options.fetch ? options.fetch(sim.fetch, sim) : sim.fetch;
  // The client's fetch reaches the simulator, and a test's own servers on loopback (a media
  // host, a CDN) the way a real fetch would: the client reads URL media with it too.
  const simulatorFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return loopback && !sameOrigin(url, sim.baseUrl) ? globalThis.fetch(input, init) : wrapped(input, init);
  };
  const { intercept } = options;
  const send: typeof fetch = intercept
    ? async (input, init) => {
        const request = new Request(input, init);
        const answer = await intercept(request.clone());
        if (!answer) return simulatorFetch(request);
        intercepted.push(request);
        return answer;
      }
    : simulatorFetch;
  const client = createClient({
    adapters: [adapter],
    accounts: [account],
    credentials: { [key]: resolve(options.credentials, sim) ?? sim.credentials },
    clock,
    fetch: send,
    onCredentialsChange: (_account, next) => {
      savedCredentials.push(next);
    },
    httpOptions: { ...TEST_HTTP_OPTIONS, ...options.httpOptions },
    ...(options.createHttpClient ? { createHttpClient: options.createHttpClient } : {}),
  });
  const requests = (from = 0) => sim.requests.slice(from).map(({ method, path }) => `${method} ${path}`);
  return { clock, sim, adapter, client, account: key, accountId: account.id, savedCredentials, intercepted, requests };
}

/** Whether `url` is on the simulator's own origin (a simulator may itself be served on loopback). */
function sameOrigin(url: URL, baseUrl: string): boolean {
  try {
    return new URL(baseUrl).origin === url.origin;
  } catch {
    return false;
  }
}
