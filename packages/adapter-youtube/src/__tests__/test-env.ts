// This package's tests run on testkit's one adapter test set-up, bound to the YouTube simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { mp4Header, toBase64 } from '@smm/testkit/media-files';
import { createYouTubeSimulator, type YouTubeSimulatorOptions } from '@smm/testkit/youtube';
import { createYouTubeAdapter, type YouTubeAdapterSettingsInput } from '../index.js';

export { settle } from '@smm/testkit/adapter-test-env';

/** The YouTube adapter (its settings overridden by `settings`) against a YouTube simulator, seed 7. */
export const testEnv = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<YouTubeSimulatorOptions, 'clock'>) => createYouTubeSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<YouTubeAdapterSettingsInput>) =>
    createYouTubeAdapter({
      baseUrl: sim.baseUrl,
      tokenUrl: `${sim.baseUrl}/token`,
      clientId: sim.credentials.clientId,
      // The simulator serves the Analytics API's /v2/reports beside the Data API.
      analyticsBaseUrl: sim.baseUrl,
      ...settings,
    }),
});

/** A small valid MP4 (2 s, 640×360) as bytes a draft can carry. */
export const SMALL_VIDEO = toBase64(mp4Header({ durationMs: 2_000, width: 640, height: 360, mediaBytes: 1_000 }));
