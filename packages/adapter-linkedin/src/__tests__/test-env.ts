// This package's tests run on testkit's one adapter test set-up, bound to the LinkedIn simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createLinkedinSimulator, type LinkedinSimulatorOptions } from '@smm/testkit/linkedin';
import { createLinkedinAdapter, type LinkedinAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The LinkedIn adapter (its settings overridden by `settings`) against a LinkedIn simulator, seed 7. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<LinkedinSimulatorOptions, 'clock'>) => createLinkedinSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<LinkedinAdapterSettingsInput>) =>
    createLinkedinAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl, ...settings }),
});
