// This package's tests run on testkit's one adapter test set-up, bound to the X simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createXSimulator, type XSimulatorOptions } from '@smm/testkit/x';
import { createXAdapter, type XAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The X adapter (its settings overridden by `settings`) against an X simulator, seed 3. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<XSimulatorOptions, 'clock'>) => createXSimulator({ clock, seed: 3, ...options }),
  createAdapter: (sim, settings?: XAdapterSettingsInput) => createXAdapter({ baseUrl: sim.baseUrl, ...settings }),
});
