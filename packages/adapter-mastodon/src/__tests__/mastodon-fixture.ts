// The adapter's own tests drive it the way an app does: core's createClient in front of the
// testkit's Mastodon simulator, on a fake clock that moves through every wait by itself.
import { createClient, type ClientHttpOptions } from '@smm/core/client';
import { createFakeClock } from '@smm/testkit/clock';
import { createMastodonSimulator, type MastodonSimulatorOptions } from '@smm/testkit/mastodon';
import { createMastodonAdapter, type MastodonAdapterSettingsInput } from '../index.js';

/** A 1×1 PNG, base64. */
export const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Answers some requests itself (OAuth, other hosts) before they reach the simulator. */
export type ExtraRoute = (request: Request) => Response | undefined | Promise<Response | undefined>;

export interface FixtureOptions {
  settings?: Omit<MastodonAdapterSettingsInput, 'instanceUrl'>;
  simulator?: Omit<MastodonSimulatorOptions, 'clock'>;
  credentials?: Record<string, unknown>;
  extraRoutes?: ExtraRoute;
  httpOptions?: ClientHttpOptions;
}

export function mastodonFixture(options: FixtureOptions = {}) {
  const clock = createFakeClock({ now: '2026-01-05T09:00:00.000Z', autoAdvance: true });
  const sim = createMastodonSimulator({ clock, seed: 7, ...options.simulator });
  const adapter = createMastodonAdapter({ instanceUrl: sim.baseUrl, ...options.settings });
  const account = `mastodon:${sim.account.id}`;
  const savedCredentials: unknown[] = [];
  const extra: Request[] = [];
  const fetchThrough: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const answered = await options.extraRoutes?.(request.clone());
    if (answered) {
      extra.push(request);
      return answered;
    }
    return sim.fetch(request);
  };
  const client = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'mastodon', id: sim.account.id, handle: sim.account.handle }],
    credentials: { [account]: options.credentials ?? sim.credentials },
    clock,
    fetch: fetchThrough,
    onCredentialsChange: (_account, next) => void savedCredentials.push(next),
    httpOptions: { timeoutMs: 5_000, maxRetries: 3, maxWaitMs: 30 * 60_000, maxRetryTimeMs: 60 * 60_000, ...options.httpOptions },
  });
  /** What the simulator received from index `from` on, as `METHOD /path`. */
  const sent = (from = 0) => sim.requests.slice(from).map(({ method, path }) => `${method} ${path}`);
  return { clock, sim, adapter, client, account, savedCredentials, extra, sent };
}

/** The outcome of a promise, without throwing. */
export async function outcome<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
