import { mp4Header, toBase64 } from '@smm/testkit/media-files';
import { createXSimulator } from '@smm/testkit/x';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createXAdapter } from './index.js';

// A 2-second 640×360 MP4 (header boxes and 1 KB of filler): X processes a video before it can be
// posted, so a publish with it is pending — what the pending-publish checks need.
const header = mp4Header({ durationMs: 2_000, width: 640, height: 360, mediaBytes: 1_024 });
const video = new Uint8Array(header.length + 1_024);
video.set(header);

runAdapterConformance({
  name: '@smm/adapter-x',
  simulator: (clock) => createXSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createXAdapter({ baseUrl: sim.baseUrl }),
  pendingDraft: {
    media: [{ kind: 'video', mimeType: 'video/mp4', source: { type: 'bytes', base64: toBase64(video) }, sizeBytes: video.length }],
  },
  // The bounded-memory check streams a 300 MB video through the simulator.
  timeoutMs: 180_000,
});
