import { createBlueskySimulator } from '@smm/testkit/bluesky';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createBlueskyAdapter } from './index.js';

runAdapterConformance({
  name: '@smm/adapter-bluesky',
  simulator: (clock) => createBlueskySimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createBlueskyAdapter({ baseUrl: sim.baseUrl }),
});
