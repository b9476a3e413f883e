import { createThreadsSimulator } from '@smm/testkit/threads';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { adapterFor } from './__tests__/test-env.js';

// Every Threads post is a container published once FINISHED: every publish goes pending. Files
// and streams reach Threads through the simulator's public media host (the mediaHost setting).
runAdapterConformance({
  name: '@smm/adapter-threads',
  simulator: (clock) => createThreadsSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => adapterFor(sim),
});
