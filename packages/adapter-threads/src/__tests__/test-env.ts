// This package's tests run on testkit's one adapter test set-up, bound to the Threads simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createThreadsSimulator, type ThreadsSimulator, type ThreadsSimulatorOptions } from '@smm/testkit/threads';
import { createThreadsAdapter, type ThreadsAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The adapter pointed at a simulator: its API and authorization hosts, its media host and its app. */
export const adapterFor = (sim: ThreadsSimulator, settings?: Partial<ThreadsAdapterSettingsInput>) =>
  createThreadsAdapter({
    baseUrl: sim.baseUrl,
    authBaseUrl: sim.baseUrl,
    mediaHost: sim.mediaHost,
    appId: sim.app.id,
    appSecret: sim.app.secret,
    ...settings,
  });

/** The Threads adapter (its settings overridden by `settings`) against a Threads simulator, seed 7; files go to the simulator's media host. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<ThreadsSimulatorOptions, 'clock'>) => createThreadsSimulator({ clock, seed: 7, ...options }),
  createAdapter: adapterFor,
});
