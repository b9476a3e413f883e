// This package's tests run on testkit's one adapter test set-up, with the X simulator.
import { createAdapterTestEnv, type AdapterTestEnvOverrides } from '@smm/testkit/adapter-test-env';
import { createXSimulator, type XSimulatorOptions } from '@smm/testkit/x';
import { createXAdapter, type XAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The X adapter, its settings overridden by `settings`, against an X simulator (seed 3). */
export function testEnv(
  options: AdapterTestEnvOverrides<ReturnType<typeof createXSimulator>> & {
    settings?: XAdapterSettingsInput;
    simulator?: Omit<XSimulatorOptions, 'clock'>;
  } = {},
) {
  const { settings, simulator, ...overrides } = options;
  return createAdapterTestEnv({
    ...overrides,
    simulator: (clock) => createXSimulator({ clock, seed: 3, ...simulator }),
    createAdapter: (sim) => createXAdapter({ baseUrl: sim.baseUrl, ...settings }),
  });
}
