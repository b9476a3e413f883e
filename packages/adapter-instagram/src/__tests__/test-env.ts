// This package's tests run on testkit's one adapter test set-up, bound to the Instagram simulator.
import type { MediaRef } from '@smm/core/adapter-kit';
import { defineAdapterTestEnv, ONE_PIXEL_PNG_BASE64 } from '@smm/testkit/adapter-test-env';
import { createInstagramSimulator, type InstagramSimulator, type InstagramSimulatorOptions } from '@smm/testkit/instagram';
import { pngFile } from '@smm/testkit/media-files';
import { createInstagramAdapter, type InstagramAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** A 1×1 PNG given as bytes, with alt text: the adapter puts it on the simulator's media host. */
export const pixel: MediaRef = {
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};

/** A PNG of the given size put on the simulator's media host: an image already at a public URL (no `mediaHost` setting needed). */
export function imageAt(sim: InstagramSimulator, width = 1080, height = 1080, altText?: string): MediaRef {
  const bytes = pngFile(width, height);
  return {
    kind: 'image',
    source: { type: 'url', url: sim.mediaHost.add(bytes, 'image/png') },
    mimeType: 'image/png',
    sizeBytes: bytes.length,
    ...(altText ? { altText } : {}),
  };
}

/** A video at a public URL (its size given, so nothing is downloaded to check it). */
export const videoUrl = (name = 'clip'): MediaRef => ({
  kind: 'video',
  source: { type: 'url', url: `https://cdn.example.com/${name}.mp4` },
  mimeType: 'video/mp4',
  sizeBytes: 4_000_000,
});

/** The Instagram adapter (its settings overridden by `settings`) against an Instagram simulator, seed 7, media hosted on the simulator's host. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<InstagramSimulatorOptions, 'clock'>) => createInstagramSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<InstagramAdapterSettingsInput>) =>
    createInstagramAdapter({ login: sim.login, baseUrl: sim.baseUrl, mediaHost: sim.mediaHost, ...settings }),
});
