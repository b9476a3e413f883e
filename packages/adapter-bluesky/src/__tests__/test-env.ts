// This package's tests run on testkit's one adapter test set-up, bound to the Bluesky simulator.
import { defineAdapterTestEnv, type BoundAdapterTestEnvOptions } from '@smm/testkit/adapter-test-env';
import { createBlueskySimulator, type BlueskySimulatorOptions } from '@smm/testkit/bluesky';
import { createBlueskyAdapter, type BlueskyAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

const bluesky = defineAdapterTestEnv({
  simulator: (clock, options?: BlueskySimulatorOptions) => createBlueskySimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: BlueskyAdapterSettingsInput) => createBlueskyAdapter({ baseUrl: sim.baseUrl, ...settings }),
});

/** The Bluesky adapter (its settings overridden by `settings`) against a Bluesky simulator, seed 7; `calls(nsid)` lists one XRPC method's requests. */
export function testEnv(
  options?: BoundAdapterTestEnvOptions<ReturnType<typeof createBlueskySimulator>, BlueskySimulatorOptions, BlueskyAdapterSettingsInput>,
) {
  const env = bluesky(options);
  const calls = (nsid: string) => env.sim.requests.filter((request) => request.path === `/xrpc/${nsid}`);
  return { ...env, calls };
}
