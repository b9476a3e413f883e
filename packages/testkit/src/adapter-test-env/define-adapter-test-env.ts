import type { Adapter } from '@smm/core/adapter-spec';
import type { FakeClock } from '@smm/core/clock';
import type { NetworkSimulator } from '../simulator/index.js';
import { createAdapterTestEnv, type AdapterTestEnv, type AdapterTestEnvOverrides } from './create-adapter-test-env.js';

/** How a package builds its simulator and adapter, given a test's simulator options and settings. */
export interface AdapterTestEnvDefinition<TSim extends NetworkSimulator, TAdapter extends Adapter, TSimOptions, TSettings> {
  simulator: (clock: FakeClock, options: TSimOptions | undefined) => TSim;
  createAdapter: (simulator: TSim, settings: TSettings | undefined) => TAdapter;
}

/** What a test passes to a bound env: simulator options, adapter settings, and any {@link AdapterTestEnvOverrides}. */
export type BoundAdapterTestEnvOptions<TSim extends NetworkSimulator, TSimOptions, TSettings> = AdapterTestEnvOverrides<TSim> & {
  simulator?: TSimOptions;
  settings?: TSettings;
};

/**
 * Binds {@link createAdapterTestEnv} to one network once, so each test of an adapter package
 * says only what it changes: `testEnv({ settings: { … }, simulator: { mentionBacklog: 3 } })`.
 *
 * @example
 * ```ts
 * // src/__tests__/test-env.ts of an adapter package
 * export const testEnv = defineAdapterTestEnv({
 *   simulator: (clock, options?: Omit<MastodonSimulatorOptions, 'clock'>) => createMastodonSimulator({ clock, seed: 7, ...options }),
 *   createAdapter: (sim, settings?: Partial<MastodonAdapterSettingsInput>) => createMastodonAdapter({ baseUrl: sim.baseUrl, ...settings }),
 * });
 * const env = testEnv({ settings: { maxCharacters: 1000 } });
 * ```
 */
export function defineAdapterTestEnv<TSim extends NetworkSimulator, TAdapter extends Adapter, TSimOptions, TSettings>(
  definition: AdapterTestEnvDefinition<TSim, TAdapter, TSimOptions, TSettings>,
): (options?: BoundAdapterTestEnvOptions<TSim, TSimOptions, TSettings>) => AdapterTestEnv<TSim, TAdapter> {
  return (options = {}) => {
    const { simulator, settings, ...overrides } = options;
    return createAdapterTestEnv({
      ...overrides,
      simulator: (clock) => definition.simulator(clock, simulator),
      createAdapter: (sim) => definition.createAdapter(sim, settings),
    });
  };
}
