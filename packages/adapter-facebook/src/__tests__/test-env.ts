// This package's tests run on testkit's one adapter test set-up, bound to the Facebook simulator.
import { defineAdapterTestEnv } from '@smm/testkit/adapter-test-env';
import { createFacebookSimulator, type FacebookSimulator, type FacebookSimulatorOptions } from '@smm/testkit/facebook';
import { createFacebookAdapter, type FacebookAdapterSettingsInput } from '../index.js';

export { ONE_PIXEL_PNG_BASE64, settle } from '@smm/testkit/adapter-test-env';

/** The adapter settings that point every host (API, video uploads, Login dialog) at a simulator, with its app. */
export const simulatorSettings = (sim: FacebookSimulator): FacebookAdapterSettingsInput => ({
  baseUrl: sim.baseUrl,
  videoBaseUrl: sim.videoBaseUrl,
  authBaseUrl: sim.baseUrl,
  appId: sim.credentials.clientId,
  appSecret: sim.credentials.clientSecret,
});

const bound = defineAdapterTestEnv({
  simulator: (clock, options?: Omit<FacebookSimulatorOptions, 'clock'>) => createFacebookSimulator({ clock, seed: 7, ...options }),
  createAdapter: (sim, settings?: Partial<FacebookAdapterSettingsInput>) =>
    createFacebookAdapter({ ...simulatorSettings(sim), ...settings }),
});

/** The Facebook adapter (its settings overridden by `settings`) against a Facebook simulator, seed 7; video uploads go to the simulator too. */
export const testEnv = bound;

/**
 * Media at a URL, with its size: this adapter reads streamed media bodies, and core asks a URL for
 * its size (a HEAD request) unless the draft gives it. Graph fetches the URL itself.
 */
export const urlMedia = (kind: 'image' | 'video', url: string, sizeBytes = 1_000) => ({
  kind,
  source: { type: 'url' as const, url },
  mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
  sizeBytes,
});
