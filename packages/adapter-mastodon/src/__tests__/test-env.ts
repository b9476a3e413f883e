// This package's tests run on testkit's one adapter test set-up, bound to the Mastodon simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createMastodonSimulator, type MastodonSimulatorOptions } from '@smm/testkit/mastodon';
import { createMastodonAdapter, type MastodonAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The Mastodon adapter (its settings overridden by `settings`) against a Mastodon simulator, seed 7. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<MastodonSimulatorOptions, 'clock'>) => createMastodonSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<MastodonAdapterSettingsInput>) => createMastodonAdapter({ baseUrl: sim.baseUrl, ...settings }),
});
