import type { MediaRef } from '@smm/core/adapter-kit';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createMastodonAdapter } from './index.js';

// A video is processed after upload (2 s in the simulator), so a publish with one goes pending:
// the pending-publish checks run on it.
const video: MediaRef = { kind: 'video', source: { type: 'bytes', base64: 'AAAAGGZ0eXA=' }, mimeType: 'video/mp4', altText: 'A clip' };

runAdapterConformance({
  name: '@smm/adapter-mastodon',
  simulator: (clock) => createMastodonSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createMastodonAdapter({ baseUrl: sim.baseUrl }),
  pendingDraft: { media: [video] },
});

// A Mastodon 4.5+ instance reports quotes_count too: still every metric from the network, none invented.
runAdapterConformance({
  name: '@smm/adapter-mastodon on Mastodon 4.5 (quotes)',
  simulator: (clock) => createMastodonSimulator({ clock, seed: 2, quotes: true }),
  createAdapter: (sim) => createMastodonAdapter({ baseUrl: sim.baseUrl }),
  pendingDraft: { media: [video] },
});
