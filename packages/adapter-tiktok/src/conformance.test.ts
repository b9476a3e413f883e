import { createTikTokSimulator } from '@smm/testkit/tiktok';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createTikTokAdapter } from './index.js';
import { readAll } from './media-body.js';
import { shortVideo } from './__tests__/test-env.js';

// TikTok posts need media: every publish of the suite carries a short generated video, which
// TikTok processes and moderates, so every publish goes pending.
const video = shortVideo();

runAdapterConformance({
  name: '@smm/adapter-tiktok',
  simulator: (clock) => createTikTokSimulator({ clock, seed: 1 }),
  createAdapter: (sim) =>
    createTikTokAdapter({
      baseUrl: sim.baseUrl,
      hostPhoto: async ({ body, mimeType }) => sim.hostMedia(await readAll(body), mimeType),
    }),
  media: video,
  baseDraft: { media: [video] },
  pendingDraft: { media: [video] },
  // The bounded-memory check streams a 300 MB video through the simulator.
  timeoutMs: 180_000,
});
