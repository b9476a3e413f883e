import type { MediaRef } from '@smm/core/adapter-kit';
import { createPinterestSimulator } from '@smm/testkit/pinterest';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { ONE_PIXEL_PNG_BASE64 } from './__tests__/test-env.js';
import { createPinterestAdapter } from './index.js';

// Pinterest cannot publish text alone: every draft carries an image and a board (the simulator's first).
const image: MediaRef = {
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};
const video: MediaRef = { kind: 'video', source: { type: 'bytes', base64: 'AAAAGGZ0eXA=' }, mimeType: 'video/mp4' };
const BOARD = '549755885175';

runAdapterConformance({
  name: '@smm/adapter-pinterest',
  simulator: (clock) => createPinterestSimulator({ clock, seed: 1 }),
  createAdapter: (sim) =>
    createPinterestAdapter({
      baseUrl: sim.baseUrl,
      fetch: sim.fetch,
      clientId: sim.credentials.clientId,
      clientSecret: sim.credentials.clientSecret,
    }),
  media: image,
  baseDraft: { media: [image], networkOptions: { pinterest: { boardId: BOARD } } },
  // A video is processed after its upload (3 s in the simulator): the publish goes pending.
  pendingDraft: { media: [video], networkOptions: { pinterest: { boardId: BOARD } } },
});
