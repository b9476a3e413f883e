import type { MediaRef } from '@smm/core/adapter-kit';
import { createLinkedinSimulator } from '@smm/testkit/linkedin';
import { mp4Header, toBase64 } from '@smm/testkit/media-files';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createLinkedinAdapter } from './index.js';

// A 5-second MP4 of 80 KB (LinkedIn takes videos from 75 KB and 3 s): processed after upload
// (2 s in the simulator), so a publish with it goes pending and the pending-publish checks run on it.
const header = mp4Header({ durationMs: 5_000, width: 1280, height: 720, mediaBytes: 80 * 1024 });
const file = new Uint8Array(header.length + 80 * 1024);
file.set(header);
const video: MediaRef = { kind: 'video', source: { type: 'bytes', base64: toBase64(file) }, mimeType: 'video/mp4' };

// Posting as the organisation the member administers: share statistics and followers are reported.
runAdapterConformance({
  name: '@smm/adapter-linkedin (organisation)',
  simulator: (clock) => createLinkedinSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createLinkedinAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl }),
  pendingDraft: { media: [video] },
});
