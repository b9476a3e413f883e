import type { MediaRef } from '@smm/core/adapter-kit';
import { createFacebookSimulator } from '@smm/testkit/facebook';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { simulatorSettings } from './__tests__/test-env.js';
import { createFacebookAdapter } from './index.js';

// A video is processed after its upload (4 s in the simulator): the publish goes pending.
const video: MediaRef = { kind: 'video', source: { type: 'bytes', base64: 'AAAAGGZ0eXBpc29tAAACAGlzb21pc28y' }, mimeType: 'video/mp4' };

runAdapterConformance({
  name: '@smm/adapter-facebook',
  simulator: (clock) => createFacebookSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createFacebookAdapter(simulatorSettings(sim)),
  pendingDraft: { media: [video] },
});
