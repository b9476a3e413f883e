import { createTikTokSimulator, TIKTOK_SIMULATOR_PUBLIC_CLIENT_KEY, type TikTokSimulator } from '@smm/testkit/tiktok';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createTikTokAdapter } from './index.js';
import { readAll } from './media-body.js';
import { shortVideo } from './__tests__/test-env.js';

// TikTok posts need media: every publish of the suite carries a short generated video, which
// TikTok processes and moderates, so every publish goes pending.
const video = shortVideo();

runAdapterConformance({
  name: '@smm/adapter-tiktok',
  // The connect checks start the flow with `sim.credentials.clientId` and no secret: the simulator's
  // public Login Kit client. The accounts' credentials stay TikTok's own (the schema is strict).
  simulator: (clock) => {
    const sim = createTikTokSimulator({ clock, seed: 1 });
    return { ...sim, credentials: { ...sim.credentials, clientId: TIKTOK_SIMULATOR_PUBLIC_CLIENT_KEY } };
  },
  credentials: ({ credentials: { accessToken, refreshToken, clientKey, clientSecret } }: TikTokSimulator) => ({
    accessToken,
    refreshToken,
    clientKey,
    clientSecret,
  }),
  createAdapter: (sim) =>
    createTikTokAdapter({
      baseUrl: sim.baseUrl,
      // Refreshing tokens from the connect flow needs the app's secret, as with real TikTok.
      clientSecret: sim.credentials.clientSecret,
      hostPhoto: async ({ body, mimeType }) => sim.hostMedia(await readAll(body), mimeType),
    }),
  media: video,
  baseDraft: { media: [video] },
  pendingDraft: { media: [video] },
  // The bounded-memory check streams a 300 MB video through the simulator.
  timeoutMs: 180_000,
});
