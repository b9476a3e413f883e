import { createInstagramSimulator, type InstagramLogin } from '@smm/testkit/instagram';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { pixel } from './__tests__/test-env.js';
import { createInstagramAdapter } from './index.js';

// Instagram cannot publish text alone: every draft carries an image (bytes, put on the simulator's
// media host, as an app's mediaHost would), and every publish is a container Instagram processes
// (2 s in the simulator), so every publish goes pending. Both logins: Facebook Login can delete,
// Instagram Login cannot (the delete check is then skipped as the capability says).
for (const login of ['facebook', 'instagram'] as const satisfies readonly InstagramLogin[]) {
  runAdapterConformance({
    name: `@smm/adapter-instagram (${login} login)`,
    simulator: (clock) => createInstagramSimulator({ clock, seed: 1, login }),
    // The connect checks log in through the simulator's hosts with its Meta app (the long-lived exchange needs the secret).
    createAdapter: (sim) =>
      createInstagramAdapter({
        login,
        baseUrl: sim.baseUrl,
        mediaHost: sim.mediaHost,
        appId: sim.credentials.clientId,
        appSecret: sim.credentials.clientSecret,
        connectHosts: { authorize: sim.baseUrl, codeExchange: sim.baseUrl },
      }),
    media: pixel,
    baseDraft: { media: [pixel] },
  });
}
