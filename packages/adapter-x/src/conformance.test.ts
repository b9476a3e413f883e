import { createXSimulator } from '@smm/testkit/x';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createXAdapter } from './index.js';

runAdapterConformance({
  name: '@smm/adapter-x',
  simulator: (clock) => createXSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createXAdapter({ baseUrl: sim.baseUrl }),
});
