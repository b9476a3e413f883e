// This package's tests run on testkit's one adapter test set-up, bound to the LinkedIn simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createLinkedInSimulator, type LinkedInSimulatorOptions } from '@smm/testkit/linkedin';
import { createLinkedInAdapter, type LinkedInAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The LinkedIn adapter (its settings overridden by `settings`) against a LinkedIn simulator, seed 7. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<LinkedInSimulatorOptions, 'clock'>) => createLinkedInSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<LinkedInAdapterSettingsInput>) =>
    createLinkedInAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl, ...settings }),
});

/** An MP4 of `durationMs` with `mediaKb` KB of media data, as base64 bytes (LinkedIn takes videos from 75 KB and 3 s). */
export async function mp4Video(durationMs: number, mediaKb: number) {
  const { mp4Header, toBase64 } = await import('@smm/testkit/media-files');
  const header = mp4Header({ durationMs, width: 640, height: 360, mediaBytes: mediaKb * 1024 });
  const bytes = new Uint8Array(header.length + mediaKb * 1024);
  bytes.set(header);
  return {
    sizeBytes: bytes.length,
    media: { kind: 'video' as const, source: { type: 'bytes' as const, base64: toBase64(bytes) }, mimeType: 'video/mp4' },
  };
}
