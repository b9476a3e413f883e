// This package's tests run on testkit's one adapter test set-up, with the Mastodon simulator.
import { createAdapterTestEnv, type AdapterTestEnvOverrides } from '@smm/testkit/adapter-test-env';
import { createMastodonSimulator, type MastodonSimulatorOptions } from '@smm/testkit/mastodon';
import { createMastodonAdapter, type MastodonAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The Mastodon adapter, its settings overridden by `settings`, against a Mastodon simulator (seed 7). */
export function testEnv(
  options: AdapterTestEnvOverrides<ReturnType<typeof createMastodonSimulator>> & {
    settings?: MastodonAdapterSettingsInput;
    simulator?: Omit<MastodonSimulatorOptions, 'clock'>;
  } = {},
) {
  const { settings, simulator, ...overrides } = options;
  return createAdapterTestEnv({
    ...overrides,
    simulator: (clock) => createMastodonSimulator({ clock, seed: 7, ...simulator }),
    createAdapter: (sim) => createMastodonAdapter({ instanceUrl: sim.baseUrl, ...settings }),
  });
}
