// This package's tests run on testkit's one adapter test set-up, with the Bluesky simulator.
import { createAdapterTestEnv, type AdapterTestEnvOverrides } from '@smm/testkit/adapter-test-env';
import { createBlueskySimulator, type BlueskySimulatorOptions } from '@smm/testkit/bluesky';
import { createBlueskyAdapter, type BlueskyAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The Bluesky adapter, its settings overridden by `settings`, against a Bluesky simulator (seed 7); `calls(nsid)` lists one XRPC method's requests. */
export function testEnv(
  options: AdapterTestEnvOverrides<ReturnType<typeof createBlueskySimulator>> & {
    settings?: BlueskyAdapterSettingsInput;
    simulator?: Omit<BlueskySimulatorOptions, 'clock'>;
  } = {},
) {
  const { settings, simulator, ...overrides } = options;
  const env = createAdapterTestEnv({
    ...overrides,
    simulator: (clock) => createBlueskySimulator({ clock, seed: 7, ...simulator }),
    createAdapter: (sim) => createBlueskyAdapter({ serviceUrl: sim.baseUrl, ...settings }),
  });
  /** Requests to one XRPC method, in order. */
  const calls = (nsid: string) => env.sim.requests.filter((request) => request.path === `/xrpc/${nsid}`);
  return { ...env, calls };
}
