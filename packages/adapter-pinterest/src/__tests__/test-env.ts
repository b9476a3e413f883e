// This package's tests run on testkit's one adapter test set-up, bound to the Pinterest simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createPinterestSimulator, type PinterestSimulatorOptions } from '@smm/testkit/pinterest';
import { createPinterestAdapter, type PinterestAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The Pinterest adapter (its settings overridden by `settings`) against a Pinterest simulator, seed 7; uploads go through the simulator's fetch. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<PinterestSimulatorOptions, 'clock'>) => createPinterestSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<PinterestAdapterSettingsInput>) =>
    createPinterestAdapter({
      baseUrl: sim.baseUrl,
      fetch: sim.fetch,
      clientId: sim.credentials.clientId,
      clientSecret: sim.credentials.clientSecret,
      ...settings,
    }),
});
