import { createLinkedInSimulator } from '@smm/testkit/linkedin';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { mp4Video } from './__tests__/test-env.js';
import { createLinkedInAdapter } from './index.js';

// A 5-second MP4 of 80 KB (LinkedIn takes videos from 75 KB and 3 s): processed after upload
// (2 s in the simulator), so a publish with it goes pending and the pending-publish checks run on it.
const { media: video } = await mp4Video(5_000, 80);

// Posting as the organisation the member administers: share statistics and followers are reported.
runAdapterConformance({
  name: '@smm/adapter-linkedin (organisation)',
  simulator: (clock) => createLinkedInSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createLinkedInAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl }),
  pendingDraft: { media: [video] },
});
