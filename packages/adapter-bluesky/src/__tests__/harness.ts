// Shared set-up of this package's own tests: a Bluesky simulator on a self-advancing fake
// clock, the adapter pointed at it, and a client that records saved credentials.
import { createClient, type ClientHttpOptions } from '@smm/core/client';
import { createFakeClock } from '@smm/testkit/clock';
import { createBlueskySimulator, type BlueskySimulatorOptions } from '@smm/testkit/bluesky';
import { createBlueskyAdapter, type BlueskyAdapterSettingsInput } from '../index.js';

export const START = '2026-01-05T09:00:00.000Z';

export interface HarnessOptions {
  sim?: BlueskySimulatorOptions;
  settings?: BlueskyAdapterSettingsInput;
  credentials?: (sim: ReturnType<typeof createBlueskySimulator>) => unknown;
  httpOptions?: ClientHttpOptions;
}

export function harness(options: HarnessOptions = {}) {
  const clock = createFakeClock({ now: START, autoAdvance: true });
  const sim = createBlueskySimulator({ clock, seed: 7, ...options.sim });
  const adapter = createBlueskyAdapter({ serviceUrl: sim.baseUrl, ...options.settings });
  const account = `bluesky:${sim.account.id}`;
  const saved: unknown[] = [];
  const client = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'bluesky', id: sim.account.id, handle: sim.account.handle }],
    credentials: { [account]: options.credentials ? options.credentials(sim) : sim.credentials },
    onCredentialsChange: (_account, next) => {
      saved.push(next);
    },
    clock,
    fetch: sim.fetch,
    httpOptions: { timeoutMs: 5_000, maxRetries: 3, maxWaitMs: 30 * 60_000, maxRetryTimeMs: 60 * 60_000, ...options.httpOptions },
  });
  /** Requests to one XRPC method, in order. */
  const calls = (nsid: string) => sim.requests.filter((request) => request.path === `/xrpc/${nsid}`);
  return { clock, sim, adapter, client, account, saved, calls };
}

/** A 1×1 PNG (70 bytes). */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
