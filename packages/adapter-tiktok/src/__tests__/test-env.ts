// This package's tests run on testkit's one adapter test set-up, bound to the TikTok simulator.
import type { MediaRef } from '@smm/core/adapter-kit';
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { mp4Header, toBase64 } from '@smm/testkit/media-files';
import { createTikTokSimulator, type TikTokSimulatorOptions } from '@smm/testkit/tiktok';
import { createTikTokAdapter, type TikTokAdapterSettingsInput } from '../index.js';
import { readAll } from '../media-body.js';

export { settle } from '@smm/testkit/adapter-test-env';

/** A short, valid MP4 (a generated header of the given length, then filler), as bytes. */
export function shortVideo(durationMs = 5_000, mediaBytes = 4_096): MediaRef {
  const head = mp4Header({ durationMs, width: 720, height: 1280, mediaBytes });
  const file = new Uint8Array(head.length + mediaBytes);
  file.set(head);
  return { kind: 'video', source: { type: 'bytes', base64: toBase64(file) }, mimeType: 'video/mp4', altText: 'A generated clip' };
}

/** The TikTok adapter (its settings overridden by `settings`) against a TikTok simulator, seed 7; photos hosted on the simulator. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<TikTokSimulatorOptions, 'clock'>) => createTikTokSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<TikTokAdapterSettingsInput>) =>
    createTikTokAdapter({
      baseUrl: sim.baseUrl,
      clientKey: sim.credentials.clientKey,
      clientSecret: sim.credentials.clientSecret,
      hostPhoto: async ({ body, mimeType }) => sim.hostMedia(await readAll(body), mimeType),
      ...settings,
    }),
});
