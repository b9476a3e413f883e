// Shared set-up for the adapter's own tests: the X simulator on a self-advancing fake clock,
// driven through core's createClient exactly as an app would.
import { createClient, type ClientHttpOptions } from '@smm/core/client';
import { createFakeClock } from '@smm/testkit/clock';
import { createXSimulator, type XSimulatorOptions } from '@smm/testkit/x';
import { createXAdapter, type XAdapterSettingsInput } from '../index.js';

export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export interface XTestEnvOptions {
  settings?: XAdapterSettingsInput;
  simulator?: Omit<XSimulatorOptions, 'clock'>;
  credentials?: (sim: ReturnType<typeof createXSimulator>) => unknown;
  /** Wraps the simulator's fetch (to answer some requests differently). */
  fetch?: (simFetch: typeof fetch) => typeof fetch;
  httpOptions?: ClientHttpOptions;
}

export function xTestEnv(options: XTestEnvOptions = {}) {
  const clock = createFakeClock({ now: '2026-01-05T09:00:00.000Z', autoAdvance: true });
  const sim = createXSimulator({ clock, seed: 3, ...options.simulator });
  const adapter = createXAdapter({ baseUrl: sim.baseUrl, ...options.settings });
  const key = `x:${sim.account.id}`;
  const saved: unknown[] = [];
  const client = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'x', id: sim.account.id, handle: sim.account.handle }],
    credentials: { [key]: options.credentials ? options.credentials(sim) : sim.credentials },
    clock,
    fetch: options.fetch ? options.fetch(sim.fetch) : sim.fetch,
    onCredentialsChange: (_account, next) => {
      saved.push(next);
    },
    httpOptions: { timeoutMs: 5_000, maxRetries: 3, maxWaitMs: 30 * 60_000, maxRetryTimeMs: 60 * 60_000, ...options.httpOptions },
  });
  /** Requests the simulator received since `from`, as `METHOD /path`. */
  const lines = (from = 0) => sim.requests.slice(from).map((request) => `${request.method} ${request.path}`);
  return { clock, sim, adapter, client, key, saved, lines };
}

export async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
