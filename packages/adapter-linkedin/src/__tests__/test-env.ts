// This package's tests run on testkit's one adapter test set-up, bound to the LinkedIn simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createLinkedInSimulator, type LinkedInSimulatorOptions } from '@smm/testkit/linkedin';
import { createLinkedInAdapter, type LinkedInAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The LinkedIn adapter (its settings overridden by `settings`) against a LinkedIn simulator, seed 7. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<LinkedInSimulatorOptions, 'clock'>) => createLinkedInSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<LinkedInAdapterSettingsInput>) =>
    createLinkedInAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl, ...settings }),
});
