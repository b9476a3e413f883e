// This package's tests run on testkit's one adapter test set-up, bound to the Instagram simulator.
import type { MediaRef } from '@smm/core/adapter-kit';
import { defineAdapterTestEnv, ONE_PIXEL_PNG_BASE64 } from '@smm/testkit/adapter-test-env';
import { createInstagramSimulator, type InstagramSimulatorOptions } from '@smm/testkit/instagram';
import { createInstagramAdapter, type InstagramAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** A 1×1 PNG given as bytes, with alt text: the adapter puts it on the simulator's media host. */
export const pixel: MediaRef = {
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};

/** An image already at a public URL (no media host needed). */
export const imageUrl = (name = 'photo'): MediaRef => ({
  kind: 'image',
  source: { type: 'url', url: `https://cdn.example.com/${name}.jpg` },
  mimeType: 'image/jpeg',
});

/** A video at a public URL. */
export const videoUrl = (name = 'clip'): MediaRef => ({
  kind: 'video',
  source: { type: 'url', url: `https://cdn.example.com/${name}.mp4` },
  mimeType: 'video/mp4',
});

/** The Instagram adapter (its settings overridden by `settings`) against an Instagram simulator, seed 7, media hosted on the simulator's host. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<InstagramSimulatorOptions, 'clock'>) => createInstagramSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<InstagramAdapterSettingsInput>) =>
    createInstagramAdapter({ login: sim.login, baseUrl: sim.baseUrl, mediaHost: sim.mediaHost, ...settings }),
});
