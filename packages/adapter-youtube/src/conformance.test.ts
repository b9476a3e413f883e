import type { MediaRef } from '@smm/core/adapter-kit';
import { mp4Header, toBase64 } from '@smm/testkit/media-files';
import { createYouTubeSimulator } from '@smm/testkit/youtube';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createYouTubeAdapter } from './index.js';

// YouTube publishes videos only: every publish of the suite carries a small generated MP4. The
// video is processed after upload (2 s in the simulator), so publishes go pending.
const video: MediaRef = {
  kind: 'video',
  source: { type: 'bytes', base64: toBase64(mp4Header({ durationMs: 2_000, width: 640, height: 360, mediaBytes: 4_000 })) },
  mimeType: 'video/mp4',
};

runAdapterConformance({
  name: '@smm/adapter-youtube',
  simulator: (clock) => createYouTubeSimulator({ clock, seed: 1 }),
  createAdapter: (sim) =>
    createYouTubeAdapter({
      baseUrl: sim.baseUrl,
      tokenUrl: `${sim.baseUrl}/token`,
      authorizeUrl: `${sim.baseUrl}/o/oauth2/v2/auth`,
      revokeUrl: `${sim.baseUrl}/revoke`,
    }),
  media: video,
  baseDraft: { media: [video] },
  pendingDraft: { media: [video] },
  // The 300 MB bounded-memory upload goes through the simulator in 8 MiB chunks.
  timeoutMs: 180_000,
});
