import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createMastodonAdapter } from './index.js';

runAdapterConformance({
  name: '@smm/adapter-mastodon',
  simulator: (clock) => createMastodonSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createMastodonAdapter({ baseUrl: sim.baseUrl }),
});

// A Mastodon 4.5+ instance reports quotes_count too: still every metric from the network, none invented.
runAdapterConformance({
  name: '@smm/adapter-mastodon on Mastodon 4.5 (quotes)',
  simulator: (clock) => createMastodonSimulator({ clock, seed: 2, quotes: true }),
  createAdapter: (sim) => createMastodonAdapter({ baseUrl: sim.baseUrl }),
});
